package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// jsonProblem says what is wrong with a JSON value in a person's words.
// line gives the line of a byte offset in the file.
func jsonProblem(line func(int64) int, what string, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tp *time.ParseError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the file ends early (truncated?)"
	case errors.As(err, &syn):
		return fmt.Sprintf("line %d: %s", line(syn.Offset), syn.Error())
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
