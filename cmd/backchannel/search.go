package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/backchannel/backchannel/model"
)

func (a *app) searchCommand() *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search TEXT",
		Short: "Search everything written in the workbook",
		Long: `Search every text in the workbook: conversations (what was said, the subtext,
the follow-up), contacts and their notes, people's interests and planned
messages, objections and responses, blind spots, and proposals. Every word
must match, as a word or the start of one ("migr" finds "migration"); case
and accents do not matter ("muller" finds "Müller").

Results are grouped by proposal, then by person, best match first, with the
matching words marked.`,
		Example: `  backchannel search ERP
  backchannel search "cost model" --json`,
		Args: exactArgs(1, "the text to search for (quote it if it has spaces)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.search(cmd.Context(), args[0], limit, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the results, grouped, as JSON")
	cmd.Flags().IntVar(&limit, "limit", 200, "at most this many records")
	return cmd
}

func (a *app) search(ctx context.Context, query string, limit int, asJSON bool) error {
	if limit < 1 {
		return usagef(fmt.Errorf("--limit must be at least 1, got %d", limit))
	}
	if len(model.SearchTerms(query)) == 0 {
		return usagef(fmt.Errorf("%s (letters or digits)", model.ErrEmptySearch))
	}
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	hits, err := st.Search(ctx, query, limit)
	if err != nil {
		return err
	}
	groups := model.GroupSearch(hits)
	if asJSON {
		if groups == nil {
			groups = []model.SearchGroup{}
		}
		return writeJSON(a.stdout, groups)
	}
	if len(groups) == 0 {
		_, err := fmt.Fprintf(a.stdout, "Nothing in the workbook matches %q.\n", model.Clean(query))
		return err
	}
	mark := markPlain
	if f, ok := a.stdout.(*os.File); ok && term.IsTerminal(f.Fd()) && os.Getenv("NO_COLOR") == "" {
		mark = markBold
	}
	_, err = fmt.Fprint(a.stdout, searchText(groups, mark))
	return err
}

// searchText is the grouped results as text: the proposal, each person
// under it, and each matching field with its words marked.
func searchText(groups []model.SearchGroup, mark func(string) string) string {
	var b strings.Builder
	for i, g := range groups {
		if i > 0 {
			b.WriteString("\n")
		}
		title := model.Clean(g.ProposalTitle)
		if g.ProposalID != 0 {
			title = fmt.Sprintf("%s (proposal %d)", title, g.ProposalID)
		}
		fmt.Fprintf(&b, "%s\n", title)
		for _, p := range g.People {
			name := model.Clean(p.ContactName)
			if p.ContactID == 0 {
				name = "(no one in particular)"
			}
			fmt.Fprintf(&b, "  %s\n", name)
			for _, h := range p.Hits {
				what := h.Kind.String() + " " + fmt.Sprint(h.ID)
				if !h.Date.IsZero() {
					what += ", " + h.Date.String()
				}
				for _, m := range h.Matches {
					var line strings.Builder
					for _, part := range m.Snippet {
						if part.Match {
							line.WriteString(mark(part.Shown()))
						} else {
							line.WriteString(part.Shown())
						}
					}
					fmt.Fprintf(&b, "    %s — %s: %s\n", what, m.Field, strings.TrimSpace(line.String()))
				}
			}
		}
	}
	return b.String()
}

// markPlain marks matching words where styles cannot show: [word].
func markPlain(s string) string { return "[" + s + "]" }

// markBold marks matching words in bold on a terminal.
func markBold(s string) string { return "\x1b[1m" + s + "\x1b[22m" }
