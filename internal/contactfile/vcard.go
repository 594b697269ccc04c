package contactfile

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/emersion/go-vcard"
)

// vcardRead are the properties backchannel reads; the layer hands only
// these to go-vcard, so photos, keys and vendor blobs cost nothing.
var vcardRead = map[string]bool{
	"VERSION": true, "FN": true, "N": true, "ORG": true, "TITLE": true, "ROLE": true, "EMAIL": true, "NOTE": true, "NICKNAME": true,
	xKind: true, xDiscretion: true, xValue: true, xCadence: true,
}

// backchannel's own properties, written by WriteVCard so that an export
// imports again with every field.
const (
	xKind       = "X-BACKCHANNEL-PARTNER-KIND"
	xDiscretion = "X-BACKCHANNEL-DISCRETION"
	xValue      = "X-BACKCHANNEL-VALUE-I-BRING"
	xCadence    = "X-BACKCHANNEL-CADENCE-DAYS"
)

// compound properties split their value into components on ";".
var compound = map[string]bool{"N": true, "ORG": true}

// readVCards reads every card in the file. The layer in front of go-vcard
// unfolds, decodes and normalises each property; go-vcard then parses the
// clean card and picks the preferred values.
func readVCards(name string, t text) (File, error) {
	f := File{}
	lines := unfoldVCard(splitLines(t.s))
	var card []prop
	start := 0
	versions := map[string]bool{}
	for _, l := range lines {
		p, ok := lexProp(l)
		if !ok {
			if start == 0 {
				return File{}, &Error{File: name, Line: l.no, Msg: fmt.Sprintf("expected BEGIN:VCARD, got %s", quote(l.text))}
			}
			return File{}, &Error{File: name, Line: l.no, Msg: fmt.Sprintf("expected a property (NAME:value), got %s", quote(l.text))}
		}
		isBegin := p.name == "BEGIN" && strings.EqualFold(strings.TrimSpace(p.raw), "VCARD")
		isEnd := p.name == "END" && strings.EqualFold(strings.TrimSpace(p.raw), "VCARD")
		switch {
		case isBegin && start != 0:
			return File{}, &Error{File: name, Line: l.no, Msg: fmt.Sprintf("BEGIN:VCARD inside the card that begins on line %d (is its END:VCARD missing?)", start)}
		case isBegin:
			start, card = l.no, card[:0]
		case isEnd && start == 0:
			return File{}, &Error{File: name, Line: l.no, Msg: "END:VCARD without a BEGIN:VCARD before it"}
		case isEnd:
			e, version, err := readCard(name, start, card, t)
			if err != nil {
				return File{}, err
			}
			versions[version] = true
			f.Entries = append(f.Entries, e)
			start = 0
		case start == 0:
			return File{}, &Error{File: name, Line: l.no, Msg: fmt.Sprintf("%s outside a BEGIN:VCARD … END:VCARD card", quote(p.name))}
		default:
			card = append(card, p)
		}
	}
	if start != 0 {
		return File{}, &Error{File: name, Line: start, Msg: "the card that begins here is never closed with END:VCARD (is the file cut short?)"}
	}
	if len(f.Entries) == 0 {
		return File{}, &Error{File: name, Msg: "the file holds no BEGIN:VCARD card"}
	}
	vs := make([]string, 0, len(versions))
	for v := range versions {
		if v != "" {
			vs = append(vs, v)
		}
	}
	sort.Strings(vs)
	f.Dialect = "vCard"
	if len(vs) > 0 {
		f.Dialect += " " + strings.Join(vs, ", ")
	}
	return f, nil
}

