// Package brief writes the readiness brief: one proposal's assessment as a
// document (Doc, what `brief --json` prints), as markdown (Markdown) and as
// the terminal edition (Terminal), and the objection and blind-spot lists as
// markdown. With redaction every person becomes a role label and the
// output is read by the leak guard before it is returned (Redacted), so a
// redacted brief fails closed. User text is cleaned and markdown-escaped
// here (EscapeInline).
package brief
