package db

import (
	"database/sql"
	"sync"
)

// SQLiteVersion is the version of the SQLite engine built into this
// binary ("3.51.0"), asked of an in-memory database so no workbook is
// touched; "unknown" if even that fails.
var SQLiteVersion = sync.OnceValue(func() string {
	d, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return "unknown"
	}
	defer d.Close()
	var v string
	if err := d.QueryRow("SELECT sqlite_version()").Scan(&v); err != nil {
		return "unknown"
	}
	return v
})
