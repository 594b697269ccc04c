package brief

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// The brief stays well-formed markdown whatever the user typed: the only
// headings are its own, lists and emphasis are only its own, tables keep
// their shape, and no link, HTML, code or quote comes out of user text.
func TestBriefMarkdownSurvivesHostileText(t *testing.T) {
	for n := range 400 {
		g := sample.NewGen(uint64(90_000+n), sample.PropToday)
		g.HostileText = true
		d := g.Dossier()
		for _, redact := range []bool{false, true} {
			opt := Options{Today: sample.PropToday, Redact: redact}
			doc := Data(d, readiness.Assess(d, sample.PropToday), opt)
			src := Markdown(d, readiness.Assess(d, sample.PropToday), opt)
			checkBriefMarkdown(t, src, doc)
			if t.Failed() {
				t.Fatalf("seed %d (redact %v): %s", 90_000+n, redact, sample.DescribeDossier(d))
			}
		}
	}
}

// checkBriefMarkdown parses a brief and checks its structure against the
// content it was rendered from.
func checkBriefMarkdown(t *testing.T, src string, doc Doc) {
	t.Helper()
	for _, r := range src {
		if r != '\n' && (unicode.IsControl(r) || model.IsBidiControl(r)) {
			t.Errorf("brief holds control character %U", r)
			return
		}
	}
	root := parseMarkdown(src)

	wantHeadings := []string{Title(doc.Title), VerdictHeading(doc.Status, doc.Verdict, doc.Score), HeadingAsk, HeadingRoom,
		HeadingObjections, HeadingBlindSpots, HeadingPlan, HeadingRisks, HeadingNextActions, HeadingRelationships, HeadingRecentLog}
	var headings []string
	listItems, strong, tables := 0, 0, 0
	forbidden := map[ast.NodeKind]bool{
		ast.KindBlockquote: true, ast.KindFencedCodeBlock: true, ast.KindCodeBlock: true, ast.KindHTMLBlock: true,
		ast.KindRawHTML: true, ast.KindLink: true, ast.KindAutoLink: true, ast.KindImage: true, ast.KindCodeSpan: true,
		ast.KindThematicBreak: true, ast.KindLinkReferenceDefinition: true, east.KindStrikethrough: true,
		east.KindTaskCheckBox: true, east.KindDefinitionList: true, east.KindFootnote: true, east.KindFootnoteLink: true,
	}
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch {
		case forbidden[n.Kind()]:
			t.Errorf("brief holds a %s: %q", n.Kind(), plainText(t, n, src))
		case n.Kind() == ast.KindHeading:
			h := n.(*ast.Heading)
			want := 2
			if len(headings) == 0 {
				want = 1
			}
			if h.Level != want {
				t.Errorf("heading %q at level %d, want %d", plainText(t, n, src), h.Level, want)
			}
			headings = append(headings, plainText(t, n, src))
			return ast.WalkSkipChildren, nil
		case n.Kind() == ast.KindList:
			if n.Parent().Kind() != ast.KindDocument {
				t.Errorf("a list nested in a %s", n.Parent().Kind())
			}
		case n.Kind() == ast.KindListItem:
			listItems++
		case n.Kind() == ast.KindEmphasis:
			if n.(*ast.Emphasis).Level != 2 {
				t.Errorf("emphasis from text: %q", plainText(t, n, src))
			}
			strong++
		case n.Kind() == east.KindTable:
			tables++
			checkTable(t, n)
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(headings, wantHeadings) {
		t.Errorf("headings:\n got %q\nwant %q", headings, wantHeadings)
	}

	swing := min(len(doc.Forecast.Swing), 6)
	if wantItems := len(doc.Risks) + len(doc.NextActions) + swing + len(doc.Conflicts) + len(doc.Relationships); listItems != wantItems {
		t.Errorf("%d list items, want %d", listItems, wantItems)
	}
	wantStrong := 3 + len(doc.Risks) + len(doc.Relationships)
	if len(doc.Caps) > 0 {
		wantStrong++
	}
	for _, p := range doc.Plan {
		if p.Overdue {
			wantStrong++
		}
	}
	for _, r := range doc.Relationships {
		if r.Health.AskOnly || r.Health.Due {
			wantStrong++
		}
	}
	if strong != wantStrong {
		t.Errorf("%d strong spans, want %d", strong, wantStrong)
	}
	wantTables := 1
	for _, n := range []int{len(doc.Room), len(doc.Objections), len(doc.BlindSpots), len(doc.Plan), len(doc.RecentLog)} {
		if n > 0 {
			wantTables++
		}
	}
	if tables != wantTables {
		t.Errorf("%d tables, want %d", tables, wantTables)
	}

	// User text reads back exactly as it was typed, cleaned.
	want := make([]string, len(doc.Objections))
	for k, o := range doc.Objections {
		want[k] = model.Clean(o.Text)
	}
	if got := columnText(t, root, src, "Objection"); !slices.Equal(got, want) {
		t.Errorf("objection cells:\n got %q\nwant %q", got, want)
	}
	checkTableSource(t, src)
}

// checkTable: every row of a table has the header's number of cells.
func checkTable(t *testing.T, table ast.Node) {
	t.Helper()
	rows := children(table)
	head := len(children(rows[0]))
	for k, row := range rows[1:] {
		if n := len(children(row)); n != head {
			t.Errorf("table row %d has %d cells, header %d", k+1, n, head)
		}
	}
}

// checkTableSource counts unescaped pipes on every table line: a row with
// more cells than its header would be silently cut by a parser, so the
// source itself must agree.
func checkTableSource(t *testing.T, src string) {
	t.Helper()
	want := -1
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := unescapedPipes(line)
		if want < 0 {
			want = n
		} else if n != want {
			t.Errorf("table line has %d cell borders, its header %d: %q", n, want, line)
		}
	}
}

