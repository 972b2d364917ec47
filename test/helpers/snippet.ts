/**
 * Expands a VS Code snippet body as accepting it without typing would: each tabstop takes its
 * placeholder (the first one given for a number wins everywhere it is mirrored), a choice its
 * first option, and bare tabstops become empty.
 */
export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  for (const [, index, value] of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(index)) defaults.set(index, value);
  for (const [, index, options] of text.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) {
    if (!defaults.has(index)) defaults.set(index, options.split(',')[0]);
  }
  return text
    .replace(/\$\{(\d+):[^}]*\}/g, (_, index: string) => defaults.get(index) ?? '')
    .replace(/\$\{(\d+)\|[^|]*\|\}/g, (_, index: string) => defaults.get(index) ?? '')
    .replace(/\$\{?(\d+)\}?/g, (_, index: string) => defaults.get(index) ?? '');
}
