// Package seal encrypts what backchannel writes outside the workbook —
// backups, exports, briefs — with age (filippo.io/age): to X25519
// recipients, or with an scrypt passphrase. A workbook is sealed when a
// seal configuration sits beside it (workbook.db.seal, written by
// `backchannel seal setup`); everything here is then written encrypted and
// read back by import and restore.
package seal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// Config says how a workbook seals its copies. The passphrase itself is
// never stored; nor is a private key, only where one is.
type Config struct {
	// Recipients are age X25519 public keys ("age1…").
	Recipients []string `json:"recipients,omitempty"`
	// Passphrase: seal with an scrypt passphrase, asked for each time.
	Passphrase bool `json:"passphrase,omitempty"`
	// Identity is the file holding the private key that `seal setup`
	// generated, so that import and restore can read sealed copies back.
	Identity string `json:"identity,omitempty"`
}

// On reports whether anything is sealed.
func (c Config) On() bool { return len(c.Recipients) > 0 || c.Passphrase }

// Describe says in words how copies are sealed.
func (c Config) Describe() string {
	var parts []string
	if len(c.Recipients) > 0 {
		parts = append(parts, fmt.Sprintf("to %d age recipient(s) (%s)", len(c.Recipients), strings.Join(c.Recipients, ", ")))
	}
	if c.Passphrase {
		parts = append(parts, "with a passphrase")
	}
	if len(parts) == 0 {
		return "not sealed"
	}
	return "sealed " + strings.Join(parts, " and ")
}

// ConfigPath is where a workbook's seal configuration lives: beside it, so
// it travels with the workbook's folder and applies to that workbook only.
func ConfigPath(workbook string) string { return workbook + ".seal" }

// Load reads a workbook's seal configuration; none means not sealed.
func Load(workbook string) (Config, error) {
	var c Config
	data, err := os.ReadFile(ConfigPath(workbook))
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("cannot read the seal configuration %s: %w", ConfigPath(workbook), err)
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("the seal configuration %s is damaged (%v); run `backchannel seal setup` again", ConfigPath(workbook), err)
	}
	for _, r := range c.Recipients {
		if _, err := age.ParseX25519Recipient(r); err != nil {
			return c, fmt.Errorf("the seal configuration %s names a bad recipient %q: %v", ConfigPath(workbook), r, err)
		}
	}
	return c, nil
}

