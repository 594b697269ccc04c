package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
)

// decodeWorkbook decodes an export file strictly: invalid UTF-8, unknown
// fields, trailing data and truncation are errors, and every error says
// where in words a person can act on: the line, and for a bad row the array
// and element as the file names them ("contacts[3]: created_at …").
func decodeWorkbook(name string, data []byte) (model.Workbook, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s is not a valid workbook export: %s; nothing was imported", name, fmt.Sprintf(format, args...))
	}
	if !utf8.Valid(data) {
		// encoding/json would quietly turn the bytes into U+FFFD; text is
		// imported exactly as given or not at all.
		off := invalidUTF8At(data)
		return model.Workbook{}, bad("line %d: the text is not valid UTF-8 (at byte %d); save the file as UTF-8", lineOf(data, int64(off)), off)
	}
	// The top level first, with each table left raw, so that a bad row can
	// be named by its table and index.
	var top struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	tables := map[string]*[]json.RawMessage{}
	raw := map[string]json.RawMessage{}
	if err := strictDecode(data, &raw); err != nil {
		return model.Workbook{}, bad("%s", jsonProblem(data, "the workbook", err))
	}
	var wb model.Workbook
	wt := reflect.TypeOf(wb)
	known := map[string]int{}
	for i := range wt.NumField() {
		known[strings.Split(wt.Field(i).Tag.Get("json"), ",")[0]] = i
	}
	for key, val := range raw {
		i, ok := known[key]
		if !ok {
			return model.Workbook{}, bad("line %d: unknown field %q", lineOf(data, fieldOffset(data, key)), key)
		}
		switch key {
		case "format":
			if err := json.Unmarshal(val, &top.Format); err != nil {
				return model.Workbook{}, bad("format should be text")
			}
		case "version":
			if err := json.Unmarshal(val, &top.Version); err != nil {
				return model.Workbook{}, bad("version should be a whole number")
			}
		default:
			var rows []json.RawMessage
			if err := json.Unmarshal(val, &rows); err != nil {
				return model.Workbook{}, bad("line %d: %s should be a list ([…])", lineOf(data, fieldOffset(data, key)), key)
			}
			tables[key] = &rows
			_ = i
		}
	}
	if top.Format != model.WorkbookFormat {
		return model.Workbook{}, fmt.Errorf("%s is not a backchannel workbook export (format %q)", name, top.Format)
	}
	wb.Format, wb.Version = top.Format, top.Version
	wv := reflect.ValueOf(&wb).Elem()
	for key, rows := range tables {
		field := wv.Field(known[key])
		slice := reflect.MakeSlice(field.Type(), len(*rows), len(*rows))
		for j, row := range *rows {
			if err := strictDecode(row, slice.Index(j).Addr().Interface()); err != nil {
				return model.Workbook{}, bad("line %d: %s[%d]: %s", lineOf(data, offsetOf(data, row)), key, j, jsonProblem(row, "this row", err))
			}
		}
		field.Set(slice)
	}
	return wb, nil
}

// strictDecode decodes one JSON value into v, refusing unknown fields and
// anything after the value.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the workbook")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the workbook")
	}
	return nil
}

// jsonProblem says what is wrong with a JSON value in a person's words.
func jsonProblem(data []byte, what string, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tp *time.ParseError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the file ends early (truncated?)"
	case errors.As(err, &syn):
		return fmt.Sprintf("line %d: %s", lineOf(data, syn.Offset), syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = what
		}
		return fmt.Sprintf("%s should be %s, not %s", field, kindWord(typ.Type), jsonWord(typ.Value))
	case errors.As(err, &tp):
		return fmt.Sprintf("%q is not a time; write it as 2026-11-21T09:30:00Z", strings.Trim(tp.Value, `"`))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// kindWord names a Go type as the file would: text, a number, a list.
func kindWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list ([…])"
	case reflect.Struct, reflect.Map:
		return "an object ({…})"
	}
	return "a different kind of value"
}

// jsonWord names a JSON value kind as the decoder reports it.
func jsonWord(v string) string {
	switch v {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "bool":
		return "true or false"
	}
	return v
}

func lineOf(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// invalidUTF8At is the offset of the first byte that is not UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// offsetOf is where sub (a slice of data) starts within data.
func offsetOf(data, sub []byte) int64 {
	if len(sub) == 0 {
		return 0
	}
	return int64(bytes.Index(data, sub))
}

// fieldOffset is where the top-level key is written in data.
func fieldOffset(data []byte, key string) int64 {
	q, _ := json.Marshal(key)
	return int64(bytes.Index(data, q))
}
