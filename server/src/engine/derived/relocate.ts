import type { SourceSpan } from '../helm/go/origin';
import type { WrittenAt } from './origin-map';
import type { Finding, Range, RelatedLocation } from '../types';
import type { DerivedOutput, Workspace } from '../workspace/workspace';
import { templateUriOf } from './chart-uris';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A finding moved off a derived output, and the file it now belongs to. */
export interface PlacedFinding {
  readonly uri: string;
  readonly finding: Finding;
}

/**
 * Moves the findings made on a template's rendered output onto the template: each finding goes
 * to the line that wrote the output it is about, related locations in other rendered outputs go
 * to their templates, and the helper lines and values keys on the way are added as related
 * locations. Messages stay as the rules wrote them. Fixes are dropped: they would edit the
 * output, which is not a file anyone can change.
 */
export function relocateFindings(workspace: Workspace, output: DerivedOutput, findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => relocate(workspace, output, finding, () => output.templateUri).finding);
}

/**
 * Moves the findings made on a kustomization's built output to the files the values at fault
 * came from (a base, a patch, the kustomization line of a transformer); what no file the
 * workspace holds wrote stays on the kustomization.
 */
export function placeFindings(workspace: Workspace, output: DerivedOutput, findings: readonly Finding[], patchFiles: ReadonlySet<string>): PlacedFinding[] {
  const ownerOf = (written: WrittenAt | undefined) => (written && rangeIn(workspace, written.primary) ? written.primary.uri : output.templateUri);
  return findings.map((finding) => relocate(workspace, output, finding, ownerOf, () => patchedWithin(output, finding.range, patchFiles)));
}

/**
 * A finding on a key whose value a patch changed belongs to the patch: the base wrote the key,
 * but the patched value is what is at fault (`labels:` of a base, `app: v2` of a patch).
 */
function patchedWithin(output: DerivedOutput, range: Range, patchFiles: ReadonlySet<string>): WrittenAt | undefined {
  const written = writtenAt(output, range);
  if (!written || patchFiles.has(written.primary.uri) || patchFiles.size === 0) return written;
  const { text } = output.file;
  const start = output.file.offsetAt(range.start);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = indentAt(text, lineStart);
  let end = text.indexOf('\n', start);
  while (end >= 0 && end + 1 < text.length && indentAt(text, end + 1) > indent) end = text.indexOf('\n', end + 1);
  const patched = output.origins.originsIn(start, end < 0 ? text.length : end).find((origin) => patchFiles.has(origin.span.uri));
  return patched ? output.origins.writtenAt(...offsetsOf(output, patched.span)) : written;
}

function offsetsOf(output: DerivedOutput, span: SourceSpan): [number, number] {
  const stretch = output.origins.stretchesWrittenBy(span.uri, span.start)[0];
  return stretch ? [stretch.start, stretch.end] : [0, 0];
}

function indentAt(text: string, lineStart: number): number {
  let at = lineStart;
  while (text[at] === ' ') at++;
  return text[at] === '\n' ? Infinity : at - lineStart;
}

function relocate(
  workspace: Workspace,
  output: DerivedOutput,
  finding: Finding,
  ownerOf: (written: WrittenAt | undefined) => string,
  where: () => WrittenAt | undefined = () => writtenAt(output, finding.range),
): PlacedFinding {
  const { fix: _dropped, ...kept } = finding;
  const written = where();
  const uri = ownerOf(written);
  const own = written?.primary.uri === uri ? rangeIn(workspace, written.primary) : undefined;
  const related: RelatedLocation[] = [];
  // Written somewhere the owner's lines cannot show (another file's text): point there instead.
  if (written && !own) pushSpan(workspace, related, written.primary, 'written here');
  for (const location of finding.related ?? []) related.push(relocateLocation(workspace, location));
  for (const extra of written?.related ?? []) pushSpan(workspace, related, extra.span, extra.message);
  return { uri, finding: { ...kept, range: own ?? FILE_START, ...(related.length > 0 ? { related } : {}) } };
}

function writtenAt(output: DerivedOutput, range: Range) {
  return output.origins.writtenAt(output.file.offsetAt(range.start), output.file.offsetAt(range.end));
}

/** A related location in a rendered or built output, moved to the source line that wrote it. */
function relocateLocation(workspace: Workspace, location: RelatedLocation): RelatedLocation {
  return { ...location, ...sourceLocationOf(workspace, location.uri, location.range) };
}

/**
 * Where a range of a file was written: in a rendered or built output, the source line that wrote
 * it (or the template's or kustomization's start when no line did); in any other file, the range itself.
 */
export function sourceLocationOf(workspace: Workspace, uri: string, range: Range): { uri: string; range: Range } {
  const sourceUri = templateUriOf(uri);
  if (sourceUri === uri) return { uri, range };
  const output = workspace.renderedOutputOf(sourceUri) ?? workspace.builtOutputOf(sourceUri);
  const written = output && writtenAt(output, range);
  const found = written && rangeIn(workspace, written.primary);
  return found ? { uri: written.primary.uri, range: found } : { uri: sourceUri, range: FILE_START };
}

function pushSpan(workspace: Workspace, related: RelatedLocation[], span: SourceSpan, message: string): void {
  const range = rangeIn(workspace, span);
  // A file the workspace was not given has no line index: the location cannot be shown.
  if (range) related.push({ uri: span.uri, range, message });
}

function rangeIn(workspace: Workspace, span: SourceSpan): Range | undefined {
  const file = workspace.get(span.uri);
  return file && file.skipped?.kind !== 'too-large' ? file.rangeOf(span.start, span.end) : undefined;
}