func unescapedPipes(line string) int {
	n, slashes := 0, 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			slashes++
			continue
		case '|':
			if slashes%2 == 0 {
				n++
			}
		}
		slashes = 0
	}
	return n
}

// columnText reads one column of the first table whose header has it.
func columnText(t *testing.T, root ast.Node, src, header string) []string {
	t.Helper()
	out := []string{}
	var found bool
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || found || n.Kind() != east.KindTable {
			return ast.WalkContinue, nil
		}
		rows := children(n)
		col := slices.IndexFunc(children(rows[0]), func(c ast.Node) bool { return plainText(t, c, src) == header })
		if col < 0 {
			return ast.WalkSkipChildren, nil
		}
		found = true
		for _, row := range rows[1:] {
			out = append(out, plainText(t, children(row)[col], src))
		}
		return ast.WalkStop, nil
	})
	return out
}

// A redacted brief names nobody: no full name, no part of a name of three
// letters or more, no email, in any case, even where names were typed into
// notes, objections and what was said.
func TestRedactedBriefNamesNobody(t *testing.T) {
	leaks := 0
	for n := range 1000 {
		g := sample.NewGen(uint64(50_000+n), sample.PropToday)
		g.HostileText = n%3 == 0
		d := g.Dossier()
		r := readiness.Assess(d, sample.PropToday)
		opt := Options{Today: sample.PropToday, Redact: true}
		mdText := Markdown(d, r, opt)
		js, err := json.Marshal(Data(d, r, opt))
		if err != nil {
			t.Fatal(err)
		}
		plainMD := strings.ReplaceAll(mdText, `\`, "")
		for _, out := range []string{plainMD, string(js)} {
			words := wordSet(out)
			lower := strings.ToLower(out)
			for _, c := range d.Contacts {
				for _, tok := range strings.Fields(c.Name) {
					if letterCount(tok) >= 3 && words[strings.ToLower(tok)] {
						t.Errorf("seed %d: %q of %q appears in the redacted brief", 50_000+n, tok, c.Name)
						leaks++
					}
				}
				if strings.Contains(lower, strings.ToLower(c.Email)) {
					t.Errorf("seed %d: email %q appears in the redacted brief", 50_000+n, c.Email)
					leaks++
				}
			}
		}
		if leaks > 5 {
			t.Fatalf("too many leaks; first brief:\n%s", mdText)
		}
	}
	// And the plain brief does name people, or the test proves nothing.
	g := sample.NewGen(50_001, sample.PropToday)
	d := g.Dossier()
	for len(d.Stakeholders) == 0 {
		d = g.Dossier()
	}
	plain := Markdown(d, readiness.Assess(d, sample.PropToday), Options{Today: sample.PropToday})
	name := d.Contacts[d.Stakeholders[0].ContactID].Name
	if !strings.Contains(plain, EscapeInline(name)) {
		t.Fatalf("the plain brief does not name %q", name)
	}
}

// wordSet lower-cases text and splits it into whole words (letters, digits,
// combining marks), the same notion of a word the redactor uses.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) }) {
		out[w] = true
	}
	return out
}

// A conversation logged without a channel (the CLI's log leaves it out
// unless asked) shows a dash in the recent log, not the word "unset".
func TestBriefLogShowsADashForNoChannel(t *testing.T) {
	d := sample.FixtureDossier()
	d.Touchpoints[len(d.Touchpoints)-1].Channel = model.VenueUnset
	src := Markdown(d, readiness.Assess(d, sample.PropToday), Options{Today: sample.PropToday})
	channels := columnText(t, parseMarkdown(src), src, "Channel")
	if len(channels) == 0 {
		t.Fatal("the brief has no log table with a Channel column")
	}
	if !slices.Contains(channels, "—") {
		t.Errorf("log channels %q: want a dash for the conversation without one", channels)
	}
	if slices.Contains(channels, model.VenueUnset.String()) {
		t.Errorf("log channels %q show the internal word %q", channels, model.VenueUnset.String())
	}
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// The brief read from the assessment's own index (brief.Options.Index: one
// ordering of the log for both) is the brief that indexes the dossier
// itself, markdown and JSON; an index of another day is not used.
func TestBriefFromTheAssessmentsIndex(t *testing.T) {
	for n := range 60 {
		g := sample.NewGen(uint64(70_000+n), sample.PropToday)
		d := g.Dossier()
		r, ix := readiness.AssessIndexed(d, sample.PropToday)
		own := Options{Today: sample.PropToday}
		shared := Options{Today: sample.PropToday, Index: ix}
		if got, want := Markdown(d, r, shared), Markdown(d, r, own); got != want {
			t.Fatalf("seed %d: the brief from the assessment's index differs:\n%s\nwant\n%s", 70_000+n, got, want)
		}
		gj, _ := json.Marshal(JSONData(d, r, shared))
		wj, _ := json.Marshal(JSONData(d, r, own))
		if string(gj) != string(wj) {
			t.Fatalf("seed %d: the JSON brief from the assessment's index differs", 70_000+n)
		}
		later := sample.PropToday.AddDays(40)
		_, old := readiness.AssessIndexed(d, sample.PropToday)
		rl := readiness.Assess(d, later)
		if got, want := Markdown(d, rl, Options{Today: later, Index: old}), Markdown(d, rl, Options{Today: later}); got != want {
			t.Fatalf("seed %d: an index of another day was used", 70_000+n)
		}
	}
}
