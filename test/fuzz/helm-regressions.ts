import type { TemplateCase } from './helm-inputs';

/**
 * Inputs the Helm fuzz found or that aim at known risks, replayed by every `npm test`:
 * deep nesting the parser must refuse, recursion and repetition the evaluator must cap, and
 * regular expressions a backtracking engine would take exponential time on.
 */
export const HELM_REGRESSIONS: readonly (TemplateCase & { why: string })[] = [
  { why: 'parentheses nested past the parser limit', files: [`{{${'('.repeat(5000)}1${')'.repeat(5000)}}}`], render: 0, data: null },
  { why: 'open parentheses never closed', files: [`{{${'('.repeat(20000)}`], render: 0, data: null },
  { why: 'if nested past the parser limit', files: [`${'{{if 1}}'.repeat(5000)}${'{{end}}'.repeat(5000)}`], render: 0, data: null },
  { why: 'a pipeline of many commands', files: [`{{1${' | upper'.repeat(20000)}}}`], render: 0, data: null },
  // Found by this fuzz: each quote doubles the backslashes, so memory ran out before any output.
  { why: 'quote chained until the string is larger than the output limit', files: [`{{1${' | quote'.repeat(40)}}}`], render: 0, data: null },
  { why: 'a string doubled in a variable', files: [`{{$x := "ab"}}${'{{$x = printf "%s%s" $x $x}}'.repeat(60)}{{len $x}}`], render: 0, data: null },
  { why: 'include recursing forever', files: ['{{define "a"}}{{include "a" .}}{{end}}{{include "a" .}}'], render: 0, data: null },
  { why: 'template recursing through two names', files: ['{{define "a"}}{{template "b" .}}{{end}}{{define "b"}}{{template "a" .}}{{end}}{{template "a" .}}'], render: 0, data: null },
  { why: 'tpl recursing through include', files: ['{{define "a"}}{{tpl "{{include \\"a\\" .}}" .}}{{end}}{{include "a" .}}'], render: 0, data: null },
  { why: 'until with a huge count', files: ['{{range until 1000000000}}x{{end}}'], render: 0, data: null },
  { why: 'repeat with a huge count', files: ['{{repeat 1000000000 "ab"}}'], render: 0, data: null },
  // Found by this fuzz: iterations with an empty body took no step, so this ran for hours.
  { why: 'nested ranges past the step limit', files: ['{{range until 100000}}{{range until 100000}}{{end}}{{end}}'], render: 0, data: null },
  { why: 'catastrophic backtracking pattern', files: ['{{regexMatch "(a+)+$" (printf "%s!" (repeat 5000 "a"))}}'], render: 0, data: null },
  { why: 'regexReplaceAll with nested stars', files: ['{{regexReplaceAll "((a*)*)*b" (repeat 5000 "a") "x"}}'], render: 0, data: null },
  { why: 'an invalid pattern', files: ['{{regexFindAll "(?P<n" "abc" -1}}'], render: 0, data: null },
];
