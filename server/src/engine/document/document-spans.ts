/**
 * Column-0 `---` and `...` lines. In YAML a `---` line starts a document and a `...` line ends
 * one, and both end the document before them even inside a block scalar: so the text between
 * them parses the same alone as within the whole file.
 */
const DOCUMENT_MARKER = /^(---|\.\.\.)(?=[ \t]|\r?$)/gm;

/** A directive (`%YAML`, `%TAG`) applies to the document after it, so its file is not split. */
const DIRECTIVE = /^%/m;

/**
 * The spans of a file's YAML documents, in order and covering the whole text: each starts at
 * its `---` line, or where the previous one's `...` line ends, and runs to the next span. A
 * file with directives is one span.
 */
export function documentSpans(text: string): [number, number][] {
  if (DIRECTIVE.test(text)) return [[0, text.length]];
  const starts = [0];
  DOCUMENT_MARKER.lastIndex = 0;
  for (let match = DOCUMENT_MARKER.exec(text); match; match = DOCUMENT_MARKER.exec(text)) {
    if (match[1] === '---') {
      starts.push(match.index);
      continue;
    }
    const lineEnd = text.indexOf('\n', match.index);
    starts.push(lineEnd < 0 ? text.length : lineEnd + 1);
  }
  starts.push(text.length);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    if (starts[i + 1] > starts[i]) spans.push([starts[i], starts[i + 1]]);
  }
  return spans.length > 0 ? spans : [[0, 0]];
}

/** The span of the document holding `offset`; the end of the text belongs to the last one. */
export function documentSpanAt(text: string, offset: number): [number, number] {
  const spans = documentSpans(text);
  return spans.find(([, end]) => offset < end) ?? spans[spans.length - 1];
}
