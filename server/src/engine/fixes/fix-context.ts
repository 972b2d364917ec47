import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Resource } from '../document/resource';
import type { SourceFile } from '../document/source-file';
import type { Finding } from '../types';
import type { Workspace } from '../workspace/workspace';
import type { PathSegment } from '../document/yaml-nodes';
import { TextLayout } from './text-layout';
import type { FixOptions } from './types';
import { ownPair } from './yaml-edits';

/** What a fix provider reads: the finding, its file, the rest of the file's findings and the index. */
export interface FixContext {
  workspace: Workspace;
  file: SourceFile;
  finding: Finding;
  /** Every finding of the file, for fixes that repair several at once. */
  findings: readonly Finding[];
  options: FixOptions;
}

const layouts = new WeakMap<SourceFile, TextLayout>();

/** The line layout of a parsed file, computed once per text. */
export function layoutOf(file: SourceFile): TextLayout {
  let layout = layouts.get(file);
  if (!layout) layouts.set(file, (layout = new TextLayout(file.text)));
  return layout;
}

/** Offset in the file's text where a finding starts. */
export function startOffset(file: SourceFile, finding: Finding): number {
  return layoutOf(file).offsetAt(finding.range.start);
}

/** The object whose text holds an offset. */
export function resourceAt(file: SourceFile, offset: number): Resource | undefined {
  return file.resources.find((resource) => {
    const range = resource.node.range;
    return range !== undefined && range !== null && range[0] <= offset && offset <= range[2];
  });
}

/** The object a finding was reported on. */
export function resourceOf(context: FixContext): Resource | undefined {
  return resourceAt(context.file, startOffset(context.file, context.finding));
}

/** The scalar that starts at an offset; undefined for an alias, whose text is elsewhere. */
export function scalarAt(document: Document, offset: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(document, {
    Scalar(_, node) {
      if (node.range?.[0] === offset) {
        found = node;
        return visit.BREAK;
      }
    },
  });
  return found;
}

/** The mapping entry whose key starts at an offset, with the mapping that holds it. */
export function pairWithKeyAt(document: Document, offset: number): { pair: Pair<Scalar, Node | null>; parent: YAMLMap } | undefined {
  let found: { pair: Pair<Scalar, Node | null>; parent: YAMLMap } | undefined;
  visit(document, {
    Pair(_, pair, path) {
      const parent = path[path.length - 1];
      if (isScalar(pair.key) && pair.key.range?.[0] === offset && isMap(parent)) {
        found = { pair: pair as Pair<Scalar, Node | null>, parent };
        return visit.BREAK;
      }
    },
  });
  return found;
}

/**
 * The node at a path below an object, written in the object itself: no step goes through an
 * alias or a merged key, so that editing it changes this object and nothing else. Only the
 * last node may be an alias.
 */
export function ownNodeAt(resource: Resource, path: readonly PathSegment[]): Node | undefined {
  let node: Node | null | undefined = resource.node;
  for (const segment of path) {
    if (isAlias(node)) return undefined;
    if (typeof segment === 'number') node = isSeq(node) ? (node.items[segment] as Node | undefined) : undefined;
    else node = ownPair(node, segment)?.value;
    if (!node) return undefined;
  }
  return node ?? undefined;
}

/** The object's own mapping at a path, if it is one. */
export function ownMapAt(resource: Resource, path: readonly PathSegment[]): YAMLMap | undefined {
  const node = ownNodeAt(resource, path);
  return isMap(node) ? node : undefined;
}

/** A string property of the finding's fix data. */
export function fixString(finding: Finding, key: string): string | undefined {
  const value = finding.fix?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function fixNumber(finding: Finding, key: string): number | undefined {
  const value = finding.fix?.[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The file name at the end of a URI, as people read it. */
export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  } catch {
    return uri.slice(uri.lastIndexOf('/') + 1);
  }
}
