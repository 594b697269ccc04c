package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// fieldFlags are the fields an edit command changes, as string flags. Only
// the flags the person gave are applied, so `set` never blanks a field by
// accident, and an empty value given on purpose ("--place ”") clears it.
type fieldFlags struct {
	cmd   *cobra.Command
	names []string
	vals  map[string]*string
	long  map[string]bool
}

func newFieldFlags(cmd *cobra.Command) *fieldFlags {
	return &fieldFlags{cmd: cmd, vals: map[string]*string{}, long: map[string]bool{}}
}

// field adds a short-text flag.
func (f *fieldFlags) field(name, usage string) {
	v := new(string)
	f.cmd.Flags().StringVar(v, name, "", usage)
	f.names = append(f.names, name)
	f.vals[name] = v
}

// text adds a long-text flag, which also reads standard input when given "-".
func (f *fieldFlags) text(name, usage string) {
	f.field(name, usage+` ("-" reads standard input, @FILE a file)`)
	f.long[name] = true
}

// yesNo adds a yes/no flag: "--votes" alone means yes, "--votes=no" no.
func (f *fieldFlags) yesNo(name, usage string) {
	f.field(name, usage+" (--"+name+" alone for yes, --"+name+"=no)")
	f.cmd.Flags().Lookup(name).NoOptDefVal = "yes"
}

// fieldValue is one flag the person gave, with its text.
type fieldValue struct{ name, value string }

// given returns the flags the person gave, in the order they were declared,
// reading standard input for a long-text flag given "-". It is called
// before the store's write transaction opens, so nothing waits on a person
// typing while the workbook is held.
func (f *fieldFlags) given(a *app) ([]fieldValue, error) {
	var out []fieldValue
	for _, n := range f.names {
		if !f.cmd.Flags().Changed(n) {
			continue
		}
		v := *f.vals[n]
		if f.long[n] {
			var err error
			if v, err = a.longText(n, v); err != nil {
				return nil, err
			}
		}
		out = append(out, fieldValue{n, v})
	}
	return out, nil
}

// requireSome refuses an edit with no flags, naming the ones it takes.
func (f *fieldFlags) requireSome(vals []fieldValue) error {
	if len(vals) > 0 {
		return nil
	}
	list := make([]string, len(f.names))
	for i, n := range f.names {
		list[i] = "--" + n
	}
	return usagef(fmt.Errorf("nothing to change; give at least one of %s", strings.Join(list, ", ")))
}

// applyEach runs fn for each given flag, stopping at the first error.
func applyEach(vals []fieldValue, fn func(name, value string) error) error {
	for _, v := range vals {
		if err := fn(v.name, v.value); err != nil {
			return err
		}
	}
	return nil
}

// parseBool reads yes/no as a person types it.
func parseBool(flag, s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "t", "1", "on":
		return true, nil
	case "no", "n", "false", "f", "0", "off":
		return false, nil
	}
	return false, usagef(fmt.Errorf("--%s must be yes or no, got %q", flag, s))
}
