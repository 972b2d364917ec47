/** Markdown pieces for hovers and completion documentation, as VS Code's hover widget renders them. */

/** Names shown before a list is cut short with "… and N more". */
export const NAMES_SHOWN = 5;

/** Inline code, with a longer fence when the text holds backticks. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Prose from the Kubernetes API descriptions, made safe for Markdown: `<name>` would be taken
 * for an HTML tag and dropped, `*` and `_` for emphasis, a leading `#` for a heading. Code spans
 * and URLs are kept as they are, and lines that start a list stay list items.
 */
export function prose(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .map((line) => {
      const item = /^[*-]\s+(.*)$/.exec(line);
      return item ? `- ${escapeProse(item[1])}` : escapeProse(line).replace(/^#/, '\\#');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Escapes emphasis and HTML outside code spans and URLs, which Markdown leaves alone or links. */
function escapeProse(line: string): string {
  return line
    .split(/(`[^`]*`|https?:\/\/[^\s<>]*[^\s<>.,;:)])/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/([\\*_<>])/g, '\\$1')))
    .join('');
}

/**
 * `a`, `b` and `c`; past `shown` names, the first ones and "… and N more". Names are made on
 * demand, so that a StatefulSet of a thousand replicas costs no more than one of five.
 */
export function nameList(count: number, nameAt: (index: number) => string, shown = NAMES_SHOWN): string {
  if (count <= 0) return '';
  const visible = Math.min(count, shown);
  const names = Array.from({ length: visible }, (_, index) => code(nameAt(index)));
  if (count > visible) return `${names.join(', ')} … and ${count - visible} more`;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `1 pod`, `3 pods`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** `45 s`, `2 min 30 s`, `1 h 5 min`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours > 0 ? `${hours} h` : '', minutes > 0 ? `${minutes} min` : '', rest > 0 && hours === 0 ? `${rest} s` : ''];
  return parts.filter((part) => part !== '').join(' ');
}

/** How a hover or completion names the file of an object: its base name, or "this file". */
export function fileLabel(uri: string, current?: string): string {
  return uri === current ? 'this file' : code(decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)));
}

/** Sections of a hover, separated by a rule. */
export function sections(parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part.trim() !== '');
  return present.length > 0 ? present.join('\n\n---\n\n') : undefined;
}