// readCard turns one card's properties into an entry.
func readCard(name string, start int, props []prop, t text) (Entry, string, error) {
	var b strings.Builder
	var dropped []string
	decoded := map[string]bool{}
	b.WriteString("BEGIN:VCARD\r\n")
	for _, p := range props {
		if !vcardRead[p.name] {
			continue
		}
		v, err := p.value(t.raw, declaredOf(t))
		if errors.Is(err, errBinary) {
			continue
		}
		if err != nil && decoded[p.name] {
			// A repeated property (a second ORG, a third EMAIL) that cannot
			// be decoded is left out, and the preview says so; the first one
			// of its name decides, so it must decode.
			dropped = append(dropped, fmt.Sprintf("line %d: another %s left out (%v)", p.no, p.name, err))
			continue
		}
		if err != nil {
			return Entry{}, "", &Error{File: name, Line: p.no, Msg: fmt.Sprintf("%s: %v", p.name, err)}
		}
		decoded[p.name] = true
		v = unescape(v, compound[p.name])
		b.WriteString(cleanLine(p))
		b.WriteByte(':')
		b.WriteString(forGoVCard(v))
		b.WriteString("\r\n")
	}
	b.WriteString("END:VCARD\r\n")
	card, err := vcard.NewDecoder(strings.NewReader(b.String())).Decode()
	if err != nil {
		return Entry{}, "", &Error{File: name, Line: start, Msg: fmt.Sprintf("the card cannot be read: %v", err)}
	}
	e, err := cardPerson(card).entry(start)
	if err != nil {
		return Entry{}, "", &Error{File: name, Line: start, Msg: err.Error()}
	}
	e.Notes = append(e.Notes, dropped...)
	return e, strings.TrimSpace(card.Value(vcard.FieldVersion)), nil
}

// declaredOf is the encoding the user named, which quoted-printable bytes
// without a CHARSET are read in.
func declaredOf(t text) string {
	if e, ok := strings.CutSuffix(t.encoding, " (as asked)"); ok {
		return e
	}
	return ""
}

// cleanLine writes a property's group, name and the parameters backchannel
// uses (TYPE and PREF) in the form go-vcard parses without surprise.
func cleanLine(p prop) string {
	var b strings.Builder
	if p.group != "" {
		b.WriteString(safeToken(p.group) + ".")
	}
	b.WriteString(p.name)
	var types []string
	for _, t := range p.params["TYPE"] {
		if t = safeToken(t); t != "" {
			types = append(types, strings.ToLower(t))
		}
	}
	if len(types) > 0 {
		b.WriteString(";TYPE=" + strings.Join(types, ","))
	}
	if pref := p.param("PREF"); pref != "" && strings.Trim(pref, "0123456789") == "" && len(pref) <= 3 {
		b.WriteString(";PREF=" + pref)
	}
	return b.String()
}

// safeToken keeps the letters, digits and dashes of a parameter or group.
func safeToken(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r < 128 && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return r
		}
		return -1
	}, s)
}

// restore puts escaped semicolons back into a compound component.
func restore(s string) string { return strings.ReplaceAll(s, string(semicolon), ";") }

// cardPerson reads what backchannel keeps from a parsed card.
func cardPerson(card vcard.Card) person {
	p := person{partsFrom: "its N (structured name)"}
	p.display = card.PreferredValue(vcard.FieldFormattedName)
	if n := card.Name(); n != nil {
		p.given, p.middle, p.family = restore(n.GivenName), restore(n.AdditionalName), restore(n.FamilyName)
	}
	if org := card.Preferred(vcard.FieldOrganization); org != nil {
		parts := strings.Split(org.Value, ";")
		p.org = restore(parts[0])
		for _, d := range parts[1:] {
			p.depts = append(p.depts, restore(d))
		}
	}
	p.title = card.PreferredValue(vcard.FieldTitle)
	if strings.TrimSpace(p.title) == "" {
		p.title = card.PreferredValue(vcard.FieldRole)
	}
	if pref := card.Preferred(vcard.FieldEmail); pref != nil {
		p.emails = append(p.emails, pref.Value)
		for _, f := range card[vcard.FieldEmail] {
			if f != pref {
				p.emails = append(p.emails, f.Value)
			}
		}
	}
	p.notes = slices.Clone(card.Values(vcard.FieldNote))
	p.aliases = card.Values(vcard.FieldNickname)
	p.kind, p.discretion = card.Value(xKind), card.Value(xDiscretion)
	p.value, p.cadence = card.Value(xValue), card.Value(xCadence)
	return p
}
