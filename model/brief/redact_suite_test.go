package brief

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/model/redact"
	"golang.org/x/text/unicode/norm"
)

// The redaction suite: workbooks whose free text names people in every way
// the audit of issue 10 found leaking, checked by a matcher that shares no
// code with the redactor. Every injected way of writing a person is wrapped
// in the marker words "zqopen" and "zqshut"; after redaction, what stands
// between them must be a role label and nothing else. Then the output as a
// whole must not contain any contact's name, email or the sponsor edition's
// secret words.

// suitePerson is a generated contact with the ways to write them.
type suitePerson struct {
	name, email, alias, title string
	// kind is the list the name came from: latin, short (parts of one or
	// two letters), accent, everyday (a part that is a common word) or
	// unspaced.
	kind string
	// forms are the ways of writing this person, each with its category.
	forms []suiteForm
}

type suiteForm struct{ category, text string }

// Names by category. Every part is chosen so that it is no word of the
// brief's own prose and no part of another name in the lists.
var (
	suiteLatin   = [][2]string{{"Dana", "Reyes"}, {"Marcus", "Oyelaran"}, {"Priya", "Natarajan"}, {"Ingrid", "Lindqvist"}, {"Kwame", "Mensah"}, {"Zainab", "Haddad"}, {"Tomasz", "Kowalczyk"}, {"Rachel", "Okonkwo"}}
	suiteShort   = [][2]string{{"Al", "Wu"}, {"Bo", "Li"}, {"Li", "Na"}, {"Ed", "Yu"}, {"Jo", "Ng"}, {"Cy", "Ho"}}
	suiteAccent  = [][2]string{{"José", "Álvarez"}, {"Zoë", "Weiß"}, {"Łukasz", "Nowak"}, {"Søren", "Østergaard"}, {"Jürgen", "Müller"}, {"Chloé", "Lefèvre"}, {"Ólafur", "Þórsson"}}
	suiteCommon  = [][2]string{{"Will", "Grant"}, {"Rose", "Hill"}, {"Mark", "Stone"}, {"Grace", "Price"}, {"Frank", "Young"}, {"Hope", "Bishop"}}
	suiteUnspace = []string{"王伟", "李娜", "山田太郎", "佐藤花子", "김민준", "박서연", "สมชาย", "วิชัย"}
	suiteTitles  = []string{"Chief Financial Officer", "General Counsel", "Head of Procurement", "Chief People Officer", "VP Platform Engineering"}
	suiteShared  = "Engineering Manager" // a title several people hold: never redacted alone
	cyrillic     = strings.NewReplacer("a", "а", "e", "е", "o", "о", "p", "р", "c", "с", "x", "х", "A", "А", "E", "Е", "O", "О")
	spellOut     = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "þ", "th", "Þ", "Th")
)

// stripAccents drops accents the way people type a name without them.
func stripAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return spellOut.Replace(b.String())
}

// insertAt puts ins after the first n runes of s.
func insertAt(s string, n int, ins string) string {
	rs := []rune(s)
	n = min(n, len(rs))
	return string(rs[:n]) + ins + string(rs[n:])
}

