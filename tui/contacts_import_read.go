package tui

// What the import reads and writes: the file, read with a size limit and
// parsed off the UI goroutine, and the contacts added in one store call; a
// file refused is said in one sentence.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/internal/contactfile"
	"github.com/backchannel/backchannel/model"
)

// maxImportFile bounds what the TUI reads, as the CLI's import does.
const maxImportFile = 512 << 20

// refusal is a read error as one sentence; unlike humanError it keeps the
// file name at its start as written ("cut.vcf, line 1: …").
func refusal(err error) string {
	var fe *contactfile.Error
	if !errors.As(err, &fe) {
		return humanError(err)
	}
	s := clean(err.Error())
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// cleanPath reads a path as people paste it: quoted, with escaped spaces,
// or starting with ~.
func cleanPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = p[1 : len(p)-1]
	} else {
		p = strings.ReplaceAll(p, `\ `, " ")
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	return p
}

// readImport reads and previews a file in a command.
func (b *backend) readImport(seq int, path, enc string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		name := filepath.Base(path)
		msg := importReadMsg{seq: seq, name: name}
		imp, ok := store.(ContactImporter)
		if !ok {
			msg.err = errors.New("this workbook cannot import contacts")
			return msg
		}
		data, err := readLimited(path)
		if err != nil {
			msg.err = err
			return msg
		}
		if msg.file, err = contactfile.Read(name, data, contactfile.Options{Encoding: enc}); err != nil {
			msg.err = err
			return msg
		}
		msg.plan, msg.err = imp.PreviewContactImport(ctx, msg.file.Importable())
		return msg
	}
}

// runImport imports the contacts in one store call, in a command.
func (b *backend) runImport(seq int, name string, cs []model.Contact) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		msg := importDoneMsg{seq: seq, name: name}
		imp, ok := store.(ContactImporter)
		if !ok {
			msg.err = errors.New("this workbook cannot import contacts")
			return msg
		}
		msg.res, msg.err = imp.ImportContacts(ctx, cs)
		return msg
	}
}

// readLimited reads a file of at most maxImportFile bytes.
func readLimited(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder; give the path of a .vcf or .csv file", path)
	}
	data, err := io.ReadAll(io.LimitReader(fh, maxImportFile+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if len(data) > maxImportFile {
		return nil, fmt.Errorf("%s is larger than %d MiB; too big to import", path, maxImportFile>>20)
	}
	return data, nil
}
