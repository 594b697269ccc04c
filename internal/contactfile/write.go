package contactfile

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// formulaStarts are the first characters that make a spreadsheet run a cell
// as a formula (OWASP's list for CSV injection).
const formulaStarts = "=+-@\t\r"

// CSVHeader is backchannel's own CSV columns, in the order WriteCSV writes them.
var CSVHeader = []string{"name", "title", "org", "email", "aliases", "kind", "discretion", "value", "notes", "cadence"}

// WriteCSV writes contacts as CSV with backchannel's own columns. A cell a
// spreadsheet would run as a formula gets a leading apostrophe, which
// spreadsheets show as text and Read removes again.
func WriteCSV(w io.Writer, cs []model.Contact) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, c := range cs {
		cadence := ""
		if c.CadenceDays != 0 {
			cadence = strconv.Itoa(c.CadenceDays)
		}
		row := []string{c.Name, c.Title, c.Org, c.Email, c.Aliases, enumWord(c.Kind.String(), c.Kind == 0), enumWord(c.Discretion.String(), c.Discretion == 0), c.ValueIBring, c.Notes, cadence}
		for i, v := range row {
			row[i] = neutralise(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// enumWord leaves an unset enum's cell empty, so it reads back unset.
func enumWord(word string, unset bool) string {
	if unset {
		return ""
	}
	return word
}

// neutralise defuses a cell a spreadsheet would run as a formula. A value
// that already starts with apostrophes before such a character gets one
// more, so that unneutralise gives every value back exactly.
func neutralise(v string) string {
	if formulaLike(v) {
		return "'" + v
	}
	return v
}

// formulaLike reports whether v, past any leading apostrophes, starts with
// a character that makes a spreadsheet run it.
func formulaLike(v string) bool {
	v = strings.TrimLeft(v, "'")
	return v != "" && strings.ContainsRune(formulaStarts, rune(v[0]))
}

// WriteVCard writes contacts as vCard 4.0 (RFC 6350): FN, ORG, TITLE,
// EMAIL, NICKNAME (the aliases) and NOTE, plus backchannel's own fields as X- properties so that an
// export imports back whole. Lines are folded at 75 octets.
func WriteVCard(w io.Writer, cs []model.Contact) error {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("BEGIN:VCARD\r\nVERSION:4.0\r\n")
		prop := func(name, value string) {
			if value != "" {
				b.WriteString(fold(name + ":" + value))
			}
		}
		prop("FN", escapeText(c.Name))
		prop("ORG", escapeText(c.Org))
		prop("TITLE", escapeText(c.Title))
		prop("EMAIL", escapeText(c.Email))
		prop("NICKNAME", aliasList(c.Aliases))
		prop("NOTE", escapeText(c.Notes))
		if c.Kind != 0 {
			prop(xKind, c.Kind.String())
		}
		if c.Discretion != 0 {
			prop(xDiscretion, c.Discretion.String())
		}
		prop(xValue, escapeText(c.ValueIBring))
		if c.CadenceDays != 0 {
			prop(xCadence, strconv.Itoa(c.CadenceDays))
		}
		b.WriteString("END:VCARD\r\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// aliasList writes aliases as NICKNAME's comma-separated list.
func aliasList(aliases string) string {
	parts := redact.SplitAliases(aliases)
	for i, a := range parts {
		parts[i] = escapeText(a)
	}
	return strings.Join(parts, ",")
}

// escapeText escapes a text value for vCard 4.0: backslash, newline, comma
// and semicolon (which ORG would otherwise split on).
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return textEscapes.Replace(s)
}

var textEscapes = strings.NewReplacer(`\`, `\\`, "\n", `\n`, ",", `\,`, ";", `\;`, "\r", "")

// fold writes one content line folded at 75 octets, never inside a
// UTF-8 character, each continuation starting with a space.
func fold(line string) string {
	var b strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}
