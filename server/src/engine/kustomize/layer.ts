import type { OriginStep } from '../helm/go/origin';
import type { BuildFiles } from './files';
import { fieldSpan, type Kustomization } from './kustomization';
import type { ParseCache } from './parse-cache';
import type { Problems } from './problems';

/** One kustomization being applied: what its transformers and generators need to know. */
export interface Layer {
  readonly kustomization: Kustomization;
  readonly files: BuildFiles;
  readonly cache: ParseCache;
  readonly problems: Problems;
  /** A URI as the user knows it, relative to the folder being built, for messages. */
  readonly display: (uri: string) => string;
}

/** A step of a value's history: the kustomization field that changed it. */
export function fieldStep(layer: Layer, name: string, doing: string): OriginStep | undefined {
  const field = layer.kustomization.fields.get(name);
  if (!field) return undefined;
  const [start, end] = fieldSpan(field);
  return { span: { uri: layer.kustomization.uri, start, end }, message: `${doing} by '${name}' in ${layer.display(layer.kustomization.uri)}` };
}
