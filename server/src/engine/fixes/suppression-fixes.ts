import type { SourceFile } from '../document/source-file';
import type { Finding } from '../types';
import { layoutOf } from './fix-context';
import type { TextLayout } from './text-layout';
import type { Fix } from './types';
import { FileEditor } from './yaml-edits';

/*
 * "Disable <rule> for this line / this file": comments in the syntax that suppressions.ts
 * reads, merged into a directive already there rather than stacked beside it.
 */

const NEXT_LINE = /^(\s*#\s*kube-stateful-disable-next-line)\b(.*)$/;
const WHOLE_FILE = /^(\s*#\s*kube-stateful-disable)(?!-)\b(.*)$/;
const COMMENT_OR_BLANK = /^\s*(#.*)?$/;

/** One action per rule and line, and one per rule for the file, however many findings share them. */
export function suppressionFixes(file: SourceFile, findings: readonly Finding[]): Fix[] {
  const fixes = new Map<string, Fix>();
  const add = (id: string, build: () => Omit<Fix, 'findings'>, finding: Finding) => {
    const known = fixes.get(id);
    if (known) known.findings.push(finding);
    else fixes.set(id, { ...build(), findings: [finding] });
  };
  for (const finding of findings) {
    const { ruleId } = finding;
    const line = finding.range.start.line;
    add(`disable-line:${ruleId}:${line}`, () => lineSuppression(file, ruleId, line), finding);
  }
  for (const finding of findings) add(`disable-file:${finding.ruleId}`, () => fileSuppression(file, finding.ruleId), finding);
  return [...fixes.values()];
}

function lineSuppression(file: SourceFile, ruleId: string, line: number): Omit<Fix, 'findings'> {
  return {
    id: 'disable-line',
    title: `Disable ${ruleId} for this line`,
    preferred: false,
    safe: false,
    change: () => {
      const layout = layoutOf(file);
      const editor = new FileEditor(file.uri, file.text);
      const existing = directiveAbove(layout, line);
      if (existing !== undefined) appendRule(editor, layout, existing, NEXT_LINE, ruleId);
      else editor.insert(lineInsertOffset(layout, line), `${layout.indentOf(line)}# kube-stateful-disable-next-line ${ruleId}${layout.eolAt(line)}`);
      return { creates: [], edits: editor.edits };
    },
  };
}

function fileSuppression(file: SourceFile, ruleId: string): Omit<Fix, 'findings'> {
  return {
    id: 'disable-file',
    title: `Disable ${ruleId} for this file`,
    preferred: false,
    safe: false,
    change: () => {
      const layout = layoutOf(file);
      const editor = new FileEditor(file.uri, file.text);
      const existing = [...Array(layout.lineCount).keys()].find((index) => namesRules(layout.line(index), WHOLE_FILE));
      if (existing !== undefined) appendRule(editor, layout, existing, WHOLE_FILE, ruleId);
      else editor.insert(lineInsertOffset(layout, 0), `# kube-stateful-disable ${ruleId}${layout.eolAt(0)}`);
      return { creates: [], edits: editor.edits };
    },
  };
}

/** The `disable-next-line` comment among the comment lines right above a line, if any. */
function directiveAbove(layout: TextLayout, line: number): number | undefined {
  for (let above = line - 1; above >= 0 && COMMENT_OR_BLANK.test(layout.line(above)); above--) {
    if (namesRules(layout.line(above), NEXT_LINE)) return above;
  }
  return undefined;
}

/** The rule list of a directive, before any `-- reason`; empty when it silences every rule. */
function idsOf(text: string, directive: RegExp): { prefix: string; ids: string } | undefined {
  const match = directive.exec(text);
  if (!match) return undefined;
  const reason = match[2].indexOf('--');
  return { prefix: match[1], ids: (reason >= 0 ? match[2].slice(0, reason) : match[2]).trimEnd() };
}

/** A directive naming rules, which another id can join; one naming none already covers them all. */
function namesRules(text: string, directive: RegExp): boolean {
  return (idsOf(text, directive)?.ids.trim() ?? '') !== '';
}

/** Adds a rule id at the end of a directive's list. */
function appendRule(editor: FileEditor, layout: TextLayout, line: number, directive: RegExp, ruleId: string): void {
  const { prefix, ids } = idsOf(layout.line(line), directive)!;
  editor.insert(layout.lineStart(line) + prefix.length + ids.length, `, ${ruleId}`);
}

/** The start of a line, after a byte order mark on the first one. */
function lineInsertOffset(layout: TextLayout, line: number): number {
  const start = layout.lineStart(line);
  return start === 0 && layout.text.startsWith('\ufeff') ? 1 : start;
}
