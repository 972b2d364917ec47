import type { SourceSpan } from '../helm/go/origin';
import type { Finding, Range, RelatedLocation } from '../types';
import type { RenderedOutput, Workspace } from '../workspace/workspace';
import { templateUriOf } from './chart-uris';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Moves the findings made on a template's rendered output onto the template: each finding goes
 * to the line that wrote the output it is about, related locations in other rendered outputs go
 * to their templates, and the helper lines and values keys on the way are added as related
 * locations. Messages stay as the rules wrote them. Fixes are dropped: they would edit the
 * output, which is not a file anyone can change.
 */
export function relocateFindings(workspace: Workspace, output: RenderedOutput, findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => {
    const { fix: _dropped, ...kept } = finding;
    const written = writtenAt(output, finding.range);
    const own = written?.primary.uri === output.templateUri ? rangeIn(workspace, written.primary) : undefined;
    const related: RelatedLocation[] = [];
    // Written somewhere the template's lines cannot show (another file's text): point there instead.
    if (written && !own) pushSpan(workspace, related, written.primary, 'written here');
    for (const location of finding.related ?? []) related.push(relocateLocation(workspace, location));
    for (const extra of written?.related ?? []) pushSpan(workspace, related, extra.span, extra.message);
    return { ...kept, range: own ?? FILE_START, ...(related.length > 0 ? { related } : {}) };
  });
}

function writtenAt(output: RenderedOutput, range: Range) {
  return output.origins.writtenAt(output.file.offsetAt(range.start), output.file.offsetAt(range.end));
}

/** A related location in a rendered output, moved to the template line that wrote it. */
function relocateLocation(workspace: Workspace, location: RelatedLocation): RelatedLocation {
  return { ...location, ...sourceLocationOf(workspace, location.uri, location.range) };
}

/**
 * Where a range of a file was written: in a rendered output, the template line that wrote it (or
 * the template's start when no line did); in any other file, the range itself.
 */
export function sourceLocationOf(workspace: Workspace, uri: string, range: Range): { uri: string; range: Range } {
  const templateUri = templateUriOf(uri);
  if (templateUri === uri) return { uri, range };
  const output = workspace.renderedOutputOf(templateUri);
  const written = output && writtenAt(output, range);
  const found = written && rangeIn(workspace, written.primary);
  return found ? { uri: written.primary.uri, range: found } : { uri: templateUri, range: FILE_START };
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
