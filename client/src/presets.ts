/** A database preset: one snippet of the snippet files the extension contributes. */
export interface Preset {
  name: string;
  prefix: string;
  description: string;
  body: string;
}

interface SnippetEntry {
  prefix?: string | string[];
  description?: string;
  body?: string | string[];
}

/** The snippet files contributed to YAML, in the order package.json lists them. */
export function snippetFiles(packageJson: unknown): string[] {
  const manifest = packageJson as { contributes?: { snippets?: { language?: string; path?: string }[] } } | undefined;
  return (manifest?.contributes?.snippets ?? [])
    .filter((entry) => entry.language === 'yaml' && typeof entry.path === 'string')
    .map((entry) => entry.path!);
}

/** The presets of one snippet file's text; a file that is not a snippet file gives none. */
export function presetsOf(text: string): Preset[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  return Object.entries(parsed as Record<string, SnippetEntry>).flatMap(([name, entry]) => {
    const body = Array.isArray(entry?.body) ? entry.body.join('\n') : entry?.body;
    const prefix = Array.isArray(entry?.prefix) ? entry.prefix[0] : entry?.prefix;
    if (typeof body !== 'string' || typeof prefix !== 'string') return [];
    // The insertion adds the line breaks around a preset; a body's own trailing ones would double them.
    return [{ name, prefix, description: entry.description ?? '', body: body.replace(/\n+$/, '') }];
  });
}
