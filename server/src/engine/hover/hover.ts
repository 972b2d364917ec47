import { isScalar } from 'yaml';
import { locate, type Location } from '../locate';
import { allowedValues } from '../schema/enum-values';
import { schemaAt, type SchemaTarget } from '../schema/field-at-path';
import { rootTypeOf } from '../schema/field-table';
import type { SourceFile } from '../source-file';
import type { Position, Range } from '../types';
import type { Workspace } from '../workspace';
import { computedHover } from './computed';
import { fieldDocs } from './field-docs';
import { code, sections } from './markdown';
import { chartTemplateHover } from './template-hover';

export interface HoverOptions {
  /** Include the generic reference documentation of fields (`kubeStateful.hover.fieldDocs`). */
  fieldDocs: boolean;
}

export interface HoverAnswer {
  /** The key or value the hover is about. */
  range: Range;
  markdown: string;
}

/**
 * The hover for a position: first what the field does to this StatefulSet, computed from the
 * manifest and the workspace, then the field's reference documentation. In a chart template,
 * what its actions render to, and the same hovers on its literal lines. Undefined where there
 * is nothing to say.
 */
export function hoverAt(workspace: Workspace, file: SourceFile, position: Position, options: HoverOptions): HoverAnswer | undefined {
  if (file.role === 'chart-template') {
    return chartTemplateHover(workspace, file, position, (rendered, at) => manifestHover(workspace, rendered, at, options));
  }
  return manifestHover(workspace, file, position, options);
}

function manifestHover(workspace: Workspace, file: SourceFile, position: Position, options: HoverOptions): HoverAnswer | undefined {
  const location = locate(file, position);
  if (!location) return undefined;
  const { resource, path } = location;
  const computed = computedHover(resource, path, workspace);
  const rootType = rootTypeOf(resource.apiVersion, resource.kind);
  const target = rootType ? schemaAt(rootType, path) : undefined;
  const docs =
    options.fieldDocs && target
      ? sections([computed ? undefined : valueNote(target, location), fieldDocs(target, workspace.settings.kubernetesVersion, entryKeyOf(location))])
      : undefined;
  const markdown = sections([computed, docs]);
  return markdown ? { range: location.range, markdown } : undefined;
}

/** For a word of a fixed set: what it means, or that it is not one of the set. */
function valueNote(target: SchemaTarget, { node, role }: Location): string | undefined {
  if (role !== 'value' || !target.field || target.within === 'entry' || !isScalar(node) || typeof node.value !== 'string') return undefined;
  const values = allowedValues(target.field);
  if (!values || values.length === 0) return undefined;
  const known = values.find((entry) => entry.value === node.value);
  if (!known) return `⚠️ ${code(node.value)} is not one of the values this field accepts.`;
  return known.description ? `**${code(known.value)}**: ${known.description}` : undefined;
}

/** The key of a map entry under the cursor, such as `app` in `labels`. */
function entryKeyOf({ path }: Location): string | undefined {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : undefined;
}
