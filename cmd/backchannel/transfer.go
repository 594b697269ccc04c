// The export and import commands: the whole workbook as JSON (sealed or
// not) out and in, and contacts in from the vCard and CSV exports people have.

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/internal/contactfile"
	"github.com/backchannel/backchannel/internal/seal"
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
			if out == "" || out == "-" {
				a.warnReadableStdout(out)
				return streamExport(ctx, st, a.stdout, true)
			}
			if err := a.checkTarget(out, force); err != nil {
				return err
			}
			cfg, err := a.sealConfig()
			if err != nil {
				return err
			}
			if !cfg.On() {
				a.warnCloud(out)
				return streamExportFile(ctx, st, out)
			}
			// Sealed, the export is encrypted row by row as it is
			// written, never plain on disk nor whole in memory.
			f, err := seal.Create(cfg, a.sealKeys(nil), out)
			if err != nil {
				return fmt.Errorf("cannot seal %s: %w", out, unwrapPathError(err))
			}
			if err := streamExport(ctx, st, f, false); err != nil {
				f.Abort()
				return err
			}
			if err := f.Commit(); err != nil {
				return fmt.Errorf("cannot write %s: %w", out, unwrapPathError(err))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE (atomically, mode 0600) instead of stdout")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists (never a workbook)")
	return cmd
}

// marshalWorkbook is the one encoding of the export format, so that export →
// import → export gives the same bytes.
func marshalWorkbook(wb model.Workbook) ([]byte, error) {
	return marshalJSON(wb)
}

// maxImportSize bounds what import reads, so a wrong file cannot eat memory.
const maxImportSize = 512 << 20

func (a *app) importCommand() *cobra.Command {
	var format, encoding string
	var identities []string
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
			name, in, closeIn, err := a.openImport(args[0], identities)
			if err != nil {
				return err
			}
			defer closeIn()
			head, _ := in.Peek(512)
			kind, err := importFormat(format, args[0], head)
			if err != nil {
				return err
			}
			if kind == "json" {
				src := newJSONImport(name, in)
				if dryRun {
					n, err := db.CheckImport(ctx, src)
					if err != nil {
						return fileProblem(err)
					}
					fmt.Fprintf(a.stdout, "Dry run: %s is a valid workbook export of %d proposals, %d contacts and %d conversations; it can go into an empty workbook. Nothing was imported.\n", name, n.Proposals, n.Contacts, n.Touchpoints)
					return nil
				}
				st, err := a.openOrCreate(ctx)
				if err != nil {
					return err
				}
				n, err := st.ImportFrom(ctx, src)
				if errors.Is(err, context.Canceled) {
					// ctrl+c exits 130 without a word; a load stopped midway
					// has been taken out, and the user should know that.
					fmt.Fprintf(a.stderr, "backchannel: the import was stopped; nothing was imported into %s.\n", a.dbPath)
				}
				if err != nil {
					return a.discardCreated(fileProblem(err))
				}
				fmt.Fprintf(a.stdout, "Imported %d proposals, %d contacts and %d conversations into %s.\n", n.Proposals, n.Contacts, n.Touchpoints, a.dbPath)
				return nil
			}
			data, err := io.ReadAll(in)
			if err != nil {
				var big *tooBigProblem
				if errors.As(err, &big) {
					return big
				}
				return fmt.Errorf("cannot read %s: %w", name, err)
			}
			opt := contactfile.Options{Format: contactfile.FormatCSV, Encoding: encoding}
			if kind == "vcard" {
				opt.Format = contactfile.FormatVCard
			}
			return a.importContacts(ctx, name, data, opt, dryRun)
		},
	}
	cmd.Flags().StringVar(&format, "format", "auto", "json, csv, vcard or auto")
	cmd.Flags().StringSliceVar(&identities, "identity", nil, "an age identity file that opens a sealed export (default: the one seal setup made)")
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

// openImport opens FILE or standard input for import as a stream, bounded
// by maxImportSize, and a sealed file (age) through seal.Open, so that
// neither is ever held whole.
func (a *app) openImport(path string, identities []string) (string, *bufio.Reader, func(), error) {
	var r io.Reader = a.stdin
	name, closeIn := "standard input", func() {}
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", nil, nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
		}
		r, name, closeIn = f, path, func() { f.Close() }
	}
	br := bufio.NewReaderSize(&sizeLimit{r: r, name: name}, 64<<10)
	head, err := br.Peek(64)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		closeIn()
		var big *tooBigProblem
		if errors.As(err, &big) {
			return "", nil, nil, big
		}
		return "", nil, nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	if !seal.IsSealed(head) {
		return name, br, closeIn, nil
	}
	cfg, err := a.sealConfig()
	if err != nil {
		closeIn()
		return "", nil, nil, err
	}
	plain, err := seal.Open(cfg, a.sealKeys(identities), br)
	if err != nil {
		closeIn()
		return "", nil, nil, fmt.Errorf("%s is sealed: %w", name, err)
	}
	return name, bufio.NewReaderSize(plain, 64<<10), closeIn, nil
}

// fileProblem makes a bad value inside an imported file a runtime error
// (exit 1), like a file that cannot be read: the command was called right;
// the file is what is wrong. Its sentence, which names the row, is kept.
func fileProblem(err error) error {
	if errors.Is(err, model.ErrInvalid) {
		return errors.New(err.Error())
	}
	return err
}
