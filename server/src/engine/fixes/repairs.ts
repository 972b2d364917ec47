import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { isMap, isScalar } from 'yaml';
import { labelsOf } from '../kubernetes/label-selector';
import { claimTemplatesOf } from '../kubernetes/pod-template';
import { describeClaimTemplate } from '../kubernetes/template-parts';
import type { Resource } from '../document/resource';
import type { PathSegment } from '../document/yaml-nodes';
import {
  fixNumber,
  fixString,
  ownMapAt,
  ownNodeAt,
  pairWithKeyAt,
  resourceOf,
  scalarAt,
  startOffset,
  type FixContext,
} from './fix-context';
import type { Fix, WorkspaceChange } from './types';
import { FileEditor, insertEntries, ownPair, removePair, replaceScalar, setIn } from './yaml-edits';
import { map, placeholder, seq, text, type YamlValue } from './yaml-render';

/*
 * One-click repairs inside the object the finding is about: a corrected word, a renamed key,
 * a missing field with its usual value.
 */

/** One edit session on the finding's own file, as a fix's change. */
function editFile(context: FixContext, edit: (editor: FileEditor) => boolean): WorkspaceChange | undefined {
  const editor = new FileEditor(context.file.uri, context.file.text);
  return edit(editor) && editor.edits.length > 0 ? { creates: [], edits: editor.edits } : undefined;
}

function fix(context: FixContext, id: string, title: string, options: { preferred: boolean; safe: boolean }, edit: (editor: FileEditor) => boolean): Fix {
  return { id, title, ...options, findings: [context.finding], change: () => editFile(context, edit) };
}

/**
 * Replaces the reported value by the rule's `replacement`. `safe` says whether fix-all may do it
 * unasked, given the value as written.
 */
function replacementFix(context: FixContext, title: (from: string, to: string) => string, safe: (from: string, to: string) => boolean): Fix[] {
  const replacement = fixString(context.finding, 'replacement');
  const resource = resourceOf(context);
  const node = resource && scalarAt(resource.document, startOffset(context.file, context.finding));
  if (replacement === undefined || !node || node.value === null || typeof node.value === 'object') return [];
  const from = String(node.value);
  if (from === replacement) return [];
  return [
    fix(context, 'replace', title(from, replacement), { preferred: true, safe: safe(from, replacement) }, (editor) => {
      replaceScalar(editor, node, replacement);
      return true;
    }),
  ];
}

const sameLetters = (from: string, to: string) => from.toLowerCase() === to.toLowerCase();

export function invalidEnumValueFixes(context: FixContext): Fix[] {
  return replacementFix(context, (from, to) => `Change '${from}' to '${to}'`, sameLetters);
}

export function selectorOperatorFixes(context: FixContext): Fix[] {
  return replacementFix(context, (from, to) => `Change operator '${from}' to '${to}'`, sameLetters);
}

/** `OnFailure` to `Always` changes behaviour, so fix-all only corrects the case of `always`. */
export function restartPolicyFixes(context: FixContext): Fix[] {
  return replacementFix(context, (_, to) => `Set restartPolicy to '${to}'`, sameLetters);
}

export function apiVersionFixes(context: FixContext): Fix[] {
  return replacementFix(context, (_, to) => `Change apiVersion to '${to}'`, () => true);
}

/** Renames a mistyped key to the field meant, unless the mapping already has that field. */
export function unknownFieldFixes(context: FixContext): Fix[] {
  const replacement = fixString(context.finding, 'replacement');
  const resource = resourceOf(context);
  const found = resource && pairWithKeyAt(resource.document, startOffset(context.file, context.finding));
  if (replacement === undefined || !found || ownPair(found.parent, replacement)) return [];
  const key = found.pair.key;
  return [
    fix(context, 'rename', `Rename '${String(key.value)}' to '${replacement}'`, { preferred: true, safe: true }, (editor) => {
      replaceScalar(editor, key, replacement);
      return true;
    }),
  ];
}

