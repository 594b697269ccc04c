package contactfile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// person is what one card or row says about someone, before it is checked
// and becomes a contact. The vCard and CSV readers fill it; entry turns it
// into an Entry the same way for both.
type person struct {
	// display is the display name (FN, "Display Name", "Name").
	display string
	// given, middle and family are the name's parts (N, First/Last Name).
	given, middle, family string
	// partsFrom names the name parts in a note when they had to stand in
	// for a missing display name ("N"); "" when that is simply how the
	// format names people (CSV exports mostly do).
	partsFrom string
	org       string
	depts     []string
	title     string
	// titleMayBeHonorific is set when the title comes from a column that
	// some exports use for "Mr." and others for the job title (a bare
	// "Title" column); a vCard TITLE or a "Job Title" column is never one.
	titleMayBeHonorific bool
	// aliases are nicknames (vCard NICKNAME, a "Nickname" column, our
	// "aliases"); redaction finds people by them too.
	aliases []string
	// emails are the addresses, the preferred one first.
	emails []string
	notes  []string
	// kind, discretion, value and cadence are backchannel's own fields.
	kind, discretion, value, cadence string
}

// honorifics are the name prefixes that must never become a job title.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "mx": true, "miss": true, "dr": true, "prof": true, "sir": true, "dame": true,
	"herr": true, "frau": true, "mme": true, "mlle": true, "sra": true, "srta": true,
}

// isHonorific reports whether s is only a name prefix such as "Mr." or "Frau".
func isHonorific(s string) bool {
	return honorifics[strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))]
}

// entry checks p and makes it an Entry found on line. An error is a value
// that is not a contact at all in backchannel's own format (a partner kind
// that does not exist); the caller refuses the file with it.
func (p person) entry(line int) (Entry, error) {
	e := Entry{Line: line}
	c := &e.Contact
	c.Name = model.Clean(p.display)
	if c.Name == "" {
		c.Name = model.Clean(strings.Join([]string{p.given, p.middle, p.family}, " "))
		if c.Name != "" && p.partsFrom != "" {
			e.Notes = append(e.Notes, "named from "+p.partsFrom)
		}
	}
	c.Org = model.Clean(p.org)
	if t := model.Clean(p.title); !p.titleMayBeHonorific || !isHonorific(t) {
		c.Title = t
	}
	var aliases []string
	for _, a := range p.aliases {
		aliases = append(aliases, redact.SplitAliases(a)...)
	}
	// Tidied exactly as the store tidies aliases, so an export reads back
	// unchanged.
	c.Aliases = strings.Join(aliases, ", ")
	emails := uniqueFolded(p.emails)
	// Outlook writes an Exchange user's address as an X.500 path
	// ("/o=ExchangeLabs/ou=…/cn=Recipients/cn=…"), which no one can write to.
	if kept := slices.DeleteFunc(slices.Clone(emails), isExchangePath); len(kept) != len(emails) {
		e.Notes = append(e.Notes, "an Exchange directory path in an email column was left out")
		emails = kept
	}
	if len(emails) > 0 {
		c.Email = emails[0]
	}
	if c.Name == "" && c.Org != "" {
		c.Name = c.Org
		e.Notes = append(e.Notes, "named from its organisation")
	}
	if c.Name == "" && c.Email != "" {
		c.Name = c.Email
		e.Notes = append(e.Notes, "named from its email address")
	}
	notes := make([]string, 0, len(p.notes)+2)
	for _, n := range p.notes {
		if n = strings.TrimSpace(model.CleanBlock(n)); n != "" {
			notes = append(notes, n)
		}
	}
	if d := uniqueFolded(p.depts); len(d) > 0 {
		notes = append(notes, "Department: "+strings.Join(d, " / "))
	}
	if len(emails) > 1 {
		notes = append(notes, "Other emails: "+strings.Join(emails[1:], ", "))
		e.Notes = append(e.Notes, fmt.Sprintf("%d more email%s kept in notes", len(emails)-1, plural(len(emails)-1)))
	}
	c.Notes = strings.Join(notes, "\n")
	c.ValueIBring = strings.TrimSpace(model.CleanBlock(p.value))
	if err := p.enums(c); err != nil {
		return Entry{}, err
	}
	if c.Name == "" {
		e.Skip = "no name, organisation or email"
		return e, nil
	}
	if err := c.Validate(); err != nil {
		e.Skip = err.Error()
	}
	return e, nil
}

// enums reads backchannel's own partner kind, discretion and cadence.
func (p person) enums(c *model.Contact) error {
	var err error
	if k := strings.TrimSpace(p.kind); k != "" {
		if c.Kind, err = model.ParsePartnerKind(k); err != nil {
			return err
		}
	}
	if d := strings.TrimSpace(p.discretion); d != "" {
		if c.Discretion, err = model.ParseDiscretion(d); err != nil {
			return err
		}
	}
	if s := strings.TrimSpace(p.cadence); s != "" {
		if c.CadenceDays, err = strconv.Atoi(s); err != nil {
			return fmt.Errorf("cadence must be a number of days, got %s", quote(s))
		}
	}
	return nil
}

// isExchangePath reports an Exchange X.500 address such as "/o=Org/ou=…".
func isExchangePath(s string) bool {
	return len(s) > 3 && s[0] == '/' && strings.EqualFold(s[1:3], "o=")
}

// uniqueFolded cleans each value and drops empty ones and repeats that
// differ only in case, keeping the first spelling.
func uniqueFolded(vs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vs {
		v = model.Clean(v)
		k := strings.ToLower(v)
		if v == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
