// The backup and restore commands: a consistent, private (and, when sealing
// is on, sealed) copy of the workbook, rotated in backups/ beside it, and
// the way back from one.

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
	"github.com/backchannel/backchannel/internal/seal"
	"github.com/spf13/cobra"
)

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
