package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The committed enums_text.go is exactly what the generator writes from
// today's specs: an enum added or renamed without `go generate ./model`
// fails here, so the words can never drift by hand.
func TestCommittedFileIsGenerated(t *testing.T) {
	want, err := generate([]string{"../../enums.go", "../../commitment.go"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../enums_text.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("model/enums_text.go is not what enumgen writes; run `go generate ./model`")
	}
}

// A spec without its type is refused rather than written as code that
// does not build.
func TestSpecWithoutTypeIsRefused(t *testing.T) {
	dir := t.TempDir()
	src := "package model\n\ntype Mood int\n\nvar moodSpec = enumSpec{what: \"mood\"}\nvar colourSpec = enumSpec{what: \"colour\"}\n"
	if err := os.WriteFile(dir+"/e.go", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := generate([]string{dir + "/e.go"})
	if err == nil || !strings.Contains(err.Error(), "colourSpec names no int type Colour") {
		t.Fatalf("got %v", err)
	}
}

// Every spec gets all three methods, in the order the specs appear.
func TestEveryEnumGetsItsMethods(t *testing.T) {
	dir := t.TempDir()
	src := "package model\n\ntype Mood int\ntype Tide int\n\nvar tideSpec = enumSpec{what: \"tide\"}\nvar moodSpec = enumSpec{what: \"mood\"}\nvar other = 3\n"
	if err := os.WriteFile(dir+"/e.go", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := generate([]string{dir + "/e.go"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{"func (v Tide) String() string", "func (v *Mood) UnmarshalText(b []byte) error", "moodSpec.exact(string(b))"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in:\n%s", want, s)
		}
	}
	if strings.Index(s, "Tide) String") > strings.Index(s, "Mood) String") {
		t.Error("the methods are not in the specs' order")
	}
}
