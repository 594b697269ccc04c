package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// exportJSON writes the workbook as JSON row by row (db.ExportTo), byte for
// byte what marshalWorkbook writes for the whole of it: the same indentation,
// escaping and field order, since each row is encoded by the same encoder
// at its depth. Memory stays at one row however large the workbook.
type exportJSON struct {
	w     *bufio.Writer
	guard bool // stdout: pass through guardTerminal, as writeOutput does
	rows  int  // rows written in the current table
	open  bool // a table is open
}

func newExportJSON(w io.Writer, guard bool) *exportJSON {
	return &exportJSON{w: bufio.NewWriterSize(w, 64<<10), guard: guard}
}

func (e *exportJSON) write(b []byte) error {
	if e.guard {
		b = guardTerminal(b)
	}
	_, err := e.w.Write(b)
	return err
}

// start writes what precedes the first table.
func (e *exportJSON) start() error {
	head, err := json.Marshal(model.WorkbookFormat)
	if err != nil {
		return err
	}
	return e.write(fmt.Appendf(nil, "{\n  \"format\": %s,\n  \"version\": %d", head, model.WorkbookVersion))
}

// Table closes the previous table and opens the next.
func (e *exportJSON) Table(name string) error {
	if err := e.closeTable(); err != nil {
		return err
	}
	e.open, e.rows = true, 0
	return e.write(fmt.Appendf(nil, ",\n  %q: [", name))
}

// Row writes one row at the depth MarshalIndent gives it.
func (e *exportJSON) Row(v any) error {
	data, err := json.MarshalIndent(v, "    ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n    "
	if e.rows == 0 {
		sep = "\n    "
	}
	e.rows++
	return e.write(append([]byte(sep), escapeForTerminal(data)...))
}

func (e *exportJSON) closeTable() error {
	if !e.open {
		return nil
	}
	e.open = false
	if e.rows == 0 {
		return e.write([]byte("]"))
	}
	return e.write([]byte("\n  ]"))
}

// finish closes the document and flushes it.
func (e *exportJSON) finish() error {
	if err := e.closeTable(); err != nil {
		return err
	}
	if err := e.write([]byte("\n}\n")); err != nil {
		return err
	}
	return e.w.Flush()
}

// streamExport writes the whole workbook to w.
func streamExport(ctx context.Context, st *db.Store, w io.Writer, guard bool) error {
	e := newExportJSON(w, guard)
	if err := e.start(); err != nil {
		return err
	}
	if err := st.ExportTo(ctx, e); err != nil {
		return err
	}
	return e.finish()
}

// streamExportFile writes the export to path as writeFileAtomic does (a
// private temporary file beside it, fsync, rename), but row by row.
func streamExportFile(ctx context.Context, st *db.Store, path string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	fail := func(err error) error {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if err := tmp.Chmod(0o600); err != nil {
		return fail(err)
	}
	if err := streamExport(ctx, st, tmp, false); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
