package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

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

// defaultKeep is how many backups the default folder keeps.
const defaultKeep = 10

func (a *app) backupCommand() *cobra.Command {
	var keep int
	cmd := &cobra.Command{
		Use:   "backup [PATH]",
		Short: "Save a consistent copy of the workbook (default: a dated file in backups/ beside it, the last 10 kept)",
		Long: `Save a consistent copy of the workbook, 0600. Without PATH it goes to the
backups/ folder beside the workbook, which keeps the last --keep copies (10)
and removes older ones. When sealing is on (backchannel seal setup) the copy
is encrypted with age (.age) and restore reads it back. An unsealed copy in a
folder synced to Dropbox, iCloud Drive, OneDrive or Google Drive gets a
warning.`,
		Example: `  backchannel backup
  backchannel backup --keep 30
  backchannel backup /media/usb/workbook-copy.db`,
		Args: maxArgs(1, "one path"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if keep < 1 {
				return usagef(fmt.Errorf("--keep must be at least 1, got %d", keep))
			}
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			cfg, err := a.sealConfig()
			if err != nil {
				return err
			}
			dest, dir := "", ""
			if len(args) == 1 {
				dest = args[0]
			} else {
				dir = filepath.Join(filepath.Dir(a.dbPath), "backups")
				if err := os.MkdirAll(dir, 0o700); err != nil {
					return fmt.Errorf("cannot create %s: %w", dir, unwrapPathError(err))
				}
				dest = filepath.Join(dir, "workbook-"+time.Now().UTC().Format("20060102-150405.000")+".db")
				if cfg.On() {
					dest += ".age"
				}
			}
			if err := a.saveBackup(ctx, st, cfg, dest); err != nil {
				return err
			}
			how := ""
			if cfg.On() {
				how = " (sealed with age)"
			}
			if dir == "" {
				fmt.Fprintf(a.stdout, "Saved a backup to %s%s.\n", dest, how)
				return nil
			}
			kept, err := rotateBackups(dir, keep)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Saved a backup to %s%s; %s keeps the last %d (%d there now).\n", dest, how, dir, keep, kept)
			return nil
		},
	}
	cmd.Flags().IntVar(&keep, "keep", defaultKeep, "how many backups the default folder keeps")
	return cmd
}

// saveBackup writes a consistent copy of the workbook to dest: sealed with
// age when sealing is on, else as SQLite writes it, with a warning when dest
// is in a cloud-synced folder. A sealed copy is never plain on disk, not
// even for a moment: the store makes it in memory and it is encrypted as it
// is written into a temporary file beside dest, renamed into place at the
// end (db.Store.BackupTo, seal.Create).
func (a *app) saveBackup(ctx context.Context, st *db.Store, cfg seal.Config, dest string) error {
	if suffix, ok := a.workbookCompanion(dest); ok {
		return fmt.Errorf("%s is the workbook's %s file; a backup there would be read as part of the workbook, so choose another name", dest, suffix)
	}
	if !cfg.On() {
		if err := st.Backup(ctx, dest); err != nil {
			return err
		}
		a.warnCloud(dest)
		return nil
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%s already exists; choose a new name for the backup", dest)
	}
	f, err := seal.Create(cfg, a.sealKeys(nil), dest)
	if err != nil {
		return fmt.Errorf("cannot seal the backup: %w", unwrapPathError(err))
	}
	if err := st.BackupTo(ctx, f); err != nil {
		f.Abort()
		return err
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("cannot seal the backup: %w", unwrapPathError(err))
	}
	return nil
}

// sealedName adds .age to a backup's name when sealing is on.
func sealedName(cfg seal.Config, path string) string {
	if cfg.On() && !strings.HasSuffix(path, ".age") {
		return path + ".age"
	}
	return path
}

// rotateBackups removes all but the newest keep backups in dir (their
// names sort by time) and returns how many remain.
func rotateBackups(dir string, keep int) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "workbook-") && (strings.HasSuffix(n, ".db") || strings.HasSuffix(n, ".db.age")) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for len(names) > keep {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return 0, fmt.Errorf("cannot remove the old backup %s: %w", names[0], unwrapPathError(err))
		}
		names = names[1:]
	}
	return len(names), nil
}

