import { Problems, type BuildProblem } from './problems';

interface Entry {
  readonly text: string;
  readonly value: unknown;
  readonly problems: readonly BuildProblem[];
}

/**
 * What a build made of each input file's text, kept between builds so that a rebuild after an
 * edit parses only the files whose text changed. One entry per file and use: an edit replaces
 * it. Callers must not change what they get (they copy a tree before editing it).
 */
export class ParseCache {
  private readonly entries = new Map<string, Entry>();

  /** The value `parse` makes of `text`, reused while `key` has that text; its problems are reported again each time. */
  get<T>(key: string, text: string, problems: Problems, parse: (problems: Problems) => T): T {
    let entry = this.entries.get(key);
    if (!entry || entry.text !== text) {
      const found = new Problems();
      entry = { text, value: parse(found), problems: found.list };
      this.entries.set(key, entry);
    }
    for (const problem of entry.problems) problems.add(problem.uri, [problem.start, problem.end], problem.severity, problem.code, problem.message);
    return entry.value as T;
  }
}
