import type { DocumentEdit } from './lsp-session';

const REPLICAS = /^ {2}replicas: (\d+)$/;

/**
 * The edit a person makes while tuning a StatefulSet: its `replicas` number, raised by one on
 * each edit so that no edit gives a text the server has seen before (and may have cached). It
 * is the StatefulSet in the middle of the file, where a server that re-reads everything has
 * work on both sides.
 */
export class ReplicasEdit {
  private readonly lines: string[];
  private readonly line: number;
  private replicas: number;

  constructor(text: string) {
    this.lines = text.split('\n');
    const candidates = this.lines.flatMap((line, index) => (REPLICAS.test(line) ? [index] : []));
    if (candidates.length === 0) throw new Error('The document has no StatefulSet replicas line to edit.');
    this.line = candidates[Math.floor(candidates.length / 2)];
    this.replicas = Number(REPLICAS.exec(this.lines[this.line])![1]);
  }

  next(): DocumentEdit {
    const start = '  replicas: '.length;
    const replaced = String(this.replicas);
    this.replicas += 1;
    this.lines[this.line] = `  replicas: ${this.replicas}`;
    return {
      range: { start: { line: this.line, character: start }, end: { line: this.line, character: start + replaced.length } },
      text: String(this.replicas),
      document: this.lines.join('\n'),
    };
  }
}