func (a *app) restoreCommand() *cobra.Command {
	var identities []string
	var force bool
	cmd := &cobra.Command{
		Use:   "restore BACKUP",
		Short: "Replace the workbook with a backup (sealed or not), after backing up the current one",
		Long: `Replace the workbook with BACKUP, a copy made by backup (sealed with age or
not). The backup is checked first; a workbook that holds data is replaced only
with --force, and is itself backed up first. Close the terminal workbook
before restoring.`,
		Example: `  backchannel restore ~/.local/share/backchannel/backups/workbook-20261130-090000.000.db.age --force`,
		Args:    exactArgs(1, "the backup to restore"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			dir := filepath.Dir(a.dbPath)
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return fmt.Errorf("cannot create %s: %w", dir, unwrapPathError(err))
			}
			tmp := filepath.Join(dir, fmt.Sprintf(".restore-%d.tmp", os.Getpid()))
			defer os.Remove(tmp)
			if err := a.copyBackup(args[0], tmp, identities); err != nil {
				return err
			}
			if _, err := os.Stat(a.dbPath); err == nil {
				st, err := a.open(ctx)
				if err != nil {
					return err
				}
				empty, err := st.Empty(ctx)
				if err != nil {
					return err
				}
				if !empty && !force {
					return fmt.Errorf("%s holds data; pass --force to replace it (it is backed up first)", a.dbPath)
				}
				if !empty {
					saved := filepath.Join(dir, "backups")
					if err := os.MkdirAll(saved, 0o700); err != nil {
						return err
					}
					cfg, err := a.sealConfig()
					if err != nil {
						return err
					}
					dest := sealedName(cfg, filepath.Join(saved, "workbook-"+time.Now().UTC().Format("20060102-150405.000")+"-before-restore.db"))
					if err := a.saveBackup(ctx, st, cfg, dest); err != nil {
						return err
					}
					fmt.Fprintf(a.stdout, "Backed up the current workbook to %s.\n", dest)
				}
				a.close()
				a.store = nil
			}
			for _, suffix := range []string{"-wal", "-shm"} {
				_ = os.Remove(a.dbPath + suffix)
			}
			if err := os.Rename(tmp, a.dbPath); err != nil {
				return fmt.Errorf("cannot put the backup in place: %w", unwrapPathError(err))
			}
			fmt.Fprintf(a.stdout, "Restored %s from %s.\n", a.dbPath, args[0])
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&identities, "identity", nil, "an age identity file that opens a sealed backup (default: the one seal setup made)")
	cmd.Flags().BoolVar(&force, "force", false, "replace a workbook that holds data (after backing it up)")
	return cmd
}

// copyBackup copies the backup at src (sealed or not) to dst, a new 0600
// file in the workbook's folder, as it reads it: a sealed backup is opened
// as a stream, so a large one is never held in memory. What is copied must
// be a backchannel workbook ("bchn", the application id at offset 68 of a
// SQLite header); anything else, or a sealed file that turns out damaged
// midway, leaves no dst behind.
func (a *app) copyBackup(src, dst string, identities []string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", src, unwrapPathError(err))
	}
	defer in.Close()
	br := bufio.NewReader(in)
	head, _ := br.Peek(64)
	var r io.Reader = br
	if seal.IsSealed(head) {
		cfg, err := a.sealConfig()
		if err != nil {
			return err
		}
		if r, err = seal.Open(cfg, a.sealKeys(identities), br); err != nil {
			return fmt.Errorf("%s is sealed: %w", src, err)
		}
	}
	_ = os.Remove(dst) // a leftover of a run that was killed
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dst, unwrapPathError(err))
	}
	defer func() {
		if err != nil {
			out.Close()
			_ = os.Remove(dst)
		}
	}()
	header := make([]byte, 100)
	n, err := io.ReadFull(r, header)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return fmt.Errorf("cannot read %s: %w", src, err)
	}
	if n < 100 || string(header[:16]) != "SQLite format 3\x00" || string(header[68:72]) != "bchn" {
		return fmt.Errorf("%s is not a backchannel workbook backup", src)
	}
	if _, err := out.Write(header); err != nil {
		return fmt.Errorf("cannot write %s: %w", dst, err)
	}
	if _, err := io.Copy(out, r); err != nil {
		return fmt.Errorf("cannot restore from %s: %w", src, err)
	}
	if err := errors.Join(out.Sync(), out.Close()); err != nil {
		return fmt.Errorf("cannot write %s: %w", dst, err)
	}
	return nil
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
