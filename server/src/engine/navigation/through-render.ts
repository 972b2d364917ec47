import { RENDERED_SUFFIX } from '../derived/chart-uris';
import { sourceLocationOf } from '../derived/relocate';
import type { SourceFile } from '../document/source-file';
import type { Position } from '../types';
import type { Workspace } from '../workspace/workspace';
import type { Place } from './places';

/**
 * Where a position of a chart template landed in the template's last render: literal text where
 * it was copied, an action where its output starts. Undefined without a render of the text the
 * template now has, whose offsets would point elsewhere.
 */
export function renderedPositionOf(workspace: Workspace, file: SourceFile, position: Position): { file: SourceFile; position: Position } | undefined {
  const output = workspace.renderedOutputOf(file.uri);
  if (!output || !workspace.renderIsCurrent(file.uri)) return undefined;
  const offset = file.offsetAt(position);
  const at = output.origins.outputOffsetOf(file.uri, offset) ?? output.origins.stretchesWrittenBy(file.uri, offset)[0]?.start;
  return at === undefined ? undefined : { file: output.file, position: output.file.positionAt(at) };
}

/** A place in rendered output, moved to the template text that wrote it; a place in any other file as it is. */
export function placeInSource(workspace: Workspace, place: Place): Place {
  if (!place.uri.endsWith(RENDERED_SUFFIX)) return place;
  const written = sourceLocationOf(workspace, place.uri, place.range);
  const extent = sourceLocationOf(workspace, place.uri, place.extent);
  // A name a template computes cannot be rewritten in place, so it offers no range to rename.
  return { uri: written.uri, range: written.range, nameRange: undefined, extent: extent.uri === written.uri ? extent.range : written.range };
}