func newSuitePerson(r *rand.Rand, used map[string]bool, title string) suitePerson {
	var p suitePerson
	for {
		var first, last string
		switch k := r.IntN(5); k {
		case 0:
			n := suiteLatin[r.IntN(len(suiteLatin))]
			first, last, p.kind = n[0], n[1], "latin"
		case 1:
			n := suiteShort[r.IntN(len(suiteShort))]
			first, last, p.kind = n[0], n[1], "short"
		case 2:
			n := suiteAccent[r.IntN(len(suiteAccent))]
			first, last, p.kind = n[0], n[1], "accent"
		case 3:
			n := suiteCommon[r.IntN(len(suiteCommon))]
			first, last, p.kind = n[0], n[1], "everyday"
		default:
			p.name, p.kind = suiteUnspace[r.IntN(len(suiteUnspace))], "unspaced"
		}
		if p.name == "" {
			p.name = first + " " + last
		}
		if !used[p.name] {
			used[p.name] = true
			break
		}
		p.name = ""
	}
	p.title = title
	add := func(cat, text string) { p.forms = append(p.forms, suiteForm{cat, text}) }
	fields := strings.Fields(p.name)
	if len(fields) == 1 {
		// A script without spaces: the name sits inside running text.
		p.email = fmt.Sprintf("person%d@example.org", r.IntN(1000))
		add("unspaced", p.name)
		add("email", p.email)
		return p
	}
	first, last := fields[0], fields[1]
	fi, _ := utf8.DecodeRuneInString(first)
	li, _ := utf8.DecodeRuneInString(last)
	ascii := strings.ToLower(stripAccents(first) + "." + stripAccents(last))
	p.email = ascii + "@example.com"
	p.alias = strings.ToLower(stripAccents(first))[:2] + "zz" + strings.ToLower(stripAccents(last))[:2]
	add("full name", p.name)
	add("first name", first)
	add("last name", last)
	add("possessive", first+"'s")
	add("upper case", strings.ToUpper(p.name))
	add("initials", string(fi)+string(li))
	add("initials", string(fi)+"."+string(li)+".")
	add("short form", first+" "+string(li)+".")
	add("short form", string(fi)+". "+last)
	add("email", p.email)
	add("email", "<"+strings.Split(p.email, "@")[0]+">")
	add("alias", p.alias)
	if title != suiteShared {
		add("title", title)
	}
	if plain := stripAccents(p.name); plain != p.name {
		add("transliteration", plain)
		add("decomposed", norm.NFD.String(p.name))
	}
	add("zero width", insertAt(first, 1, "\u200b"))
	add("soft hyphen", insertAt(last, 2, "\u00ad"))
	if look := cyrillic.Replace(p.name); look != p.name {
		add("look-alike", look)
	}
	add("markdown split", "**"+insertAt(first, 2, "**"))
	add("html comment", insertAt(last, 1, "<!-- x -->"))
	add("ending", first+"s")
	add("joined", first+last)
	add("url encoded", url.PathEscape(string(fi))+first[len(string(fi)):])
	if first[0] < utf8.RuneSelf {
		add("url encoded", fmt.Sprintf("%%%02X", first[0])+first[1:])
	}
	everyday := false
	for _, n := range suiteCommon {
		everyday = everyday || n[0] == first
	}
	if len([]rune(first)) > 2 && !everyday {
		add("lower case", strings.ToLower(first))
	}
	return p
}

var suiteFiller = []string{"wants the numbers first", "worried about the cut-over", "open to a pilot",
	"prefers a written memo", "asked about the budget", "thinks it is early", "will back it"}

var labelRE = regexp.MustCompile(`^(Decision-maker|In the room|Influencer|Implementer|Affected|Intermediary|Other person) [A-Z]+('s|s|\.)?$`)

// injected is one way of writing someone, put into the workbook.
type injected struct {
	person   int
	category string
}

// suiteWorkbook builds a dossier and its workbook from the property-test
// generator, then replaces every person and every free text.
type suiteWorkbook struct {
	d        model.Dossier
	workbook []model.Contact
	people   []suitePerson
	injected []injected
	secret   string
	// onProposal counts the people on the proposal: people[onProposal:]
	// are contacts only the workbook has; archived marks those archived.
	onProposal int
	archived   map[int]bool
}

