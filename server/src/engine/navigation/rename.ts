import type { SourceFile } from '../document/source-file';
import type { TextEdit } from '../fixes/types';
import { isConfigKey, isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../kubernetes/names';
import type { Position, Range } from '../types';
import type { Workspace } from '../workspace/workspace';
import { fileLabel } from '../hover/markdown';
import { referencesTo } from './find-references';
import type { RefersTo } from './object-references';
import { symbolAt } from './navigate';
import type { Place } from './places';
import { declarationsOf, isClaimTemplate, nameOfTarget, type Target } from './targets';

/** The name's form for each kind of object Kube Stateful renames, as the API server validates it. */
const OBJECT_NAMES: Record<string, { valid: (name: string) => boolean; form: string }> = {
  Service: { valid: isDns1035Label, form: 'a DNS label starting with a letter: at most 63 lowercase letters, digits and hyphens' },
  StatefulSet: { valid: isDns1123Subdomain, form: 'a DNS subdomain: lowercase letters, digits, hyphens and dots' },
  Secret: { valid: isDns1123Subdomain, form: 'a DNS subdomain: lowercase letters, digits, hyphens and dots' },
  ConfigMap: { valid: isDns1123Subdomain, form: 'a DNS subdomain: lowercase letters, digits, hyphens and dots' },
  PersistentVolumeClaim: { valid: isDns1123Subdomain, form: 'a DNS subdomain: lowercase letters, digits, hyphens and dots' },
  StorageClass: { valid: isDns1123Subdomain, form: 'a DNS subdomain: lowercase letters, digits, hyphens and dots' },
  ServiceAccount: { valid: isDns1123Subdomain, form: 'a DNS subdomain: lowercase letters, digits, hyphens and dots' },
};
const VOLUME_NAME = { valid: isDns1123Label, form: 'a DNS label: at most 63 lowercase letters, digits and hyphens' };
const KEY_NAME = { valid: isConfigKey, form: "letters, digits, '-', '_' and '.'" };

export type PrepareRenameAnswer = { range: Range; placeholder: string } | { refused: string };

export type RenameAnswer = { edits: TextEdit[]; warnings: string[] } | { refused: string };

/** Whether the name under the cursor can be renamed, and the range the editor lets the user type over. */
export function prepareRenameAt(workspace: Workspace, file: SourceFile, position: Position): PrepareRenameAnswer | undefined {
  const subject = subjectAt(workspace, file, position);
  if (!subject || 'refused' in subject) return subject;
  const range = subject.origin.nameRange;
  return range ? { range, placeholder: nameOfTarget(subject.targets[0]) } : { refused: 'This name is a block scalar; rename it by hand.' };
}

/**
 * Renames what the name under the cursor means, and every place that names it, in one set of
 * edits. Names that are equal but unrelated (a label value, another namespace's object) stay.
 * The warnings say what the change does on a live cluster, where it is not a mere rename.
 */
export function renameAt(workspace: Workspace, file: SourceFile, position: Position, newName: string): RenameAnswer | undefined {
  const subject = subjectAt(workspace, file, position);
  if (!subject || 'refused' in subject) return subject;
  const target = subject.targets[0];
  const rule = nameRuleOf(target)!;
  if (!rule.valid(newName)) return { refused: `'${newName}' is not a valid ${describe(target)} name: it must be ${rule.form}.` };
  const places = subject.targets.flatMap((each) => [...declarationsOf(each), ...referencesTo(workspace, each).filter((found) => found.relation === 'names').map((found) => found.place)]);
  const edits: TextEdit[] = [];
  const seen = new Set<string>();
  for (const place of places) {
    if (!place.nameRange) return { refused: `The name at line ${place.range.start.line + 1} of ${fileLabel(place.uri)} is a block scalar; rename it by hand.` };
    const key = `${place.uri}:${place.nameRange.start.line}:${place.nameRange.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edits.push({ uri: place.uri, range: place.nameRange, newText: newName });
  }
  return { edits, warnings: warningsOf(workspace, target, newName) };
}

/** What a rename applies to: the targets the name means, all of one kind Kube Stateful renames. */
function subjectAt(workspace: Workspace, file: SourceFile, position: Position): { origin: Place; targets: Target[] } | { refused: string } | undefined {
  const symbol = symbolAt(workspace, file, position);
  if (!symbol) return undefined;
  if (symbol.reference?.to.type === 'selector') return { refused: 'A selector picks pods by their labels: rename the labels, not the selector.' };
  if (symbol.meant.length === 0) return { refused: `${describeReference(symbol.reference?.to)} is not defined here in the workspace, so there is nothing to rename.` };
  const target = symbol.meant[0];
  if (!nameRuleOf(target)) return { refused: `Kube Stateful renames Services, StatefulSets, Secrets, ConfigMaps and their keys, PVCs, StorageClasses, ServiceAccounts, volumes and claim templates, not ${target.resource.kind}s.` };
  return { origin: symbol.origin, targets: symbol.meant };
}

function nameRuleOf(target: Target): { valid: (name: string) => boolean; form: string } | undefined {
  if (target.type === 'key') return KEY_NAME;
  if (target.type === 'volume') return VOLUME_NAME;
  return OBJECT_NAMES[target.resource.kind];
}

function describe(target: Target): string {
  if (target.type === 'key') return `${target.resource.kind} key`;
  if (target.type === 'volume') return isClaimTemplate(target.resource, target.name) ? 'claim template' : 'volume';
  return target.resource.kind;
}

/** What a live cluster makes of the change: claim templates and a StatefulSet's `serviceName` cannot change in place. */
function warningsOf(workspace: Workspace, target: Target, newName: string): string[] {
  const owner = target.resource.name;
  if (target.type === 'volume' && isClaimTemplate(target.resource, target.name)) {
    return [
      `volumeClaimTemplates cannot change on a live cluster: the API server refuses this change to StatefulSet '${owner}'. Recreating the StatefulSet (kubectl delete statefulset ${owner} --cascade=orphan, then apply) gives its pods new, empty PVCs named ${newName}-${owner}-<ordinal>; the PVCs of '${target.name}' and their data stay behind.`,
    ];
  }
  if (target.type !== 'object' || !target.resource.is('Service')) return [];
  const governed = workspace
    .readersOfKey(`Service/${owner}`)
    .filter((reader) => reader.is('StatefulSet') && reader.object.spec?.serviceName === owner && workspace.namespaceOf(reader) === workspace.namespaceOf(target.resource));
  if (governed.length === 0) return [];
  // Sorted, so the warning reads the same whatever order the files were indexed in.
  const names = governed.map((statefulSet) => `'${statefulSet.name}'`).sort().join(', ');
  return [
    `serviceName cannot change on a live cluster: the API server refuses this change to StatefulSet ${names}, which must be recreated (kubectl delete statefulset --cascade=orphan, then apply). Applying creates a new Service '${newName}' and leaves '${owner}' in place until you delete it.`,
  ];
}

function describeReference(to: RefersTo | undefined): string {
  if (to?.type === 'object') return `${to.kind} '${to.name}'`;
  if (to?.type === 'key') return `Key '${to.key}' of ${to.kind} '${to.name}'`;
  if (to?.type === 'volume') return `Volume '${to.name}'`;
  return 'What this names';
}
