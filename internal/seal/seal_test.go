package seal

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

func init() { scryptWorkFactor = 10 } // fast tests; real files use age's default

// Every way of sealing reads back: to a generated key, to several keys,
// with a passphrase, armored; and a wrong key says so without panicking.
func TestRoundTrips(t *testing.T) {
	dir := t.TempDir()
	idPath := filepath.Join(dir, "id.txt")
	r1, err := NewIdentity(idPath)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(idPath); fi.Mode().Perm() != 0o600 {
		t.Errorf("identity mode %v", fi.Mode().Perm())
	}
	other, _ := age.GenerateX25519Identity()
	otherPath := filepath.Join(dir, "other.txt")
	os.WriteFile(otherPath, []byte(other.String()+"\n"), 0o600)
	plain := []byte("Dana talks freely at the Thursday drinks.\n")
	pass := func(bool) (string, error) { return "correct horse", nil }

	for name, c := range map[string]struct {
		cfg  Config
		keys Keys
	}{
		"generated key":    {Config{Recipients: []string{r1}, Identity: idPath}, Keys{}},
		"second recipient": {Config{Recipients: []string{r1, other.Recipient().String()}}, Keys{IdentityFiles: []string{otherPath}}},
		"passphrase":       {Config{Passphrase: true}, Keys{Passphrase: pass}},
	} {
		sealed, err := Seal(c.cfg, c.keys, plain)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bytes.Contains(sealed, []byte("Dana")) || !IsSealed(sealed) {
			t.Errorf("%s: not sealed", name)
		}
		back, err := Decrypt(c.cfg, c.keys, sealed)
		if err != nil || !bytes.Equal(back, plain) {
			t.Errorf("%s: read back %q, %v", name, back, err)
		}
	}

	// Armored, as `age -a` writes it.
	var b bytes.Buffer
	aw := armor.NewWriter(&b)
	w, _ := age.Encrypt(aw, other.Recipient())
	w.Write(plain)
	w.Close()
	aw.Close()
	if !IsSealed(b.Bytes()) {
		t.Error("an armored file is not recognised")
	}
	if back, err := Decrypt(Config{}, Keys{IdentityFiles: []string{otherPath}}, b.Bytes()); err != nil || !bytes.Equal(back, plain) {
		t.Errorf("armored: %q, %v", back, err)
	}

	// The wrong key, the wrong passphrase, no key at all.
	sealed, _ := Seal(Config{Recipients: []string{r1}}, Keys{}, plain)
	if _, err := Decrypt(Config{}, Keys{IdentityFiles: []string{otherPath}}, sealed); err == nil || !strings.Contains(err.Error(), "none of the keys") {
		t.Errorf("wrong key: %v", err)
	}
	if _, err := Decrypt(Config{}, Keys{}, sealed); err == nil || !strings.Contains(err.Error(), "--identity") {
		t.Errorf("no key: %v", err)
	}
	byPass, _ := Seal(Config{Passphrase: true}, Keys{Passphrase: pass}, plain)
	wrong := func(bool) (string, error) { return "wrong", nil }
	if _, err := Decrypt(Config{}, Keys{Passphrase: wrong}, byPass); err == nil {
		t.Error("a wrong passphrase opened the file")
	}
	// A flipped byte is caught, not returned as text.
	bad := bytes.Clone(sealed)
	bad[len(bad)-5] ^= 1
	if _, err := Decrypt(Config{Identity: idPath}, Keys{}, bad); err == nil {
		t.Error("a tampered file was read")
	}
}

// Create encrypts as it is written: the file at the target (and the
// temporary one before it) never holds the plain bytes; Commit puts a 0600
// sealed file in place, and Abort leaves nothing.
func TestCreateSealsAsItWrites(t *testing.T) {
	dir := t.TempDir()
	idPath := filepath.Join(dir, "id.txt")
	r, _ := NewIdentity(idPath)
	cfg := Config{Recipients: []string{r}, Identity: idPath}
	dst := filepath.Join(dir, "sealed.db.age")
	f, err := Create(cfg, Keys{}, dst)
	if err != nil {
		t.Fatal(err)
	}
	plain := bytes.Repeat([]byte("SQLite format 3\x00 secret rows "), 4096)
	for chunk := range slices.Chunk(plain, 4096) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
		if leaked := filesHolding(t, dir, []byte("secret rows")); len(leaked) > 0 {
			t.Fatalf("plain text on disk while writing: %v", leaked)
		}
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if leaked := filesHolding(t, dir, []byte("secret rows")); len(leaked) > 0 {
		t.Fatalf("plain text on disk after the commit: %v", leaked)
	}
	if fi, _ := os.Stat(dst); fi.Mode().Perm() != 0o600 {
		t.Errorf("sealed mode %v", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(dst)
	if back, err := Decrypt(cfg, Keys{}, data); err != nil || !bytes.Equal(back, plain) {
		t.Errorf("read back %d bytes, %v", len(back), err)
	}
	g, err := Create(cfg, Keys{}, filepath.Join(dir, "aborted.age"))
	if err != nil {
		t.Fatal(err)
	}
	g.Write(plain)
	g.Abort()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"id.txt", "sealed.db.age"}) {
		t.Errorf("after an abort the folder holds %v", names)
	}
}

// filesHolding names the files under dir whose bytes contain secret.
func filesHolding(t *testing.T, dir string, secret []byte) []string {
	t.Helper()
	var found []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err == nil && bytes.Contains(data, secret) {
			found = append(found, e.Name())
		}
	}
	return found
}

func TestConfigSaveLoad(t *testing.T) {
	wb := filepath.Join(t.TempDir(), "workbook.db")
	if c, err := Load(wb); err != nil || c.On() {
		t.Fatalf("no configuration: %+v %v", c, err)
	}
	id, _ := age.GenerateX25519Identity()
	c := Config{Recipients: []string{id.Recipient().String()}}
	if err := Save(wb, c); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(ConfigPath(wb)); fi.Mode().Perm() != 0o600 {
		t.Errorf("configuration mode %v", fi.Mode().Perm())
	}
	if got, err := Load(wb); err != nil || !got.On() || got.Recipients[0] != c.Recipients[0] {
		t.Errorf("%+v %v", got, err)
	}
	os.WriteFile(ConfigPath(wb), []byte("{nope"), 0o600)
	if _, err := Load(wb); err == nil || !strings.Contains(err.Error(), "seal setup") {
		t.Errorf("damaged configuration: %v", err)
	}
	if err := Save(wb, Config{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(ConfigPath(wb)); !os.IsNotExist(err) {
		t.Error("sealing off left the configuration")
	}
}

func TestCloudFolder(t *testing.T) {
	for path, want := range map[string]string{
		"/home/ann/Dropbox/backups/w.db":                               "Dropbox",
		"/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/w.db": "iCloud Drive",
		"/Users/ann/Library/CloudStorage/OneDrive-Acme/w.db":           "OneDrive",
		"/Users/ann/Google Drive/My Drive/w.db":                        "Google Drive",
		"/home/ann/OneDrive/w.db":                                      "OneDrive",
		"/home/ann/.local/share/backchannel/backups/workbook.db":       "",
		"/home/ann/DropboxNotes/w.db":                                  "",
	} {
		if got := CloudFolder(path); got != want {
			t.Errorf("CloudFolder(%q) = %q, want %q", path, got, want)
		}
	}
}
