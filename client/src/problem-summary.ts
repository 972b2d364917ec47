/** What the status bar item says about the Kube Stateful problems of the active file. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A StatefulSet in the text: a `kind: StatefulSet` line, at the top level or in a List. */
export function mentionsStatefulSet(text: string): boolean {
  return /^[ \t-]*kind:[ \t]*(["']?)StatefulSet\1[ \t]*(#.*)?$/m.test(text);
}

export function statusText({ errors, warnings, infos }: ProblemCounts): string {
  const total = errors + warnings + infos;
  return total === 0 ? '$(database) No problems' : `$(database) ${total} ${total === 1 ? 'problem' : 'problems'}`;
}

export function statusTooltip({ errors, warnings, infos }: ProblemCounts): string {
  const count = (n: number, word: string) => `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;
  const found =
    errors + warnings + infos === 0
      ? 'no problem'
      : `${count(errors, 'error')}, ${count(warnings, 'warning')} and ${count(infos, 'note')}`;
  return `Kube Stateful found ${found} in this file. Click to open the Problems panel.`;
}

/** What the item says while the server indexes the workspace: `indexing 3,200 / 20,000`. */
export function indexingText(indexed: number, total: number): string {
  return `$(sync~spin) indexing ${indexed.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`;
}

export function indexingTooltip(indexed: number, total: number): string {
  return `Kube Stateful is indexing the workspace: ${indexed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} YAML files read. Checks across files are complete when it is done.`;
}
