package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// completeProposals offers proposal ids with their titles as descriptions
// (cleaned: a tab or newline would split an entry of the shell protocol), so
// `backchannel brief <TAB>` lists what can be briefed. It never fails loudly:
// a shell completion that errors is worse than none.
func (a *app) completeProposals(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	st, err := a.open(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	props, err := st.ListProposals(cmd.Context(), false)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, p := range props {
		id := strconv.FormatInt(p.ID, 10)
		if strings.HasPrefix(id, toComplete) {
			out = append(out, id+"\t"+model.Clean(p.Title))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeContacts offers contact names.
func (a *app) completeContacts(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	st, err := a.open(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	contacts, err := st.ListContacts(cmd.Context(), false)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, c := range contacts {
		name := model.Clean(c.Name)
		if strings.HasPrefix(strings.ToLower(name), strings.ToLower(toComplete)) {
			out = append(out, name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeWords offers a fixed list of words.
func completeWords(words ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeConversations offers conversation ids with the day and person as
// descriptions, newest first, for `conversations edit|delete <TAB>`.
func (a *app) completeConversations(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	ctx := cmd.Context()
	st, err := a.open(ctx)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	props, err := st.ListProposals(ctx, false)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	contacts, err := st.ListContacts(ctx, true)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	names := map[int64]string{}
	for _, c := range contacts {
		names[c.ID] = c.Name
	}
	var tps []model.Touchpoint
	for _, p := range props {
		list, err := st.ListTouchpoints(ctx, p.ID)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		tps = append(tps, list...)
	}
	slices.SortFunc(tps, func(x, y model.Touchpoint) int { return int(y.ID - x.ID) })
	var out []string
	for _, t := range tps {
		id := strconv.FormatInt(t.ID, 10)
		if strings.HasPrefix(id, toComplete) {
			out = append(out, id+"\t"+model.Clean(t.Date.String()+" "+names[t.ContactID]))
		}
	}
	return out, cobra.ShellCompDirectiveKeepOrder | cobra.ShellCompDirectiveNoFileComp
}

// enumWords lists an enumeration's words for completion.
func enumWords[T fmt.Stringer](values []T) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	words := make([]string, len(values))
	for i, v := range values {
		words[i] = v.String()
	}
	return completeWords(words...)
}

// addCompletions wires completion for every command that takes proposals,
// people, conversation ids and enum words, however deep it sits.
func (a *app) addCompletions(root *cobra.Command) {
	positional := map[string]func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective){
		"brief":                a.completeProposals,
		"log":                  a.completeContacts,
		"proposals set":        a.completeProposals,
		"proposals archive":    a.completeProposals,
		"proposals unarchive":  a.completeProposals,
		"room add":             a.completeContacts,
		"room set":             a.completeContacts,
		"room remove":          a.completeContacts,
		"contacts set":         a.completeContacts,
		"contacts archive":     a.completeContacts,
		"contacts unarchive":   a.completeContacts,
		"contacts delete":      a.completeContacts,
		"contacts merge":       a.completeContacts,
		"conversations edit":   a.completeConversations,
		"conversations delete": a.completeConversations,
		"agenda done":          a.completeConversations,
	}
	stances := enumWords(model.Stances())
	flags := map[string]func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective){
		"proposal":  a.completeProposals,
		"person":    a.completeContacts,
		"via":       a.completeContacts,
		"before":    a.completeContacts,
		"heard-via": a.completeContacts,
		"by":        a.completeContacts,
		"voice":     a.completeContacts,
		"stance":    stances,
		"target":    stances,
		"role":      enumWords(model.Roles()),
		"severity":  enumWords(model.Severities()),
		"channel":   enumWords(model.Venues()),
		"venue":     enumWords(model.Venues()),
		"approach":  completeWords("ask", "share"),
		"owes":      completeWords("me", "them"),
	}
	var walk func(c *cobra.Command, path string)
	walk = func(c *cobra.Command, path string) {
		if fn, ok := positional[path]; ok {
			c.ValidArgsFunction = fn
		}
		for name, fn := range flags {
			if c.Flags().Lookup(name) != nil {
				_ = c.RegisterFlagCompletionFunc(name, fn)
			}
		}
		switch path {
		case "log", "conversations edit":
			_ = c.RegisterFlagCompletionFunc("kind", enumWords(model.TouchKinds()))
		case "objections":
			_ = c.RegisterFlagCompletionFunc("status", completeWords("open", "addressing", "resolved", "accepted", "withdrawn"))
		}
		for _, sub := range c.Commands() {
			walk(sub, strings.TrimSpace(path+" "+sub.Name()))
		}
	}
	for _, c := range root.Commands() {
		walk(c, c.Name())
	}
}
