import picomatch from 'picomatch/posix';
import { GoStruct, isString, stringOf, type GoValue } from '../go/values';

/** Turns a map of names to strings into YAML as Helm's `toYaml` would; given by the renderer. */
export type YamlPrinter = (value: GoValue) => string;

/**
 * `.Files`: the chart's files other than templates, subcharts, Chart.yaml and values, with
 * Helm's methods. `Glob` gives another `.Files` over the matching files, so that
 * `(.Files.Glob "conf/*").AsConfig` works.
 */
export function filesObject(files: ReadonlyMap<string, string>, toYaml: YamlPrinter): GoStruct {
  const text = (name: GoValue): string => (isString(name) ? (files.get(stringOf(name)) ?? '') : '');
  const byBaseName = (encode: (content: string) => string): GoValue => {
    const map = new Map<string, GoValue>();
    for (const [path, content] of files) map.set(path.slice(path.lastIndexOf('/') + 1), encode(content));
    return map.size === 0 ? '' : toYaml(map);
  };
  return new GoStruct(
    'files.Files',
    new Map(),
    new Map<string, (...args: GoValue[]) => GoValue>([
      ['Get', (name) => text(name ?? null)],
      ['GetBytes', (name) => text(name ?? null)],
      [
        'Lines',
        (name) => {
          let content = text(name ?? null);
          if (content === '') return [];
          if (content.endsWith('\n')) content = content.slice(0, -1);
          return content.split('\n');
        },
      ],
      [
        'Glob',
        (pattern) => {
          const matcher = globMatcher(isString(pattern ?? null) ? stringOf(pattern as string) : '');
          return filesObject(new Map([...files].filter(([path]) => matcher(path))), toYaml);
        },
      ],
      ['AsConfig', () => byBaseName((content) => content)],
      ['AsSecrets', () => byBaseName(base64)],
    ]),
  );
}

/**
 * gobwas/glob with `/` as separator, which `.Files.Glob` uses: `*` and `?` stay inside one path
 * part, `**` crosses parts, `{a,b}` is a choice, `[!…]` a negated class, and dots are plain
 * characters. picomatch reads `**` as gobwas does at a pattern's start or as a whole part; it
 * differs only where `**` sits inside a part (`a**b`), and where a `**` part between two others
 * matches no part at all, which gobwas does not allow: it keeps both slashes.
 */
const GOBWAS = { dot: true, posix: true, noextglob: true, nonegate: true, strictSlashes: true } as const;

export function globMatcher(pattern: string): (path: string) => boolean {
  // Helm falls back to `**` for a pattern gobwas cannot compile, so every file matches.
  if (!compilesInGobwas(pattern)) return () => true;
  return picomatch(pattern, GOBWAS);
}

/** gobwas refuses a trailing `\` and an unclosed `[` or `{`; picomatch would read those literally. */
function compilesInGobwas(pattern: string): boolean {
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      if (++i === pattern.length) return false;
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (char === '{') braces++;
    else if (char === '}' && braces > 0) braces--;
  }
  return braces === 0;
}

/** Base64 of the UTF-8 bytes, without Node's Buffer, so the engine runs in a browser too. */
function base64(content: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(content)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
