import { analyze } from '../../server/src/engine/analyze';
import { completionsAt } from '../../server/src/engine/completion/completion';
import { fixAll, fixesFor, type TextEdit, type WorkspaceChange } from '../../server/src/engine/fixes';
import { hoverAt } from '../../server/src/engine/hover/hover';
import type { Finding, Position, Range } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { toOffsetEdits } from '../helpers/apply-edits';

/*
 * What must hold for any input: nothing throws out of the engine, no rule throws inside it,
 * every range lies inside its document, no answer hangs, and no text shows
 * a JavaScript value that leaked into words (`undefined`, `NaN`, `[object Object]`).
 */

/**
 * CPU time after which a step counts as hung. Real work takes milliseconds; the bound is far
 * above what a slow or busy machine adds, so it only ever catches a hang, never slowness,
 * which `npm run bench` and `npm run hostile-report` measure.
 */
export const HANG_BOUND_MS = 60_000;

export interface EngineCase {
  /** The file checked. */
  text: string;
  /** Other files of its workspace, by name. */
  neighbours?: readonly { name: string; text: string }[];
  /** Numbers turned into positions of the text (modulo its length) for the editor requests. */
  positions?: readonly number[];
}

export class FuzzFailure extends Error {
  constructor(
    readonly kind: 'exception' | 'rule-error' | 'range' | 'hang' | 'edits' | 'garbled-text',
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

const FOLDER = 'file:///fuzz/project';
export const MAIN_URI = `${FOLDER}/main.yaml`;
const FINDINGS_VISITED = 4;
/** A user applies one fix of a list; computing a few shows the edits are right. */
const FIXES_APPLIED = 12;
/** JavaScript values written into words; the API reference says a limit "is undefined", which is prose. */
const GARBLED = /(?<!is )\bundefined\b|\bNaN\b|\[object Object\]/;

/** Runs the analysis and every editor feature over one case; throws a FuzzFailure when a property fails. */
export function checkEngine(testCase: EngineCase): void {
  const workspace = new Workspace();
  for (const neighbour of testCase.neighbours ?? []) workspace.set(`${FOLDER}/${neighbour.name}`, neighbour.text);
  const text = testCase.text;
  attempt('Workspace.set', () => workspace.set(MAIN_URI, text));
  const file = workspace.get(MAIN_URI)!;
  const ruleErrors: string[] = [];
  const findings = attempt('analyze', () =>
    analyze(workspace, MAIN_URI, { onRuleError: (ruleId, error) => ruleErrors.push(`${ruleId}: ${stackOf(error)}`) }),
  );
  if (ruleErrors.length > 0) throw new FuzzFailure('rule-error', ruleErrors.join('\n'));
  for (const finding of findings) {
    expectInside(workspace, MAIN_URI, finding.range, `finding ${finding.ruleId}`);
    for (const related of finding.related ?? []) expectInside(workspace, related.uri, related.range, `related location of ${finding.ruleId}`);
    expectWords(finding.message, text, `message of ${finding.ruleId}`);
  }
  const positions = [
    ...(testCase.positions ?? []).map((seed) => positionAt(text, seed % (text.length + 1))),
    // Where findings are is where users hover and ask for fixes.
    ...findings.slice(0, FINDINGS_VISITED).map((finding) => finding.range.start),
  ];
  // Editors send positions inside the text; one past its end need only be answered.
  const past = { line: text.split('\n').length + 2, character: 3 };
  attempt('hover past the end', () => hoverAt(workspace, file, past, { fieldDocs: true }));
  attempt('completion past the end', () => completionsAt(workspace, file, past, { fields: true, valuesOnly: false }));
  for (const position of positions) {
    const hover = attempt(`hover at ${show(position)}`, () => hoverAt(workspace, file, position, { fieldDocs: true }));
    if (hover) {
      expectInside(workspace, MAIN_URI, hover.range, `hover at ${show(position)}`);
      expectWords(hover.markdown, text, `hover at ${show(position)}`);
    }
    for (const valuesOnly of [false, true]) {
      const entries = attempt(`completion at ${show(position)}`, () => completionsAt(workspace, file, position, { fields: true, valuesOnly }));
      for (const entry of entries) {
        expectInside(workspace, MAIN_URI, entry.range, `completion '${entry.label}' at ${show(position)}`);
        expectWords(`${entry.label} ${entry.detail ?? ''} ${entry.documentation ?? ''}`, text, `completion at ${show(position)}`);
      }
    }
  }
  checkFixes(workspace, findings, text);
}

/**
 * The fixes offered where the first findings are, each computed as when picked; the fixes for
 * every finding at once, as for a selection of the whole file; and "fix all".
 */
function checkFixes(workspace: Workspace, findings: Finding[], text: string): void {
  const visited = findings.slice(0, FINDINGS_VISITED);
  for (const canCreateFiles of [true, false]) {
    const fixes = attempt('fixesFor', () => fixesFor(workspace, MAIN_URI, visited, findings, { canCreateFiles }));
    for (const fix of fixes.slice(0, FIXES_APPLIED)) {
      expectWords(fix.title, text, 'fix title');
      const change = attempt(`fix '${fix.title}'`, () => fix.change());
      if (change) expectApplicable(workspace, change, `fix '${fix.title}'`);
    }
  }
  for (const fix of attempt('fixesFor every finding', () => fixesFor(workspace, MAIN_URI, findings, findings, { canCreateFiles: true }))) {
    expectWords(fix.title, text, 'fix title');
  }
  expectApplicable(workspace, attempt('fixAll', () => fixAll(workspace, MAIN_URI, findings)), 'fix all');
}

/** Runs one step, turning an exception or a hang into a failure. */
function attempt<T>(label: string, step: () => T): T {
  const started = process.cpuUsage();
  let result: T;
  try {
    result = step();
  } catch (error) {
    throw new FuzzFailure('exception', `${label} threw ${stackOf(error)}`);
  }
  const used = process.cpuUsage(started);
  const milliseconds = (used.user + used.system) / 1000;
  if (milliseconds > HANG_BOUND_MS) throw new FuzzFailure('hang', `${label} hung: ${Math.round(milliseconds / 1000)} s of CPU`);
  return result;
}

/** Edits inside their documents, not overlapping, and creating only files that do not exist. */
function expectApplicable(workspace: Workspace, change: WorkspaceChange, label: string): void {
  for (const created of change.creates) {
    if (workspace.get(created.uri)) throw new FuzzFailure('edits', `${label} creates ${created.uri}, which exists`);
  }
  const byUri = new Map<string, TextEdit[]>();
  for (const edit of change.edits) byUri.set(edit.uri, [...(byUri.get(edit.uri) ?? []), edit]);
  for (const [uri, edits] of byUri) {
    const created = change.creates.some((creation) => creation.uri === uri);
    const target = created ? '' : workspace.get(uri)?.text;
    if (target === undefined) throw new FuzzFailure('edits', `${label} edits ${uri}, which is not in the workspace`);
    for (const edit of edits) {
      if (!created) expectInside(workspace, uri, edit.range, label);
      if (typeof edit.newText !== 'string') throw new FuzzFailure('edits', `${label} has an edit without text`);
    }
    try {
      toOffsetEdits(target, edits.map(({ range, newText }) => ({ range, newText })));
    } catch (error) {
      throw new FuzzFailure('edits', `${label}: ${(error as Error).message}`);
    }
  }
}

export function expectInside(workspace: Workspace, uri: string, range: Range, label: string): void {
  const text = workspace.get(uri)?.text;
  if (text === undefined) throw new FuzzFailure('range', `${label} points into ${uri}, which is not in the workspace`);
  const problem = rangeProblem(text, range);
  if (problem) throw new FuzzFailure('range', `${label}: ${problem} (${showRange(range)})`);
}

/**
 * Why a range is not a valid place in the text, or undefined. Lines end at `\n`, and a `\r`
 * before it is not a column of the line, as editors count them.
 */
export function rangeProblem(text: string, range: Range): string | undefined {
  const lengths = lineLengthsOf(text);
  for (const [name, position] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return `${name} is not a whole position`;
    if (position.line < 0 || position.line >= lengths.length) return `${name} line is outside the ${lengths.length} lines`;
    if (position.character < 0 || position.character > lengths[position.line]) return `${name} column is past the end of its line`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'it ends before it starts';
  return undefined;
}

let measured: { text: string; lengths: number[] } | undefined;

/** The length of each line, for the text last asked about: a case asks about one text many times. */
function lineLengthsOf(text: string): number[] {
  if (measured?.text !== text) measured = { text, lengths: text.split('\n').map((line) => line.replace(/\r$/, '').length) };
  return measured.lengths;
}

/** Words that only appear when a missing or non-text value was written into a sentence. */
function expectWords(shown: string, text: string, label: string): void {
  const garbled = GARBLED.exec(shown);
  if (garbled && !text.includes(garbled[0])) throw new FuzzFailure('garbled-text', `${label} shows '${garbled[0]}': ${shown.slice(0, 300)}`);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

const show = (position: Position) => `${position.line}:${position.character}`;
const showRange = (range: Range) => `${show(range.start)}-${show(range.end)}`;