func buildSuiteWorkbook(seed uint64) *suiteWorkbook {
	g := sample.NewGen(seed, sample.PropToday)
	g.HostileText = seed%4 == 0
	d := g.Dossier()
	r := rand.New(rand.NewPCG(seed, 99))
	w := &suiteWorkbook{d: d, secret: fmt.Sprintf("qsecret%d", seed)}
	used := map[string]bool{}
	titles := r.Perm(len(suiteTitles))
	var ids []int64
	for id := range d.Contacts {
		ids = append(ids, id)
	}
	slicesSort(ids)
	// Contacts of the dossier, then others only the workbook has (some archived).
	w.onProposal, w.archived = len(ids), map[int]bool{}
	extra := 1 + r.IntN(4)
	for k := range len(ids) + extra {
		title := suiteShared
		if k < len(titles) && r.IntN(2) == 0 {
			title = suiteTitles[titles[k]]
		}
		p := newSuitePerson(r, used, title)
		w.people = append(w.people, p)
		var c model.Contact
		if k < len(ids) {
			c = d.Contacts[ids[k]]
		} else {
			c = model.Contact{ID: int64(10_000 + k), Archived: r.IntN(2) == 0}
			w.archived[k] = c.Archived
		}
		c.Name, c.Email, c.Aliases, c.Title = p.name, p.email, p.alias, p.title
		if k < len(ids) {
			d.Contacts[c.ID] = c
		}
		w.workbook = append(w.workbook, c)
	}
	say := func() string {
		var parts []string
		for range 1 + r.IntN(3) {
			if r.IntN(3) == 0 {
				parts = append(parts, suiteFiller[r.IntN(len(suiteFiller))])
				continue
			}
			pi := r.IntN(len(w.people))
			f := w.people[pi].forms[r.IntN(len(w.people[pi].forms))]
			w.injected = append(w.injected, injected{pi, f.category})
			if f.category == "unspaced" {
				parts = append(parts, "我和zqopen"+f.text+"zqshut说了")
			} else {
				parts = append(parts, "ask the zqopen "+f.text+" zqshut now")
			}
		}
		if g.HostileText && r.IntN(3) == 0 {
			parts = append(parts, sample.Hostile[r.IntN(len(sample.Hostile))])
		}
		return strings.Join(parts, "; ")
	}
	d.Proposal.Title, d.Proposal.Ask, d.Proposal.Forum = "Proposal "+say(), say(), "Forum "+say()
	for k := range d.Stakeholders {
		s := &d.Stakeholders[k]
		s.Wants, s.Fears = say(), say()
		if s.Plan.Message != "" {
			s.Plan.Message = say()
		}
		if s.Plan.Place != "" {
			s.Plan.Place = say()
		}
	}
	for id, c := range d.Contacts {
		c.Notes, c.ValueIBring = w.secret+" "+say(), say()
		d.Contacts[id] = c
	}
	for k := range d.Touchpoints {
		t := &d.Touchpoints[k]
		t.Said, t.Subtext, t.FollowUp = say(), w.secret+" "+say(), say()
	}
	for k := range d.Objections {
		d.Objections[k].Text, d.Objections[k].Response = say(), say()
	}
	for k := range d.BlindSpots {
		d.BlindSpots[k].Text, d.BlindSpots[k].HowAddressed = say(), say()
	}
	for k := range d.History {
		if d.History[k].Field == "forum" {
			d.History[k].New = "Forum " + say()
		}
	}
	w.d = d
	return w
}

func slicesSort(ids []int64) {
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			if ids[j] < ids[i] {
				ids[i], ids[j] = ids[j], ids[i]
			}
		}
	}
}

