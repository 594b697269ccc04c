package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/internal/contactfile"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui"
)

// importContacts reads an address book (CSV or vCard) and imports its
// contacts in one store call, or with dryRun shows what importing would do
// and writes nothing. The same rows are printed either way: new, duplicate
// of #N (merged by filling its empty fields), or skipped and why.
func (a *app) importContacts(ctx context.Context, name string, data []byte, opt contactfile.Options, dryRun bool) error {
	f, err := contactfile.Read(name, data, opt)
	if err != nil {
		var fe *contactfile.Error
		if errors.As(err, &fe) {
			return fmt.Errorf("%w; nothing was imported", err)
		}
		return err
	}
	contacts := f.Importable()
	var res model.ContactImport
	switch {
	case dryRun && !a.workbookExists():
		// No workbook yet: everything would be new, and a preview must not
		// create one.
		res.Decisions = model.PlanContactImport(nil, contacts)
	case dryRun:
		st, err := a.open(ctx)
		if err != nil {
			return err
		}
		if res, err = st.PreviewContactImport(ctx, contacts); err != nil {
			return err
		}
	case len(contacts) == 0:
		a.printPreview(f, name, nil, false)
		return fmt.Errorf("%s has no contact that can be imported; nothing was imported", model.Clean(name))
	default:
		st, err := a.openOrCreate(ctx)
		if err != nil {
			return err
		}
		if res, err = st.ImportContacts(ctx, contacts); err != nil {
			return a.discardCreated(err)
		}
	}
	sum := a.printPreview(f, name, res.Decisions, !dryRun)
	if dryRun {
		fmt.Fprintf(a.stdout, "\nDry run: %s; nothing was imported. Run it again without --dry-run to import.\n", sum)
		return nil
	}
	fmt.Fprintf(a.stdout, "\nImported %s into %s; filled in %s; %s.\n",
		model.Plural(len(res.Added), "new contact", "new contacts"), a.dbPath,
		model.Plural(len(res.Merged), "known contact", "known contacts"), model.Plural(sum.Skipped, "entry skipped", "entries skipped"))
	return nil
}

// workbookExists reports whether the workbook file is there.
func (a *app) workbookExists() bool {
	_, err := os.Stat(a.dbPath)
	return err == nil
}

// printPreview prints the file's description and its rows: every row for a
// dry run; after a real import only the rows that were not simply added.
func (a *app) printPreview(f contactfile.File, name string, decisions []model.ImportDecision, done bool) contactfile.Summary {
	for _, l := range f.Describe(name) {
		fmt.Fprintln(a.stdout, l)
	}
	rows, sum := contactfile.Plan(f, decisions)
	fmt.Fprintln(a.stdout)
	for _, r := range rows {
		if done && r.Kind == contactfile.RowNew && r.Detail == "" {
			continue
		}
		writeRow(a.stdout, r)
	}
	if u := f.Unused(); u != "" {
		fmt.Fprintln(a.stdout, "\n"+u)
	}
	return sum
}

// writeRow prints one preview row and, indented under it, its detail.
func writeRow(w io.Writer, r contactfile.Row) {
	fmt.Fprintf(w, "line %-5d %-28s %s\n", r.Line, r.Status, r.Who)
	if r.Detail != "" {
		fmt.Fprintf(w, "%11s%s\n", "", r.Detail)
	}
}

// The TUI's Contacts screen imports through the store it is given.
var _ tui.ContactImporter = (*db.Store)(nil)
