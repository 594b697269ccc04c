package main

import (
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

// addCompletions wires completion for the commands that take proposals,
// people and enum words.
func (a *app) addCompletions(root *cobra.Command) {
	for _, c := range root.Commands() {
		switch c.Name() {
		case "brief":
			c.ValidArgsFunction = a.completeProposals
		case "log":
			c.ValidArgsFunction = a.completeContacts
			_ = c.RegisterFlagCompletionFunc("kind", completeWords("ask", "share", "appreciate", "advice", "daydream"))
			_ = c.RegisterFlagCompletionFunc("stance", completeWords("champion", "supporter", "neutral", "skeptic", "opponent"))
		case "objections":
			_ = c.RegisterFlagCompletionFunc("status", completeWords("open", "addressing", "resolved", "accepted", "withdrawn"))
			_ = c.RegisterFlagCompletionFunc("severity", completeWords("minor", "major", "blocker"))
			_ = c.RegisterFlagCompletionFunc("person", a.completeContacts)
		}
		for _, sub := range append([]*cobra.Command{c}, c.Commands()...) {
			if sub.Flags().Lookup("proposal") != nil {
				_ = sub.RegisterFlagCompletionFunc("proposal", a.completeProposals)
			}
		}
		if c.Name() == "proposals" {
			for _, sub := range c.Commands() {
				if sub.Name() == "set" {
					sub.ValidArgsFunction = a.completeProposals
				}
			}
		}
	}
}
