package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/internal/seal"
)

// With sealing on, every copy written outside the workbook is an age file
// that import and restore read back; without it, a copy going to a synced
// folder gets a warning.
func TestSealedCopiesRoundTrip(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := demoDB(t)
	dir := t.TempDir()
	mustOK(t, cli(t, path, "", "seal", "setup"))
	if out := mustOK(t, cli(t, path, "", "seal", "status")).stdout; !strings.Contains(out, "sealed to 1 age recipient") {
		t.Errorf("seal status: %q", out)
	}
	plainBrief := mustOK(t, cli(t, path, "", "brief", "1")).stdout
	plainExport := mustOK(t, cli(t, path, "", "export")).stdout

	// brief -o and export -o are sealed.
	briefFile, exportFile := filepath.Join(dir, "brief.md"), filepath.Join(dir, "export.json")
	mustOK(t, cli(t, path, "", "brief", "1", "-o", briefFile))
	mustOK(t, cli(t, path, "", "export", "-o", exportFile))
	for _, f := range []string{briefFile, exportFile} {
		data, _ := os.ReadFile(f)
		if !bytes.HasPrefix(data, []byte("age-encryption.org/v1\n")) || bytes.Contains(data, []byte("Dana")) {
			t.Errorf("%s is not sealed", f)
		}
		if fi, _ := os.Stat(f); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", f, fi.Mode().Perm())
		}
	}
	// brief -o opens back (with age, or here its library) to the brief.
	id := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "backchannel", "identity.txt")
	sealedBrief, _ := os.ReadFile(briefFile)
	if back, err := seal.Decrypt(seal.Config{Identity: id}, seal.Keys{}, sealedBrief); err != nil || string(back) != plainBrief {
		t.Errorf("the sealed brief does not open to the brief: %v", err)
	}
	// import reads the sealed export back into a new workbook.
	other := filepath.Join(privateDir(t), "other.db")
	mustOK(t, cli(t, other, "", "import", exportFile, "--identity", filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "backchannel", "identity.txt")))
	if got := mustOK(t, cli(t, other, "", "export")).stdout; got != plainExport {
		t.Error("the sealed export does not import to the same workbook")
	}

	// backup is sealed, rotated, and restore reads it back.
	for range 3 {
		mustOK(t, cli(t, path, "", "backup", "--keep", "2"))
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "workbook-*.db.age"))
	if len(backups) != 2 {
		t.Fatalf("want the last 2 backups kept, got %v", backups)
	}
	data, _ := os.ReadFile(backups[1])
	if bytes.Contains(data, []byte("SQLite format")) {
		t.Error("the backup is not sealed")
	}
	if got := plainFiles(t, filepath.Dir(path), path); len(got) > 0 {
		t.Errorf("plain copies of the workbook beside it: %v", got)
	}
	mustOK(t, cli(t, path, "", "proposals", "add", "Added after the backup"))
	r := cli(t, path, "", "restore", backups[1])
	oneSentence(t, r, 1, "--force")
	mustOK(t, cli(t, path, "", "restore", backups[1], "--force"))
	if got := mustOK(t, cli(t, path, "", "brief", "1")).stdout; got != plainBrief {
		t.Error("the restored workbook differs from the one backed up")
	}
	if strings.Contains(mustOK(t, cli(t, path, "", "proposals")).stdout, "Added after the backup") {
		t.Error("restore kept a proposal added after the backup")
	}

	// Off: copies are plain again, and one in a synced folder is warned about.
	mustOK(t, cli(t, path, "", "seal", "off"))
	cloud := filepath.Join(dir, "Dropbox")
	os.MkdirAll(cloud, 0o700)
	r = mustOK(t, cli(t, path, "", "export", "-o", filepath.Join(cloud, "export.json")))
	if !strings.Contains(r.stderr, "Dropbox") || !strings.Contains(r.stderr, "seal setup") {
		t.Errorf("no cloud warning: %q", r.stderr)
	}
	var wb map[string]any
	raw, _ := os.ReadFile(filepath.Join(cloud, "export.json"))
	if err := json.Unmarshal(raw, &wb); err != nil {
		t.Errorf("an unsealed export is not plain JSON: %v", err)
	}
}

// A passphrase never goes on the command line: it comes from the terminal
// or BACKCHANNEL_PASSPHRASE, and a wrong one opens nothing.
func TestSealWithPassphrase(t *testing.T) {
	path := demoDB(t)
	t.Setenv("BACKCHANNEL_PASSPHRASE", "correct horse battery")
	mustOK(t, cli(t, path, "", "seal", "setup", "--passphrase"))
	file := filepath.Join(t.TempDir(), "export.json.age")
	mustOK(t, cli(t, path, "", "export", "-o", file))
	other := filepath.Join(privateDir(t), "other.db")
	t.Setenv("BACKCHANNEL_PASSPHRASE", "wrong")
	oneSentence(t, cli(t, other, "", "import", file), 1, "sealed")
	t.Setenv("BACKCHANNEL_PASSPHRASE", "correct horse battery")
	mustOK(t, cli(t, other, "", "import", file))
	oneSentence(t, cli(t, path, "", "seal", "setup", "--passphrase", "--recipient", "age1x"), 2, "not both")
}

