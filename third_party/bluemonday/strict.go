// Package bluemonday is backchannel's stand-in for
// github.com/microcosm-cc/bluemonday (see README.md): its strict policy,
// which is all glamour v2 uses, without the CSS package whose regular
// expressions were compiled at every start.
//
// Sanitize follows bluemonday v1.0.27's sanitize (sanitize.go, BSD-3-Clause,
// Copyright (c) 2014 David Kitchen) for a policy that allows no element and
// no attribute: only the branches that policy reaches are kept.
package bluemonday

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Policy is a sanitizing policy. The only one here is StrictPolicy's.
type Policy struct{}

// StrictPolicy returns the policy that strips every HTML element and
// attribute, leaving the text, HTML-escaped, and dropping the content of
// elements a reader would not see (script, style, title, iframe, …).
func StrictPolicy() *Policy { return &Policy{} }

// skipContent are the elements whose text is dropped with them
// (bluemonday's addDefaultSkipElementContent).
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "nostyle": true, "object": true, "script": true, "style": true, "title": true,
}

// Sanitize returns s with every element removed; blank input comes back as
// it is, and input the HTML tokenizer cannot read gives "".
func (p *Policy) Sanitize(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var buf bytes.Buffer
	if err := p.sanitize(strings.NewReader(s), &buf); err != nil {
		return ""
	}
	return buf.String()
}

func (p *Policy) sanitize(r io.Reader, buf *bytes.Buffer) error {
	var (
		skipElementContent    bool
		skippingElementsCount int64
		mostRecentlyStarted   string
	)
	tokenizer := html.NewTokenizer(r)
	for {
		if tokenizer.Next() == html.ErrorToken {
			if err := tokenizer.Err(); err != io.EOF {
				return err
			}
			return nil
		}
		token := tokenizer.Token()
		switch token.Type {
		case html.DoctypeToken, html.CommentToken, html.SelfClosingTagToken:
			// Dropped: no doctype, comment or element is allowed.
		case html.StartTagToken:
			mostRecentlyStarted = normaliseElementName(token.Data)
			if mostRecentlyStarted == "script" || mostRecentlyStarted == "style" {
				continue
			}
			if skipContent[token.Data] {
				skipElementContent = true
				skippingElementsCount++
			}
		case html.EndTagToken:
			name := normaliseElementName(token.Data)
			if mostRecentlyStarted == name {
				mostRecentlyStarted = ""
			}
			if name == "script" || name == "style" {
				continue
			}
			if skipContent[token.Data] {
				skippingElementsCount--
				if skippingElementsCount == 0 {
					skipElementContent = false
				}
			}
		case html.TextToken:
			if !skipElementContent && mostRecentlyStarted != "script" && mostRecentlyStarted != "style" {
				buf.WriteString(token.String()) // the text, HTML-escaped
			}
		}
	}
}

// normaliseElementName lower-cases a tag name and quotes anything outside
// ASCII, as bluemonday does before comparing names.
func normaliseElementName(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strconv.QuoteToASCII(s)), `"`), `"`)
}
