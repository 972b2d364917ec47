import type { SourceFile } from '../document/source-file';
import { appliedPatchesIn } from '../kustomize/applied-patches';
import { nameOf } from '../kustomize/resource';
import { entryOf, mapAt, textAt, type Tree } from '../kustomize/tree';
import type { AppliedPatch } from '../kustomize/patches';
import { defineFileRule } from '../rule';
import type { RelatedLocation, Report } from '../types';
import type { Workspace } from '../workspace/workspace';

export const patchReplacesClaimTemplates = defineFileRule({
  id: 'patch-replaces-claim-templates',
  severity: 'warning',
  description: 'A strategic-merge patch sets `volumeClaimTemplates`, which replaces the whole list of the base.',
  docs: {
    rationale:
      "Strategic merge has no merge key for a StatefulSet's `volumeClaimTemplates`: a patch that sets the list replaces it whole. Claim templates the patch leaves out are dropped, and a kept template loses every field the patch does not repeat (its storage class, access modes, size). The StatefulSet then cannot be updated in place, since its claim templates may not change. Repeat the whole list in the patch, or change one field with a JSON 6902 patch (`op: replace`, `path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage`).",
    bad: '# base: claim templates data and logs\nspec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        resources:\n          requests:\n            storage: 100Gi',
    good: '- op: replace\n  path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage\n  value: 100Gi',
  },
  check: ({ file, workspace }) =>
    appliedPatchesIn(workspace, file.uri, (patch) => (patch.claimTemplatesBefore ? claimTemplatesKey(patch)?.uri : undefined)).flatMap((applications) =>
      reportsOf(file, workspace, applications),
    ),
});

function claimTemplatesKey(patch: AppliedPatch) {
  const spec = mapAt(patch.patch, ['spec']);
  return spec && entryOf(spec, 'volumeClaimTemplates')?.keyOrigin?.span;
}

/** One report per StatefulSet whose claim templates the patch drops or strips, once for all builds. */
function reportsOf(file: SourceFile, workspace: Workspace, applications: readonly AppliedPatch[]): Report[] {
  const reports = new Map<string, Report>();
  for (const patch of applications) {
    const key = claimTemplatesKey(patch)!;
    const patched = byName(patchedList(patch.patch));
    patch.matched.forEach((resource, index) => {
      const before = patch.claimTemplatesBefore![index];
      const base = byName(before);
      const dropped = [...base.keys()].filter((name) => !patched.has(name));
      const stripped = [...base].flatMap(([name, template]) => {
        const lost = patched.has(name) ? leafPaths(template).filter((path) => !leafPaths(patched.get(name)!).includes(path)) : [];
        return lost.length > 0 ? [`'${name}' loses ${lost.join(', ')}`] : [];
      });
      if (dropped.length === 0 && stripped.length === 0) return;
      const losses = [...(dropped.length > 0 ? [`drops ${dropped.map((name) => `'${name}'`).join(', ')}`] : []), ...stripped];
      const message = `This patch replaces the whole volumeClaimTemplates list of StatefulSet '${nameOf(resource)}': it ${losses.join('; ')}. Repeat the full list, or use a JSON 6902 patch for one field.`;
      const related = baseLocation(workspace, before);
      reports.set(message, { range: file.rangeOf(key.start, key.end), message, ...(related ? { related: [related] } : {}) });
    });
  }
  return [...reports.values()];
}

function patchedList(patch: Tree): Tree | undefined {
  const spec = mapAt(patch, ['spec']);
  return spec && entryOf(spec, 'volumeClaimTemplates')?.value;
}

function byName(list: Tree | undefined): Map<string, Tree> {
  const named = new Map<string, Tree>();
  if (list?.type !== 'seq') return named;
  for (const item of list.items) {
    const name = textAt(item, ['metadata', 'name']);
    if (name !== undefined) named.set(name, item);
  }
  return named;
}

/** The dotted paths of a claim template's scalars and lists, below `metadata.name`'s level. */
function leafPaths(tree: Tree, prefix = ''): string[] {
  if (tree.type !== 'map') return prefix === '' ? [] : [prefix];
  return tree.entries.flatMap((entry) => (prefix === '' && entry.key === 'metadata' && entry.value.type === 'map' && entry.value.entries.length === 1 ? [] : leafPaths(entry.value, prefix ? `${prefix}.${entry.key}` : entry.key)));
}

function baseLocation(workspace: Workspace, list: Tree | undefined): RelatedLocation | undefined {
  const span = list?.origin?.span;
  const source = span && workspace.get(span.uri);
  return span && source ? { uri: span.uri, range: source.rangeOf(span.start, span.end), message: "the base's claim templates" } : undefined;
}
