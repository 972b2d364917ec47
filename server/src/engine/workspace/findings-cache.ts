import type { ParsedDocument } from '../document/parsed-document';
import type { Resource } from '../document/resource';
import type { SourceFile } from '../document/source-file';
import type { Finding, Range } from '../types';

/** A line of some document, kept as an offset from the document's first line so that it moves with it. */
interface Anchor {
  document: ParsedDocument;
  startLine: number;
}

interface Entry {
  findings: Finding[];
  /** The document of each finding, then of each of its related locations, in order. */
  anchors: Anchor[];
}

/**
 * The findings of the per-object rules for each object, kept until something they depend on
 * changes: its own document (a new object), the objects it reads (the workspace drops the
 * entry), or the settings (everything is dropped). When an edit only moves documents up or down
 * their files, the findings and their related locations move with them.
 */
export class FindingsCache {
  private entries = new WeakMap<Resource, Entry>();

  constructor(private readonly currentFile: (uri: string) => SourceFile | undefined) {}

  /** The findings stored for the object, at their current positions; undefined when they must be made again. */
  get(resource: Resource): Finding[] | undefined {
    const entry = this.entries.get(resource);
    if (!entry) return undefined;
    const shifts: number[] = [];
    for (const { document, startLine } of entry.anchors) {
      // A document no longer in its file's current version: what the findings quote is gone.
      if (this.currentFile(document.file.uri) !== document.file) return undefined;
      shifts.push(document.startLine - startLine);
    }
    if (shifts.every((shift) => shift === 0)) return entry.findings;
    let next = 0;
    return entry.findings.map((finding) => {
      const range = moved(finding.range, shifts[next++]);
      const related = finding.related?.map((location) => ({ ...location, range: moved(location.range, shifts[next++]) }));
      return { ...finding, range, ...(related ? { related } : {}) };
    });
  }

  /** Stores the findings made for an object of `document`; not when a related location lies outside every known document. */
  set(resource: Resource, document: ParsedDocument, findings: Finding[]): void {
    const anchors: Anchor[] = [];
    for (const finding of findings) {
      anchors.push({ document, startLine: document.startLine });
      for (const location of finding.related ?? []) {
        const holder = this.currentFile(location.uri)?.documentAtLine(location.range.start.line);
        if (!holder) return;
        anchors.push({ document: holder, startLine: holder.startLine });
      }
    }
    this.entries.set(resource, { findings, anchors });
  }

  forget(resource: Resource): void {
    this.entries.delete(resource);
  }

  clear(): void {
    this.entries = new WeakMap();
  }
}

function moved(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
