import { ANNOTATIONS, CLAIM_TEMPLATE_LABELS, METADATA_LABELS, SELECTOR_LABELS, TEMPLATE_LABELS, visitFields, type FieldSpec } from '../field-specs';
import { fieldOrigin, fieldTree } from '../kustomization';
import type { Layer } from '../layer';
import type { BuildResource } from '../resource';
import { child, clone, emptyMap, put, textAt, type Tree, type TreeMap } from '../tree';

/** A set of labels or annotations and where they go. */
interface Assignment {
  readonly pairs: TreeMap;
  readonly specs: readonly FieldSpec[];
  readonly field: string;
}

/**
 * `commonLabels`, `labels` and `commonAnnotations`, in that order. Each key and value written
 * keeps its origin in the kustomization, so a finding on a label lands on the line that set it.
 */
export function applyLabelsAndAnnotations(layer: Layer, resources: readonly BuildResource[]): void {
  const assignments: Assignment[] = [];
  const common = fieldTree(layer.kustomization, 'commonLabels');
  if (common?.type === 'map') assignments.push({ pairs: common, specs: SELECTOR_LABELS, field: 'commonLabels' });
  const labels = fieldTree(layer.kustomization, 'labels');
  for (const entry of labels?.type === 'seq' ? labels.items : []) {
    const pairs = child(entry, 'pairs');
    if (pairs?.type === 'map') assignments.push({ pairs, specs: labelSpecs(entry), field: 'labels' });
  }
  const annotations = fieldTree(layer.kustomization, 'commonAnnotations');
  if (annotations?.type === 'map') assignments.push({ pairs: annotations, specs: ANNOTATIONS, field: 'commonAnnotations' });
  for (const { pairs, specs, field } of assignments) {
    const holderOrigin = fieldOrigin(layer.kustomization, layer.kustomization.fields.get(field)!);
    for (const resource of resources) {
      visitFields(resource, specs, holderOrigin, (holder, key, spec) => {
        let target = child(holder, key);
        if (target === undefined || (target.type === 'scalar' && target.value === null)) {
          if (!spec.create) return;
          target = emptyMap(holderOrigin);
          put(holder, key, target, holderOrigin);
        }
        if (target.type === 'map') for (const pair of pairs.entries) put(target, pair.key, asText(pair.value), pair.keyOrigin);
      });
    }
  }
}

/** The places one `labels` entry writes to, from its include flags or its own `fields`. */
function labelSpecs(entry: Tree): FieldSpec[] {
  const flag = (name: string) => textAt(entry, [name]) === 'true';
  if (flag('includeSelectors')) return [...SELECTOR_LABELS];
  const specs = [...METADATA_LABELS];
  if (flag('includeTemplates')) specs.push(...TEMPLATE_LABELS);
  if (flag('includeVolumeClaimTemplates')) specs.push(...CLAIM_TEMPLATE_LABELS);
  const fields = child(entry, 'fields');
  for (const item of fields?.type === 'seq' ? fields.items : []) {
    const path = textAt(item, ['path']);
    if (path) specs.push({ path, kind: textAt(item, ['kind']), group: textAt(item, ['group']), create: textAt(item, ['create']) === 'true' });
  }
  return specs;
}

/** Label and annotation values are strings, whatever YAML type they were written as. */
function asText(value: Tree): Tree {
  const copy = clone(value);
  if (copy.type === 'scalar' && copy.value !== null) copy.value = String(copy.value);
  return copy;
}
