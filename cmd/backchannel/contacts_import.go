package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// parseContactsCSV reads contacts from CSV with a header row. Columns are
// matched by name, case-insensitively; only "name" is required. Every problem
// is reported with its line number and nothing is returned on error, so an
// import is all or nothing.
func parseContactsCSV(data []byte) ([]model.Contact, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0 // every row must have the header's width
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("the CSV file is empty; it needs a header row with at least a name column")
	}
	if err != nil {
		return nil, csvProblem(err)
	}
	cols := map[string]int{}
	for i, h := range header {
		key, ok := csvColumns[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))]
		if !ok {
			return nil, fmt.Errorf("line 1: unknown column %q; known: name, title, org, email, kind, discretion, value, notes, cadence", h)
		}
		if _, dup := cols[key]; dup {
			return nil, fmt.Errorf("line 1: column %q appears twice", h)
		}
		cols[key] = i
	}
	if _, ok := cols["name"]; !ok {
		return nil, errors.New("line 1: the header has no name column")
	}
	var out []model.Contact
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvProblem(err)
		}
		line, _ := r.FieldPos(0)
		get := func(k string) string {
			if i, ok := cols[k]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		c := model.Contact{Name: get("name"), Title: get("title"), Org: get("org"), Email: get("email"), ValueIBring: get("value"), Notes: get("notes")}
		if err := fillEnums(&c, get("kind"), get("discretion"), get("cadence")); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New("the CSV file has a header but no contacts")
	}
	return out, nil
}

var csvColumns = map[string]string{
	"name": "name", "full name": "name", "fn": "name",
	"title": "title", "job title": "title", "role": "title",
	"org": "org", "organisation": "org", "organization": "org", "company": "org", "team": "org",
	"email": "email", "e-mail": "email", "handle": "email",
	"kind": "kind", "partner": "kind", "partner kind": "kind",
	"discretion": "discretion",
	"value":      "value", "value i bring": "value",
	"notes": "notes", "note": "notes",
	"cadence": "cadence", "cadence days": "cadence",
}

func fillEnums(c *model.Contact, kind, discretion, cadence string) error {
	var err error
	if kind != "" {
		if c.Kind, err = model.ParsePartnerKind(kind); err != nil {
			return err
		}
	}
	if discretion != "" {
		if c.Discretion, err = model.ParseDiscretion(discretion); err != nil {
			return err
		}
	}
	if cadence != "" {
		if c.CadenceDays, err = strconv.Atoi(cadence); err != nil {
			return fmt.Errorf("cadence must be a number of days, got %q", cadence)
		}
	}
	return nil
}

func csvProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return fmt.Errorf("line %d: wrong number of fields (every row needs one per header column)", pe.Line)
		}
		return fmt.Errorf("line %d: %v", pe.Line, pe.Err)
	}
	return err
}

// parseVCards reads contacts from a vCard file (versions 2.1 to 4.0): FN (or
// N), TITLE, ORG, EMAIL and NOTE. Folded lines are unfolded. A card without a
// name, or an unbalanced BEGIN/END, is an error with its line number.
func parseVCards(data []byte) ([]model.Contact, error) {
	lines := unfoldVCard(string(data))
	var out []model.Contact
	var cur *model.Contact
	var start int
	var structured string
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		name, value, ok := strings.Cut(l.text, ":")
		if !ok {
			return nil, fmt.Errorf("line %d: expected PROPERTY:value, got %q", l.no, truncate(l.text, 40))
		}
		prop := strings.ToUpper(name)
		if i := strings.IndexByte(prop, ';'); i >= 0 {
			prop = prop[:i]
		}
		if j := strings.LastIndexByte(prop, '.'); j >= 0 { // grouped properties: item1.EMAIL
			prop = prop[j+1:]
		}
		switch {
		case prop == "BEGIN" && strings.EqualFold(strings.TrimSpace(value), "VCARD"):
			if cur != nil {
				return nil, fmt.Errorf("line %d: BEGIN:VCARD inside the card that began on line %d", l.no, start)
			}
			cur, start, structured = &model.Contact{}, l.no, ""
		case prop == "END" && strings.EqualFold(strings.TrimSpace(value), "VCARD"):
			if cur == nil {
				return nil, fmt.Errorf("line %d: END:VCARD without BEGIN:VCARD", l.no)
			}
			if strings.TrimSpace(cur.Name) == "" {
				cur.Name = structured
			}
			if err := cur.Validate(); err != nil {
				return nil, fmt.Errorf("card on line %d: %w", start, err)
			}
			out = append(out, *cur)
			cur = nil
		case cur == nil:
			return nil, fmt.Errorf("line %d: %s outside a BEGIN:VCARD … END:VCARD card", l.no, prop)
		case prop == "FN":
			cur.Name = vcardText(value)
		case prop == "N":
			parts := strings.Split(value, ";")
			if len(parts) >= 2 {
				structured = strings.TrimSpace(vcardText(parts[1]) + " " + vcardText(parts[0]))
			} else {
				structured = vcardText(value)
			}
		case prop == "TITLE":
			cur.Title = vcardText(value)
		case prop == "ORG":
			cur.Org = vcardText(strings.Split(value, ";")[0])
		case prop == "EMAIL" && cur.Email == "":
			cur.Email = vcardText(value)
		case prop == "NOTE":
			cur.Notes = vcardText(value)
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("line %d: the card is never closed with END:VCARD (truncated?)", start)
	}
	if len(out) == 0 {
		return nil, errors.New("the vCard file has no cards")
	}
	return out, nil
}

type vcardLine struct {
	no   int
	text string
}

// unfoldVCard joins continuation lines (starting with a space or tab) to the
// line before, keeping the number of the line where each property starts.
func unfoldVCard(s string) []vcardLine {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []vcardLine
	for i, raw := range strings.Split(s, "\n") {
		if (strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")) && len(out) > 0 {
			out[len(out)-1].text += raw[1:]
			continue
		}
		out = append(out, vcardLine{no: i + 1, text: strings.TrimRight(raw, "\r")})
	}
	return out
}

// vcardText undoes vCard escaping (\n, \, \; \\).
func vcardText(s string) string {
	r := strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`)
	return strings.TrimSpace(r.Replace(s))
}