// Save writes a workbook's seal configuration, 0600, atomically; a zero
// Config removes it (sealing off).
func Save(workbook string, c Config) error {
	path := ConfigPath(workbook)
	if !c.On() {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	return WriteFile(path, append(data, '\n'))
}

// Keys are what reading and writing sealed files may need at run time.
type Keys struct {
	// Passphrase asks for the passphrase; confirm asks twice (setup).
	Passphrase func(confirm bool) (string, error)
	// IdentityFiles are extra age identity files (--identity).
	IdentityFiles []string
}

// scryptWorkFactor is age's default; tests lower it.
var scryptWorkFactor = 18

func (c Config) recipients(k Keys) ([]age.Recipient, error) {
	var out []age.Recipient
	for _, s := range c.Recipients {
		r, err := age.ParseX25519Recipient(s)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if c.Passphrase {
		if len(out) > 0 {
			// age allows an scrypt stanza only alone: a passphrase plus
			// recipients is refused by setup; be safe here too.
			return nil, errors.New("a passphrase cannot be combined with recipients")
		}
		if k.Passphrase == nil {
			return nil, errors.New("this workbook seals with a passphrase; set BACKCHANNEL_PASSPHRASE or run in a terminal")
		}
		pass, err := k.Passphrase(false)
		if err != nil {
			return nil, err
		}
		r, err := age.NewScryptRecipient(pass)
		if err != nil {
			return nil, err
		}
		r.SetWorkFactor(scryptWorkFactor)
		out = append(out, r)
	}
	return out, nil
}

// Encrypt seals src into dst as c says.
func Encrypt(c Config, k Keys, dst io.Writer, src io.Reader) error {
	rs, err := c.recipients(k)
	if err != nil {
		return err
	}
	w, err := age.Encrypt(dst, rs...)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, src); err != nil {
		return err
	}
	return w.Close()
}

// Seal returns plain sealed as c says.
func Seal(c Config, k Keys, plain []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := Encrypt(c, k, &b, bytes.NewReader(plain)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

const (
	binaryHeader = "age-encryption.org/v1\n"
	armorHeader  = "-----BEGIN AGE ENCRYPTED FILE-----"
)

// IsSealed reports whether data starts like an age file (binary or armored).
func IsSealed(head []byte) bool {
	return bytes.HasPrefix(head, []byte(binaryHeader)) || bytes.HasPrefix(bytes.TrimSpace(head), []byte(armorHeader))
}

// identities gathers the private keys to try: the configured identity
// file, any given, and the passphrase when the file was sealed with one.
func (c Config) identities(k Keys, header []byte) ([]age.Identity, error) {
	var out []age.Identity
	files := k.IdentityFiles
	if c.Identity != "" {
		files = append([]string{c.Identity}, files...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			if f == c.Identity && errors.Is(err, os.ErrNotExist) && len(k.IdentityFiles) > 0 {
				continue
			}
			return nil, fmt.Errorf("cannot read the age identity %s: %w", f, err)
		}
		ids, err := age.ParseIdentities(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s holds no age identity: %v", f, err)
		}
		out = append(out, ids...)
	}
	if bytes.Contains(header, []byte("\n-> scrypt ")) {
		if k.Passphrase == nil {
			return nil, errors.New("this file is sealed with a passphrase; set BACKCHANNEL_PASSPHRASE or run in a terminal")
		}
		pass, err := k.Passphrase(false)
		if err != nil {
			return nil, err
		}
		id, err := age.NewScryptIdentity(pass)
		if err != nil {
			return nil, err
		}
		id.SetMaxWorkFactor(22)
		out = append(out, id)
	}
	if len(out) == 0 {
		return nil, errors.New("this file is sealed and no key to open it is configured; pass --identity FILE with the age identity it was sealed to")
	}
	return out, nil
}

// Decrypt opens sealed data (binary or armored).
func Decrypt(c Config, k Keys, sealed []byte) ([]byte, error) {
	r, err := Open(c, k, bytes.NewReader(sealed))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Open reads a sealed stream (binary or armored) as it comes, so a large
// backup is restored without holding it in memory. A read error from the
// returned reader means the file is damaged or was tampered with: what was
// read before it must be thrown away.
func Open(c Config, k Keys, sealed io.Reader) (io.Reader, error) {
	in := bufio.NewReader(sealed)
	head, _ := in.Peek(64)
	var src io.Reader = in
	if bytes.HasPrefix(bytes.TrimSpace(head), []byte(armorHeader)) {
		src = armor.NewReader(in)
	}
	br := bufio.NewReader(src)
	header, _ := br.Peek(4096)
	ids, err := c.identities(k, header)
	if err != nil {
		return nil, err
	}
	r, err := age.Decrypt(br, ids...)
	if err != nil {
		var none *age.NoIdentityMatchError
		if errors.As(err, &none) {
			return nil, errors.New("none of the keys given opens this sealed file (wrong passphrase or identity)")
		}
		return nil, fmt.Errorf("cannot open the sealed file: %v", err)
	}
	return damagedReader{r}, nil
}

// damagedReader words age's read errors for a person.
type damagedReader struct{ r io.Reader }

func (d damagedReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("the sealed file is damaged or was tampered with: %v", err)
	}
	return n, err
}

// NewIdentity generates an X25519 identity, saves it 0600 at path (which
// must not exist) and returns its recipient.
func NewIdentity(path string) (string, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	_, err = fmt.Fprintf(f, "# backchannel seal identity: keep a copy somewhere safe, apart from the backups;\n# without it the sealed backups cannot be read.\n# public key: %s\n%s\n", id.Recipient(), id)
	if err := errors.Join(err, f.Sync(), f.Close()); err != nil {
		return "", err
	}
	return id.Recipient().String(), nil
}

// ParseRecipient checks an age X25519 recipient.
func ParseRecipient(s string) (string, error) {
	r, err := age.ParseX25519Recipient(strings.TrimSpace(s))
	if err != nil {
		return "", fmt.Errorf("%q is not an age recipient (age1…): %v", s, err)
	}
	return r.String(), nil
}

// WriteFile writes data to path atomically, 0600: a temporary file in the
// same folder, synced, then renamed over path.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name)
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := errors.Join(tmp.Sync(), tmp.Close()); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// File is a sealed file being written: every byte written to it is
// encrypted with age as it comes and lands in a 0600 temporary file beside
// the target, so nothing plain reaches the disk. Commit finishes the
// encryption, syncs and renames the file into place; Abort removes it. One
// of the two must be called.
type File struct {
	path string
	tmp  *os.File
	enc  io.WriteCloser
	done bool
}

// Create starts a sealed file at path. Commit replaces what is there:
// callers that must not overwrite check first.
func Create(c Config, k Keys, path string) (*File, error) {
	rs, err := c.recipients(k)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	f := &File{path: path, tmp: tmp}
	if err := tmp.Chmod(0o600); err != nil {
		f.Abort()
		return nil, err
	}
	if f.enc, err = age.Encrypt(tmp, rs...); err != nil {
		f.Abort()
		return nil, err
	}
	return f, nil
}

// Write encrypts p into the file.
func (f *File) Write(p []byte) (int, error) { return f.enc.Write(p) }

// Commit finishes the file and puts it at its path.
func (f *File) Commit() error {
	if f.done {
		return errors.New("the sealed file is already finished")
	}
	f.done = true
	name := f.tmp.Name()
	err := errors.Join(f.enc.Close(), f.tmp.Sync(), f.tmp.Close())
	if err == nil {
		err = os.Rename(name, f.path)
	}
	if err != nil {
		_ = os.Remove(name)
		return err
	}
	if d, err := os.Open(filepath.Dir(f.path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// Abort removes what was written; after Commit it does nothing.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	_ = os.Remove(f.tmp.Name())
}

// cloudMarkers are path parts of folders that sync to a cloud service.
var cloudMarkers = []struct{ part, service string }{
	{"/Dropbox", "Dropbox"}, {"/iCloud Drive", "iCloud Drive"}, {"/Library/Mobile Documents", "iCloud Drive"},
	{"/iCloudDrive", "iCloud Drive"}, {"/OneDrive", "OneDrive"}, {"/Google Drive", "Google Drive"},
	{"/GoogleDrive", "Google Drive"}, {"/My Drive", "Google Drive"}, {"/Library/CloudStorage/", "a cloud storage provider"},
	{"/pCloudDrive", "pCloud"}, {"/Box Sync", "Box"}, {"/Nextcloud", "Nextcloud"},
}

// CloudFolder names the cloud service whose synced folder holds path, or
// "" when it is in none of the known ones.
func CloudFolder(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	abs = filepath.ToSlash(abs)
	for _, m := range cloudMarkers {
		if i := strings.Index(abs, m.part); i >= 0 {
			end := i + len(m.part)
			if end == len(abs) || abs[end] == '/' || strings.HasSuffix(m.part, "/") || abs[end] == ' ' || abs[end] == '-' {
				return m.service
			}
		}
	}
	return ""
}
