package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/backchannel/backchannel/internal/contactfile"
	"github.com/spf13/cobra"
)

// contactsExportCommand writes the contacts as vCard 4.0 or CSV, for other
// address books and spreadsheets; `import` reads both back with every field.
func (a *app) contactsExportCommand() *cobra.Command {
	var format, out string
	var all, force bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the contacts as vCard 4.0 or CSV (to stdout, or -o FILE)",
		Long: `Write the contacts as vCard 4.0 (FN, ORG, TITLE, EMAIL, NICKNAME for the
aliases, NOTE, and backchannel's own fields as X-BACKCHANNEL- properties) or
as CSV with backchannel's columns (name, title, org, email, aliases, kind,
discretion, value, notes, cadence). A CSV cell that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) gets a leading
apostrophe; import removes it again. Archived contacts only with --all.`,
		Example: `  backchannel contacts export --format vcard -o people.vcf
  backchannel contacts export --format csv > people.csv`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := exportFormat(format, out)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			contacts, err := st.ListContacts(ctx, all)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if f == contactfile.FormatCSV {
				err = contactfile.WriteCSV(&b, contacts)
			} else {
				err = contactfile.WriteVCard(&b, contacts)
			}
			if err != nil {
				return err
			}
			a.warnReadableStdout(out)
			return a.writeOutput(out, force, b.Bytes())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "vcard or csv (default: from -o's extension, else vcard)")
	fl.StringVarP(&out, "output", "o", "", "write to FILE instead of stdout")
	fl.BoolVar(&all, "all", false, "include archived contacts")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists (never a workbook)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"vcard", "csv"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// exportFormat reads --format, or -o's extension when it is not given.
func exportFormat(flag, out string) (contactfile.Format, error) {
	switch strings.ToLower(flag) {
	case "vcard", "vcf":
		return contactfile.FormatVCard, nil
	case "csv":
		return contactfile.FormatCSV, nil
	case "":
		if strings.EqualFold(filepath.Ext(out), ".csv") {
			return contactfile.FormatCSV, nil
		}
		return contactfile.FormatVCard, nil
	}
	return 0, usagef(fmt.Errorf("unknown --format %q; valid: vcard, csv", flag))
}