// purge asks for --yes without a terminal, erases for good with it, and
// undo cannot bring the text back.
func TestPurgeCommand(t *testing.T) {
	path := demoDB(t)
	var talks []struct {
		ID   int64  `json:"id"`
		Said string `json:"said"`
	}
	out := mustOK(t, cli(t, path, "", "export")).stdout
	var wb struct {
		Touchpoints []struct {
			ID   int64  `json:"id"`
			Said string `json:"said"`
		} `json:"touchpoints"`
	}
	if err := json.Unmarshal([]byte(out), &wb); err != nil || len(wb.Touchpoints) == 0 {
		t.Fatalf("export: %v", err)
	}
	talks = wb.Touchpoints
	target := talks[len(talks)-1]
	id := itoa(target.ID)
	oneSentence(t, cli(t, path, "", "purge", "conversation", id), 2, "--yes")
	// Purging history says how much is older than the day first, and
	// that there is nothing to do when nothing is.
	if r := mustOK(t, cli(t, path, "", "purge", "--history-before", "2020-01-01")); !strings.Contains(r.stdout, "Nothing to erase") {
		t.Errorf("purging history older than the workbook said %q", r.stdout)
	}
	oneSentence(t, cli(t, path, "", "purge", "--history-before", "2100-01-01"), 2, "history entries")
	oneSentence(t, cli(t, path, "", "purge", "meeting", id), 2, "cannot purge")
	r := mustOK(t, cli(t, path, "", "purge", "conversation", id, "--yes"))
	if !strings.Contains(r.stdout, "Purged the conversation with") {
		t.Errorf("purge said %q", r.stdout)
	}
	// The demo was loaded in one step, which held the purged words: undo
	// says it cannot bring that back.
	oneSentence(t, cli(t, path, "", "undo"), 1, "purge erased its text for good")
	for _, suffix := range []string{"", "-wal"} {
		data, _ := os.ReadFile(path + suffix)
		if target.Said != "" && bytes.Contains(data, []byte(target.Said)) {
			t.Errorf("the purged words are still in the workbook%s file", suffix)
		}
	}
}

// The copies other commands make before replacing a workbook (demo --force)
// are sealed too.
func TestDemoForceBackupIsSealed(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := demoDB(t)
	mustOK(t, cli(t, path, "", "seal", "setup"))
	r := mustOK(t, cli(t, path, "", "demo", "--force"))
	matches, _ := filepath.Glob(path + ".bak-*")
	if len(matches) != 1 || !strings.HasSuffix(matches[0], ".age") || !strings.Contains(r.stderr, matches[0]) {
		t.Fatalf("backups %v, stderr %q", matches, r.stderr)
	}
	data, _ := os.ReadFile(matches[0])
	if !bytes.HasPrefix(data, []byte("age-encryption.org/v1\n")) {
		t.Error("the backup demo --force made is not sealed")
	}
}

// contacts export -o is sealed too, and import reads it back.
func TestSealedContactsExportRoundTrip(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := demoDB(t)
	mustOK(t, cli(t, path, "", "seal", "setup"))
	file := filepath.Join(t.TempDir(), "people.vcf")
	mustOK(t, cli(t, path, "", "contacts", "export", "--format", "vcard", "-o", file))
	data, _ := os.ReadFile(file)
	if !bytes.HasPrefix(data, []byte("age-encryption.org/v1\n")) || bytes.Contains(data, []byte("Dana")) {
		t.Fatal("contacts export -o is not sealed")
	}
	other := filepath.Join(privateDir(t), "other.db")
	mustOK(t, cli(t, other, "", "init"))
	r := mustOK(t, cli(t, other, "", "import", file, "--format", "vcard", "--identity", filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "backchannel", "identity.txt")))
	if out := mustOK(t, cli(t, other, "", "contacts")).stdout; !strings.Contains(out, "Dana Reyes") {
		t.Errorf("the sealed contacts did not import: %s / %s", r.stdout, out)
	}
}

