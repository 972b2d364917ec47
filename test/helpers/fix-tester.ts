import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/engine/analyze';
import { configFrom } from '../../server/src/engine/config';
import { fixesFor, type Fix, type FixOptions } from '../../server/src/engine/fixes';
import type { Finding } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { toWorkspaceEdit, type EditSupport } from '../../server/src/lsp/workspace-edit';
import { applyWorkspaceEdit, changedUntouchedLines, type AppliedEdit } from './apply-edits';
import { FIXTURES, fixtureUri } from './rule-tester';

/** Everything an editor can do with a workspace edit. */
export const FULL_SUPPORT: EditSupport = { documentChanges: true, createFiles: true, snippets: true };

/** Files of a test workspace by URI; the first is the one fixes are asked for. */
export type Files = Map<string, string>;

/** Fixture files (paths below test/fixtures), optionally rewritten (say, to CRLF). */
export function fixtureFiles(paths: readonly string[], transform: (text: string) => string = (text) => text): Files {
  return new Map(paths.map((file) => [fixtureUri(file), transform(readFileSync(path.join(FIXTURES, file), 'utf8'))]));
}

export const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export interface FixSession {
  files: Files;
  uri: string;
  workspace: Workspace;
  findings: Finding[];
}

export function sessionOf(files: Files, uri = [...files.keys()][0]): FixSession {
  const workspace = new Workspace(configFrom(undefined));
  for (const [file, text] of files) workspace.set(file, text);
  return { files, uri, workspace, findings: analyze(workspace, uri) };
}

/** The fixes offered for the findings of one rule (all findings when no rule is named). */
export function fixesOf(session: FixSession, ruleId?: string, options: FixOptions = { canCreateFiles: true }): Fix[] {
  const asked = session.findings.filter((finding) => ruleId === undefined || finding.ruleId === ruleId);
  return fixesFor(session.workspace, session.uri, asked, session.findings, options);
}

export function fixTitled(fixes: readonly Fix[], title: string | RegExp): Fix {
  const fix = fixes.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
  assert.ok(fix, `a fix titled ${title} among: ${fixes.map((candidate) => candidate.title).join(' | ')}`);
  return fix;
}

/** Applies a fix as the LSP adapter hands it to an editor, and checks it kept every untouched line. */
export function applyFix(session: FixSession, fix: Fix, support: EditSupport = FULL_SUPPORT): AppliedEdit {
  const change = fix.change();
  assert.ok(change, `fix '${fix.title}' has edits`);
  const edit = toWorkspaceEdit(change, support, () => 1);
  assert.ok(edit, `fix '${fix.title}' can be sent to the client`);
  const applied = applyWorkspaceEdit(session.files, edit);
  for (const [uri, edits] of applied.edits) {
    const original = session.files.get(uri);
    if (original === undefined) continue;
    assert.deepEqual(changedUntouchedLines(original, edits, applied.files.get(uri)!), [], `untouched lines of ${uri} kept`);
  }
  return applied;
}

/** Parses every document of a text as kubectl would, failing on any YAML error. */
export function documentsOf(text: string): unknown[] {
  const documents = parseAllDocuments(text, { version: '1.1', merge: true });
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) assert.deepEqual(document.errors.map((error) => error.message), [], 'the YAML parses');
  return list.map((document) => document.toJS());
}

/** The objects of a kind across the files of a result. */
export function objectsOf(files: Files, kind: string): Record<string, any>[] {
  return [...files.values()].flatMap((text) =>
    documentsOf(text).filter((object): object is Record<string, any> => (object as { kind?: unknown } | null)?.kind === kind),
  );
}