/** Adds the selector's `matchLabels` to the pod template, correcting labels that differ. */
export function selectorTemplateFixes(context: FixContext): Fix[] {
  const wanted = labelsOf(context.finding.fix?.selectorLabels);
  const resource = resourceOf(context);
  const path = ['spec', 'template', 'metadata', 'labels'];
  if (!resource?.is('StatefulSet')) return [];
  const current = labelsOf(resource.object.spec?.template?.metadata?.labels);
  // With every label in place, the selector fails on its expressions: adding labels cannot help.
  if (Object.entries(wanted).every(([key, value]) => current[key] === value)) return [];
  const shown = Object.entries(wanted)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return [
    fix(context, 'labels', `Add the selector's labels to the pod template (${shown})`, { preferred: true, safe: false }, (editor) => {
      const labels = ownNodeAt(resource, path);
      if (!isMap(labels)) {
        return setIn(editor, resource.document, resource.node, path, map(Object.entries(wanted).map(([key, value]) => [key, text(value)])));
      }
      const missing: [string, YamlValue][] = [];
      for (const [key, value] of Object.entries(wanted)) {
        const existing = ownPair(labels, key)?.value;
        if (!existing) missing.push([key, text(value)]);
        else if (isScalar(existing) && String(existing.value) !== value) replaceScalar(editor, existing, value);
        else if (!isScalar(existing)) return false;
      }
      return missing.length === 0 || insertEntries(editor, labels, missing, 'last');
    }),
  ];
}

/** Where a claim template sits, from the rules' fix data. */
function claimPath(context: FixContext): PathSegment[] | undefined {
  const index = fixNumber(context.finding, 'claimIndex');
  return index === undefined ? undefined : ['spec', 'volumeClaimTemplates', index];
}

/** How a fix title names the claim template at a path. */
function describeClaimAt(resource: Resource<StatefulSet>, at: PathSegment[]): string {
  const index = at[at.length - 1];
  const entry = claimTemplatesOf(resource).find((candidate) => candidate.path[candidate.path.length - 1] === index);
  return entry ? describeClaimTemplate(entry) : 'the volumeClaimTemplate';
}

/** Adds a missing field of a volumeClaimTemplate with its usual value, selected for editing. */
function claimFieldFix(context: FixContext, path: string[], value: YamlValue, field: string): Fix[] {
  const at = claimPath(context);
  const resource = resourceOf(context);
  const claim = resource && at && ownMapAt(resource, at);
  if (!resource?.is('StatefulSet') || !claim) return [];
  const title = `Add ${field} to ${describeClaimAt(resource, at)}`;
  return [fix(context, 'insert', title, { preferred: true, safe: false }, (editor) => setIn(editor, resource.document, claim, path, value, 'first'))];
}

export function accessModesFixes(context: FixContext): Fix[] {
  return claimFieldFix(context, ['spec', 'accessModes'], seq([placeholder('ReadWriteOnce')], true), 'accessModes: [ReadWriteOnce]');
}

export function storageFixes(context: FixContext): Fix[] {
  return claimFieldFix(context, ['spec', 'resources', 'requests', 'storage'], placeholder('1Gi'), 'storage: 1Gi');
}

/**
 * Removes a label from a claim template, and the `labels` mapping with it when it was the only
 * one, so that no empty `labels:` is left behind.
 */
export function releaseLabelFixes(context: FixContext): Fix[] {
  const at = claimPath(context);
  const label = fixString(context.finding, 'label');
  const resource = resourceOf(context);
  const metadata = resource && at && ownMapAt(resource, [...at, 'metadata']);
  const labels = metadata && ownPair(metadata, 'labels');
  const entry = labels && isMap(labels.value) && label !== undefined ? ownPair(labels.value, label) : undefined;
  if (!resource?.is('StatefulSet') || !metadata || !labels || !isMap(labels.value) || !entry) return [];
  const only = labels.value.items.length === 1 && !labels.value.flow;
  const labelMap = labels.value;
  return [
    fix(context, 'remove-label', `Remove label '${label}' from ${describeClaimAt(resource, at)}`, { preferred: true, safe: false }, (editor) =>
      only ? removePair(editor, metadata, labels) : removePair(editor, labelMap, entry),
    ),
  ];
}
