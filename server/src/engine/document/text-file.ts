import type { Position, Range } from '../types';

/**
 * What documents and objects need of the file they were parsed from: its name, its text and
 * its line index. `SourceFile` is the one implementation; the narrow view keeps the objects
 * free of the file's own parsing.
 */
export interface TextFile {
  readonly uri: string;
  readonly text: string;
  rangeOf(start: number, end: number): Range;
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}