// suiteLeaks is the independent matcher: it returns what it finds wrong
// with one output.
func suiteLeaks(w *suiteWorkbook, out string, sponsor bool) []string {
	var bad []string
	plain := strings.NewReplacer(`\`, "", "*", "", "\u003c", "<").Replace(out)
	for rest := plain; ; {
		i := strings.Index(rest, "zqopen")
		if i < 0 {
			break
		}
		rest = rest[i+len("zqopen"):]
		j := strings.Index(rest, "zqshut")
		if j < 0 {
			break
		}
		// A snippet may have cut the span short: only whole spans count.
		if inner := rest[:j]; !strings.Contains(inner, "zqopen") && !strings.Contains(inner, "…") {
			if inner = strings.Trim(strings.ReplaceAll(inner, "\u00ad", ""), " <>"); !labelRE.MatchString(inner) {
				bad = append(bad, fmt.Sprintf("between the markers: %q", inner))
			}
		}
	}
	folded := strings.ToLower(norm.NFC.String(plain))
	for _, p := range w.people {
		for _, needle := range []string{p.name, p.email, p.alias} {
			if needle != "" && strings.Contains(folded, strings.ToLower(norm.NFC.String(needle))) {
				bad = append(bad, fmt.Sprintf("%q appears", needle))
			}
		}
	}
	if sponsor && strings.Contains(out, w.secret) {
		bad = append(bad, "the sponsor edition shows notes or what was not said")
	}
	return bad
}

// Every way of writing a person, in 600 generated workbooks, in markdown and
// JSON, in the sponsor and the full edition: the redacted brief shows a
// label where the person was, or refuses to print.
func TestRedactionSuite(t *testing.T) {
	const workbooks = 600
	categories := map[string]int{}
	checked, refused, leaks := 0, 0, 0
	fullSecrets := 0
	for n := range workbooks {
		seed := uint64(70_000 + n)
		w := buildSuiteWorkbook(seed)
		for _, inj := range w.injected {
			categories[inj.category]++
			// The audit's table counts by who is written, too.
			p := w.people[inj.person]
			if inj.person >= w.onProposal {
				categories["not on this proposal"]++
				if w.archived[inj.person] {
					categories["archived contact"]++
				}
			}
			if inj.category == "first name" || inj.category == "last name" {
				switch p.kind {
				case "short":
					categories["part of one or two letters"]++
				case "everyday":
					categories["part that is an everyday word"]++
				}
			}
		}
		r := readiness.Assess(w.d, sample.PropToday)
		for _, full := range []bool{false, true} {
			for _, asJSON := range []bool{false, true} {
				opt := Options{Today: sample.PropToday, Full: full, Workbook: w.workbook}
				out, err := Redacted(w.d, r, opt, asJSON)
				var leak *redact.LeakError
				if errors.As(err, &leak) {
					refused++
					if len(out) != 0 {
						t.Fatalf("seed %d: refused but printed %d bytes", seed, len(out))
					}
					if refused <= 5 {
						rd := redact.NewWorkbookRedactor(w.d, w.workbook)
						doc := briefData(w.d, r, Options{Today: sample.PropToday, Redact: true, Full: full, Workbook: w.workbook}, rd, false)
						for _, line := range strings.Split(renderBrief(doc), "\n") {
							if _, ok := rd.Find(line); ok {
								t.Logf("guard finds %q", line)
							}
						}
						t.Errorf("seed %d: the guard refused (%v)", seed, err)
					}
					continue
				} else if err != nil {
					t.Fatal(err)
				}
				text := string(out)
				if asJSON {
					var v any
					if err := json.Unmarshal(out, &v); err != nil {
						t.Fatal(err)
					}
					b, _ := json.Marshal(v)
					text = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
				}
				checked++
				checked += strings.Count(text, "zqopen") - 1
				if full && strings.Contains(text, w.secret) {
					fullSecrets++
				}
				for _, b := range suiteLeaks(w, text, !full) {
					leaks++
					if leaks <= 10 {
						t.Errorf("seed %d (full %v, json %v): %s", seed, full, asJSON, b)
					}
				}
			}
		}
	}
	t.Logf("%d workbooks, %d marked spans checked, %d refusals, %d leaks; injected by category: %v", workbooks, checked, refused, leaks, categories)
	for _, cat := range []string{"full name", "first name", "last name", "possessive", "upper case", "initials", "short form", "email",
		"alias", "title", "transliteration", "decomposed", "zero width", "soft hyphen", "look-alike", "markdown split",
		"html comment", "ending", "joined", "url encoded", "unspaced", "lower case",
		"not on this proposal", "archived contact", "part of one or two letters", "part that is an everyday word"} {
		if categories[cat] < 50 {
			t.Errorf("category %q injected only %d times: the generator is too weak", cat, categories[cat])
		}
	}
	if fullSecrets == 0 {
		t.Error("the full edition never showed a note: the sponsor check proves nothing")
	}
	if refused > 0 {
		t.Errorf("%d briefs refused: the redactor missed what the guard caught", refused)
	}
}
