import type { Finding, Position, Range } from '../types';
import type { Workspace } from '../workspace/workspace';
import type { FixContext } from './fix-context';
import { inlineSecretFixes } from './inline-secret-fixes';
import {
  accessModesFixes,
  apiVersionFixes,
  invalidEnumValueFixes,
  releaseLabelFixes,
  restartPolicyFixes,
  selectorOperatorFixes,
  selectorTemplateFixes,
  storageFixes,
  unknownFieldFixes,
} from './repairs';
import { restoreFixes } from './restore-fixes';
import { serviceNotFoundFixes, serviceNotHeadlessFixes, serviceSelectorFixes } from './service-fixes';
import { suppressionFixes } from './suppression-fixes';
import type { Fix, FixOptions, TextEdit, WorkspaceChange } from './types';

export type { Fix, FixOptions, TextEdit, WorkspaceChange } from './types';

/** The repairs each rule offers, from the fix data of its findings. */
const PROVIDERS: Record<string, (context: FixContext) => Fix[]> = {
  'inline-secret': inlineSecretFixes,
  'service-not-found': serviceNotFoundFixes,
  'service-not-headless': serviceNotHeadlessFixes,
  'service-selector-mismatch': serviceSelectorFixes,
  'unknown-field': unknownFieldFixes,
  'invalid-enum-value': invalidEnumValueFixes,
  'restart-policy-not-always': restartPolicyFixes,
  'selector-invalid': selectorOperatorFixes,
  'api-version-removed': apiVersionFixes,
  'selector-template-mismatch': selectorTemplateFixes,
  'vct-access-modes-missing': accessModesFixes,
  'vct-storage-missing': storageFixes,
  'vct-release-labels': releaseLabelFixes,
  'immutable-field-changed': restoreFixes,
};

/**
 * The fixes for some findings of a file: each rule's repairs, then the comments that silence
 * them. `findings` is every finding of the file, for fixes that repair several at once.
 */
export function fixesFor(workspace: Workspace, uri: string, asked: readonly Finding[], findings: readonly Finding[], options: FixOptions): Fix[] {
  const file = workspace.get(uri);
  // A file too large to read from disk is held without its text: there is nothing to edit.
  if (!file || (file.skipped?.kind === 'too-large' && file.text === '')) return [];
  const unique = new Map<string, Fix>();
  // Looked up once per finding a fix covers: searching the list instead is quadratic with "move all".
  const positionOf = new Map(findings.map((finding, index) => [finding, index]));
  for (const finding of asked) {
    for (const fix of repairsOf({ workspace, file, finding, findings, options })) {
      // A fix for several findings ("move all") comes with each of them: offer it once.
      const key = `${fix.id}\n${fix.title}\n${fix.findings.map((covered) => positionOf.get(covered) ?? -1).join()}`;
      if (!unique.has(key)) unique.set(key, fix);
    }
  }
  return [...unique.values(), ...suppressionFixes(file, asked)];
}

/** The fix of a finding with this id, computed again from the current text (for codeAction/resolve). */
export function fixById(workspace: Workspace, uri: string, finding: Finding, findings: readonly Finding[], id: string, options: FixOptions): Fix | undefined {
  return fixesFor(workspace, uri, [finding], findings, options).find((fix) => fix.id === id);
}

/**
 * One change applying every fix that needs no choice (a value's case, a removed apiVersion, a
 * mistyped key), for `source.fixAll`. Fixes whose edits would overlap an earlier one wait for
 * the next run.
 */
export function fixAll(workspace: Workspace, uri: string, findings: readonly Finding[]): WorkspaceChange {
  const file = workspace.get(uri);
  const accepted: TextEdit[] = [];
  if (!file) return { creates: [], edits: accepted };
  for (const finding of findings) {
    for (const fix of repairsOf({ workspace, file, finding, findings, options: { canCreateFiles: false } })) {
      if (!fix.safe) continue;
      const change = safely(() => fix.change());
      if (!change || change.creates.length > 0 || change.edits.some((edit) => edit.uri !== uri)) continue;
      if (change.edits.some((edit) => accepted.some((other) => overlaps(edit.range, other.range)))) continue;
      accepted.push(...change.edits);
    }
  }
  return { creates: [], edits: accepted };
}

function repairsOf(context: FixContext): Fix[] {
  return safely(() => PROVIDERS[context.finding.ruleId]?.(context)) ?? [];
}

/** A fix provider that fails on some input costs its fixes, never the request. */
function safely<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

function overlaps(a: Range, b: Range): boolean {
  if (same(a.start, a.end) && same(b.start, b.end)) return same(a.start, b.start);
  return before(a.start, b.end) && before(b.start, a.end);
}

const same = (a: Position, b: Position) => a.line === b.line && a.character === b.character;
const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
