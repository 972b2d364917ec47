import { locate } from '../document/locate';
import type { SourceFile } from '../document/source-file';
import type { Position } from '../types';
import type { Workspace } from '../workspace/workspace';
import { referencesTo } from './find-references';
import { referencesOf, type ObjectReference } from './object-references';
import { keyPlace, samePlace, valuePlace, type Place } from './places';
import { resolve } from './resolve';
import { placeInSource, renderedPositionOf } from './through-render';
import { declarationsOf, declaredAt, samePath, type Target } from './targets';

/** What is under the cursor, for navigation. */
export interface CursorSymbol {
  /** The name under the cursor. */
  origin: Place;
  /** Set when the name is a reference to something else, rather than a definition. */
  reference?: ObjectReference;
  /** What the name stands for, nearest first; for a definition, itself. */
  targets: Target[];
  /** The targets the name means, by the rule the checks use. */
  meant: Target[];
}

/**
 * The reference or definition under a position: a field naming another object, key or volume
 * (such as `serviceName`), a selector, or the name of an object, key, volume or claim template.
 */
export function symbolAt(workspace: Workspace, file: SourceFile, position: Position): CursorSymbol | undefined {
  const location = locate(file, position);
  if (!location) return undefined;
  const { resource, path, role } = location;
  const declared = declaredAt(resource, path, role);
  if (declared) {
    const { start } = location.range;
    const origin = declarationsOf(declared).find((place) => place.range.start.line === start.line && place.range.start.character === start.character);
    return origin && { origin, targets: [declared], meant: [declared] };
  }
  for (const reference of referencesOf(resource)) {
    const selector = reference.to.type === 'selector';
    const hit = selector ? samePath(path.slice(0, reference.path.length), reference.path) : role === 'value' && samePath(path, reference.path);
    if (!hit) continue;
    // Inside a selector, the name under the cursor is a label's key or value, or `selector` itself.
    const selectorPair = selector ? keyPlace(resource, reference.path.slice(0, -1), 'selector') : undefined;
    const origin = selectorPair ? { ...selectorPair, range: location.range, nameRange: undefined } : valuePlace(resource, reference.path);
    if (!origin) return undefined;
    const { targets, meant } = resolve(workspace, resource, reference);
    return { origin, reference, targets, meant };
  }
  return undefined;
}

/**
 * Go to definition: the name under the cursor and where what it names is defined, nearest first.
 * In a chart template, the name is looked up in the template's render, and what is found in
 * rendered objects is shown on the template lines that wrote it.
 */
export function definitionsAt(workspace: Workspace, file: SourceFile, position: Position): { origin: Place; targets: Place[] } | undefined {
  const symbol = symbolThroughRender(workspace, file, position);
  if (!symbol) return undefined;
  const targets = symbol.targets.flatMap(declarationsOf).map((place) => placeInSource(workspace, place));
  return { origin: placeInSource(workspace, symbol.origin), targets: unique(targets) };
}

/** Find references: every place pointing at what the name under the cursor means, its definitions first when asked. */
export function referencesAt(workspace: Workspace, file: SourceFile, position: Position, includeDeclaration: boolean): Place[] | undefined {
  const symbol = symbolThroughRender(workspace, file, position);
  if (!symbol) return undefined;
  const places = [
    ...(includeDeclaration ? symbol.meant.flatMap(declarationsOf) : []),
    ...symbol.meant.flatMap((target) => referencesTo(workspace, target).map((found) => found.place)),
  ];
  return unique(places.map((place) => placeInSource(workspace, place)));
}

/** The symbol under a position; for a chart template, the one its render has there. */
function symbolThroughRender(workspace: Workspace, file: SourceFile, position: Position): CursorSymbol | undefined {
  if (file.role !== 'chart-template') return symbolAt(workspace, file, position);
  const rendered = renderedPositionOf(workspace, file, position);
  return rendered && symbolAt(workspace, rendered.file, rendered.position);
}

function unique(places: Place[]): Place[] {
  return places.filter((place, index) => places.findIndex((other) => samePlace(other, place)) === index);
}
