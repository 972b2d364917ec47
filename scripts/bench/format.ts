// How the results write figures: counts with separators, times, sizes and ratios.
export const count = (value: number): string => value.toLocaleString('en-US');

export function milliseconds(value: number): string {
  if (value >= 100) return `${count(Math.round(value))} ms`;
  return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export const megabytes = (value: number): string => `${value.toFixed(0)} MB`;
export const times = (value: number): string => `${value.toFixed(value >= 10 ? 1 : 2)}×`;

/** A Markdown table. */
export const table = (header: string[], rows: string[][]): string =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

/**
 * The results with `section` (which starts with `heading`) put in place of the one already
 * there, or before the list of every timed run when there is none yet.
 */
export function spliceSection(markdown: string, heading: string, section: string): string {
  const start = markdown.indexOf(heading);
  if (start >= 0) {
    const next = markdown.indexOf('\n## ', start + heading.length);
    return markdown.slice(0, start) + section + (next < 0 ? '\n' : `\n${markdown.slice(next)}`);
  }
  const runs = markdown.indexOf('## Every timed run');
  return runs < 0 ? `${markdown.trimEnd()}\n\n${section}\n` : `${markdown.slice(0, runs)}${section}\n\n${markdown.slice(runs)}`;
}
