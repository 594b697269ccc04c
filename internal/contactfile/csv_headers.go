package contactfile

import (
	"regexp"
	"strconv"
	"strings"
)

// field is what a CSV column feeds.
type field int

const (
	fNone field = iota
	fName
	fFirst
	fMiddle
	fLast
	fHonorific
	fTitle
	fOrg
	fDept
	fEmail // with the column's email slot
	fEmailLabel
	fNotes
	fKind
	fDiscretion
	fValue
	fCadence
	fAliases
)

// label is how the preview names what a column became.
func (f field) label() string {
	return [...]string{"", "name", "first name", "middle name", "last name", "honorific (not imported)", "title",
		"organisation", "department (into notes)", "email", "email label", "notes", "partner kind", "discretion",
		"value I bring", "reconnect cadence", "aliases"}[f]
}

// The header map. Every name below is a column of a published export
// header (sources in header_sources.md); matching ignores case and spaces.
// Columns not listed are not imported, and the preview says so.
var headerFields = map[string]field{
	// backchannel's own export, and the plain names a spreadsheet uses.
	"name": fName, "full name": fName, "display name": fName, "fn": fName,
	"title": fTitle, "job title": fTitle, "role": fTitle, "position": fTitle, "organization title": fTitle,
	"org": fOrg, "organisation": fOrg, "organization": fOrg, "company": fOrg, "team": fOrg, "organization name": fOrg,
	"email": fEmail, "e-mail": fEmail, "handle": fEmail, "email address": fEmail, "e-mail address": fEmail,
	"primary email": fEmail, "secondary email": fEmail, "e-mail-adresse": fEmail, "mail": fEmail,
	"kind": fKind, "partner": fKind, "partner kind": fKind,
	"discretion": fDiscretion,
	"value":      fValue, "value i bring": fValue,
	"notes": fNotes, "note": fNotes, "comments": fNotes, "notizen": fNotes,
	"cadence": fCadence, "cadence days": fCadence,
	"aliases": fAliases, "nickname": fAliases, "nicknames": fAliases, "spitzname": fAliases,
	// Name parts: Google (old and current), Outlook, Outlook.com, LinkedIn,
	// Thunderbird, Yahoo, Outlook German.
	"first name": fFirst, "given name": fFirst, "first": fFirst, "vorname": fFirst,
	"middle name": fMiddle, "additional name": fMiddle, "middle": fMiddle, "weitere vornamen": fMiddle,
	"last name": fLast, "family name": fLast, "last": fLast, "surname": fLast, "nachname": fLast,
	"name prefix": fHonorific, "anrede": fHonorific,
	// Organisation details.
	"department": fDept, "organization department": fDept, "abteilung": fDept, "firma": fOrg,
	"organization 1 - name": fOrg, "organization 1 - title": fTitle, "organization 1 - department": fDept,
}

// emailSlot finds the numbered email columns: Google's "E-mail 2 - Value"
// (and its "- Type"/"- Label"), Outlook's "E-mail 2 Address", German
// Outlook's "E-Mail 2: Adresse", Yahoo's "Alternate Email 1".
var (
	emailValue = regexp.MustCompile(`^e-mail (\d+)(?: - value| address|: adresse)$`)
	emailLabel = regexp.MustCompile(`^e-mail (\d+) - (?:type|label)$`)
	altEmail   = regexp.MustCompile(`^alternate email (\d+)$`)
)

// normHeader folds a header cell for matching.
func normHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	h = strings.Trim(strings.TrimSpace(h), `"'`)
	return strings.ToLower(strings.Join(strings.Fields(h), " "))
}

// column is one mapped header cell.
type column struct {
	header string
	f      field
	// slot orders email columns: 1 is the primary address.
	slot int
}

// mapHeader maps each header cell; known reports how many feed a field.
func mapHeader(cells []string) (cols []column, known int) {
	cols = make([]column, len(cells))
	for i, h := range cells {
		n := normHeader(h)
		c := column{header: strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))}
		switch {
		case emailValue.MatchString(n):
			c.f = fEmail
			c.slot, _ = strconv.Atoi(emailValue.FindStringSubmatch(n)[1])
		case emailLabel.MatchString(n):
			c.f = fEmailLabel
			c.slot, _ = strconv.Atoi(emailLabel.FindStringSubmatch(n)[1])
		case altEmail.MatchString(n):
			c.f = fEmail
			k, _ := strconv.Atoi(altEmail.FindStringSubmatch(n)[1])
			c.slot = 1 + k
		default:
			c.f = headerFields[n]
			if c.f == fEmail {
				c.slot = 1
				if n == "secondary email" {
					c.slot = 2
				}
			}
		}
		if c.f != fNone {
			known++
		}
		cols[i] = c
	}
	honorificTitle(cols)
	return cols, known
}

// honorificTitle settles what a bare "Title" column is. In Outlook's
// exports (which also have "Suffix" and "Job Title") it is the honorific
// ("Mr."); in Yahoo's, ours and most spreadsheets it is the job title.
func honorificTitle(cols []column) {
	outlook := false
	for _, c := range cols {
		switch normHeader(c.header) {
		case "suffix", "job title":
			outlook = true
		}
	}
	if !outlook {
		return
	}
	for i, c := range cols {
		if normHeader(c.header) == "title" {
			cols[i].f = fHonorific
		}
	}
}

// dialects name the exporter from the columns only it writes; the first
// whose columns are all present wins.
var dialects = []struct {
	name string
	has  []string
}{
	{"Google Contacts (older export)", []string{"given name", "family name"}},
	{"Google Contacts", []string{"first name", "e-mail 1 - value"}},
	{"Google Contacts", []string{"organization name", "file as"}},
	{"Outlook.com", []string{"given yomi", "e-mail address"}},
	{"Outlook (German)", []string{"vorname", "nachname"}},
	{"Outlook", []string{"e-mail address", "job title"}},
	{"LinkedIn Connections", []string{"connected on"}},
	{"Thunderbird", []string{"primary email", "display name"}},
	{"Yahoo", []string{"first", "last"}},
	{"backchannel", []string{"name", "discretion"}},
	{"backchannel", []string{"name", "kind"}},
}

// dialectOf names the export a header comes from.
func dialectOf(cols []column) string {
	have := map[string]bool{}
	for _, c := range cols {
		have[normHeader(c.header)] = true
	}
	for _, d := range dialects {
		all := true
		for _, h := range d.has {
			all = all && have[h]
		}
		if all {
			return d.name
		}
	}
	return "CSV with a header row"
}
