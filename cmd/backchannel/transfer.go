package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/backchannel/backchannel/internal/contactfile"
	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

func (a *app) exportCommand() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole workbook as JSON (see docs/workbook-format.md)",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			wb, err := st.Export(ctx)
			if err != nil {
				return err
			}
			data, err := marshalWorkbook(wb)
			if err != nil {
				return err
			}
			return a.writeOutput(out, force, data)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE (atomically, mode 0600) instead of stdout")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists (never a workbook)")
	return cmd
}

// marshalWorkbook is the one encoding of the export format, so that export →
// import → export gives the same bytes.
func marshalWorkbook(wb model.Workbook) ([]byte, error) {
	data, err := json.MarshalIndent(wb, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// maxImportSize bounds what import reads, so a wrong file cannot eat memory.
const maxImportSize = 512 << 20

func (a *app) importCommand() *cobra.Command {
	var format, encoding string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Import a workbook (JSON) into an empty workbook, or contacts from CSV or vCard",
		Long: `Import from FILE (or - for standard input), all or nothing:

  - a workbook exported as JSON (see docs/workbook-format.md) goes into an
    EMPTY workbook, ids, history and all;
  - contacts from vCard (2.1 to 4.0: Google, Apple, Android, Outlook) or CSV
    exports (Google Contacts, Outlook in English or German, Outlook.com,
    LinkedIn Connections, Thunderbird, Yahoo, a spreadsheet with a header
    row, or backchannel's own) are added to any workbook. A contact already
    there (same email, or same name with no other organisation or email) is
    merged into it: its empty fields are filled, nothing is overwritten.

The format is taken from the file's extension or content; --format overrides.
Everything is checked first; on any problem nothing is imported and the error
names the file and the line. --dry-run shows, per contact, whether it is new,
a duplicate of #N or skipped (and why), and which CSV column became what.`,
		Example: `  backchannel import workbook.json
  backchannel import contacts.vcf --dry-run
  backchannel import Connections.csv
  backchannel import outlook.csv --encoding windows-1251`,
		Args: exactArgs(1, "the file to import (or - for standard input)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			name, data, err := readImportFile(args[0], a.stdin)
			if err != nil {
				return err
			}
			kind, err := importFormat(format, args[0], data)
			if err != nil {
				return err
			}
			if kind == "json" {
				wb, err := decodeWorkbook(name, data)
				if err != nil {
					return err
				}
				if dryRun {
					fmt.Fprintf(a.stdout, "Dry run: %s is a valid workbook export of %d proposals, %d contacts and %d conversations; it can go into an empty workbook. Nothing was imported.\n", name, len(wb.Proposals), len(wb.Contacts), len(wb.Touchpoints))
					return nil
				}
				st, err := a.openOrCreate(ctx)
				if err != nil {
					return err
				}
				if err := st.Import(ctx, wb); err != nil {
					return a.discardCreated(err)
				}
				fmt.Fprintf(a.stdout, "Imported %d proposals, %d contacts and %d conversations into %s.\n", len(wb.Proposals), len(wb.Contacts), len(wb.Touchpoints), a.dbPath)
				return nil
			}
			opt := contactfile.Options{Format: contactfile.FormatCSV, Encoding: encoding}
			if kind == "vcard" {
				opt.Format = contactfile.FormatVCard
			}
			return a.importContacts(ctx, name, data, opt, dryRun)
		},
	}
	cmd.Flags().StringVar(&format, "format", "auto", "json, csv, vcard or auto")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "show what importing contacts would do (new, duplicate of #N, skipped) and import nothing")
	cmd.Flags().StringVar(&encoding, "encoding", "", "the character set of a CSV or vCard file that is not UTF-8 and does not say (windows-1252, windows-1251, shift_jis, …)")
	return cmd
}

// importFormat decides what FILE holds: the flag, else the extension, else a
// look at the first bytes.
func importFormat(flag, path string, data []byte) (string, error) {
	switch strings.ToLower(flag) {
	case "json", "csv":
		return strings.ToLower(flag), nil
	case "vcard", "vcf":
		return "vcard", nil
	case "auto", "":
	default:
		return "", usagef(fmt.Errorf("unknown --format %q; valid: json, csv, vcard, auto", flag))
	}
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return "json", nil
	}
	switch contactfile.Detect(path, data) {
	case contactfile.FormatVCard:
		return "vcard", nil
	case contactfile.FormatCSV:
		return "csv", nil
	}
	if head := strings.TrimSpace(string(data[:min(len(data), 64)])); head == "" || strings.HasPrefix(head, "{") {
		return "json", nil
	}
	return "", fmt.Errorf("cannot tell what %s holds; name it .json, .csv or .vcf, or pass --format", path)
}

// readImportFile reads FILE or standard input, bounded by maxImportSize.
func readImportFile(path string, stdin io.Reader) (string, []byte, error) {
	var r io.Reader = stdin
	name := "standard input"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
		}
		defer f.Close()
		r, name = f, path
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportSize+1))
	if err != nil {
		return "", nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	if len(data) > maxImportSize {
		return "", nil, fmt.Errorf("%s is larger than %d MiB; too big to import", name, maxImportSize>>20)
	}
	return name, data, nil
}

// decodeWorkbook decodes an export file strictly: unknown fields, trailing
// data and truncation are errors that say where.
func decodeWorkbook(name string, data []byte) (model.Workbook, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var wb model.Workbook
	if err := dec.Decode(&wb); err != nil {
		return model.Workbook{}, fmt.Errorf("%s is not a valid workbook export: %s", name, jsonProblem(data, err))
	}
	if dec.More() {
		return model.Workbook{}, fmt.Errorf("%s is not a valid workbook export: unexpected data after the workbook", name)
	}
	if wb.Format != model.WorkbookFormat {
		return model.Workbook{}, fmt.Errorf("%s is not a backchannel workbook export (format %q)", name, wb.Format)
	}
	return wb, nil
}

// jsonProblem describes a decoding error with the line it happened on.
func jsonProblem(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the file ends early (truncated?)"
	case errors.As(err, &syn):
		return fmt.Sprintf("line %d: %s", lineOf(data, syn.Offset), syn.Error())
	case errors.As(err, &typ):
		return fmt.Sprintf("line %d: %s should be %s, not %s", lineOf(data, typ.Offset), typ.Field, typ.Type, typ.Value)
	}
	return err.Error()
}

func lineOf(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

func (a *app) backupCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "backup [PATH]",
		Short: "Save a consistent copy of the workbook (default: a dated file in backups/ beside it)",
		Args:  maxArgs(1, "one path"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			dest := ""
			if len(args) == 1 {
				dest = args[0]
			} else {
				dir := filepath.Join(filepath.Dir(a.dbPath), "backups")
				if err := os.MkdirAll(dir, 0o700); err != nil {
					return fmt.Errorf("cannot create %s: %w", dir, unwrapPathError(err))
				}
				dest = filepath.Join(dir, "workbook-"+time.Now().UTC().Format("20060102-150405")+".db")
			}
			if err := st.Backup(ctx, dest); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Saved a backup to %s.\n", dest)
			return nil
		},
	}
	return cmd
}