// plainFiles names the files under dir, other than the workbook and its
// -wal and -shm, that hold a plain SQLite database or the demo's text.
func plainFiles(t *testing.T, dir, workbook string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == workbook || p == workbook+"-wal" || p == workbook+"-shm" {
			return err
		}
		data, err := os.ReadFile(p)
		if err == nil && (bytes.Contains(data, []byte("SQLite format 3\x00")) || bytes.Contains(data, []byte("Dana Reyes"))) {
			found = append(found, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// A workbook of an older schema, sealed, is upgraded with a sealed copy
// saved first — never a plain one — and restore reads that copy back.
func TestSealedMigrationBackupRestores(t *testing.T) {
	dir := privateDir(t)
	path := filepath.Join(dir, "old.db")
	src, err := os.ReadFile(filepath.Join("..", "..", "db", "testdata", "schema1-demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	id := filepath.Join(privateDir(t), "id.txt")
	r, err := seal.NewIdentity(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := seal.Save(path, seal.Config{Recipients: []string{r}, Identity: id}); err != nil {
		t.Fatal(err)
	}
	before := mustOK(t, cli(t, path, "", "proposals")).stdout
	matches, _ := filepath.Glob(path + ".bak-v1-*")
	if len(matches) != 1 || !strings.HasSuffix(matches[0], ".age") {
		t.Fatalf("want one sealed migration backup, got %v", matches)
	}
	if got := plainFiles(t, dir, path); len(got) > 0 {
		t.Errorf("plain copies beside the upgraded workbook: %v", got)
	}
	if fi, _ := os.Stat(matches[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("migration backup mode %v", fi.Mode().Perm())
	}
	other := filepath.Join(privateDir(t), "restored.db")
	mustOK(t, cli(t, other, "", "restore", matches[0], "--identity", id))
	if got := mustOK(t, cli(t, other, "", "proposals")).stdout; got != before || !strings.Contains(got, "Consolidate") {
		t.Errorf("the restored migration backup lists\n%s\nwant\n%s", got, before)
	}
}

// restore streams a sealed backup into place; a backup damaged midway, a
// file that is no workbook, or one sealed to another key is refused in one
// sentence, and leaves the workbook as it was and nothing beside it.
func TestRestoreRefusesDamagedBackups(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := demoDB(t)
	mustOK(t, cli(t, path, "", "seal", "setup"))
	backupDir := privateDir(t)
	good := filepath.Join(backupDir, "good.db.age")
	mustOK(t, cli(t, path, "", "backup", good))
	before := mustOK(t, cli(t, path, "", "export")).stdout
	sealed, _ := os.ReadFile(good)

	damaged := filepath.Join(backupDir, "damaged.db.age")
	bad := bytes.Clone(sealed)
	bad[len(bad)/2] ^= 0x40 // deep inside: the header checks out, the copy has begun
	os.WriteFile(damaged, bad, 0o600)
	notWorkbook := filepath.Join(backupDir, "notes.txt")
	os.WriteFile(notWorkbook, []byte("just some notes, not a workbook at all, long enough to have a header of a hundred bytes ........"), 0o600)
	otherKey := filepath.Join(backupDir, "other.db.age")
	{
		other := filepath.Join(privateDir(t), "o.db")
		mustOK(t, cli(t, other, "", "demo"))
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
		mustOK(t, cli(t, other, "", "seal", "setup"))
		mustOK(t, cli(t, other, "", "backup", otherKey))
	}
	for _, c := range []struct{ file, want string }{
		{damaged, "damaged or was tampered with"},
		{notWorkbook, "not a backchannel workbook backup"},
		{otherKey, "none of the keys"},
	} {
		oneSentence(t, cli(t, path, "", "restore", c.file, "--force"), 1, c.want)
		if got := mustOK(t, cli(t, path, "", "export")).stdout; got != before {
			t.Errorf("%s: a refused restore changed the workbook", filepath.Base(c.file))
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".restore-*")); len(left) > 0 {
			t.Errorf("%s: a refused restore left %v", filepath.Base(c.file), left)
		}
	}
}

// `export > file` gets a file the shell made 0644: the command cannot choose
// its mode, so it says so and points at -o. A private file, a redacted
// brief (meant to be shared) and a pipe pass without a word.
func TestWarnsWhenStdoutIsAFileOthersCanRead(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	runTo := func(mode os.FileMode, args ...string) string {
		t.Helper()
		f, err := os.Create(filepath.Join(dir, "out"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Chmod(mode); err != nil {
			t.Fatal(err)
		}
		var errOut bytes.Buffer
		if code := run(t.Context(), append([]string{"--db", path}, args...), strings.NewReader(""), f, &errOut); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		return errOut.String()
	}
	t.Setenv("BACKCHANNEL_TODAY", "2026-11-21")
	for _, args := range [][]string{{"export"}, {"brief", "1"}, {"contacts", "export"}} {
		if got := runTo(0o644, args...); !strings.Contains(got, "others on this machine can read (mode 0644)") || !strings.Contains(got, "-o FILE") {
			t.Errorf("%v > a 0644 file: stderr %q", args, got)
		}
		if got := runTo(0o600, args...); got != "" {
			t.Errorf("%v > a 0600 file: stderr %q", args, got)
		}
	}
	if got := runTo(0o644, "brief", "1", "--redact"); got != "" {
		t.Errorf("a redacted brief warned: %q", got)
	}
}
