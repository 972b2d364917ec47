import { isScalar } from 'yaml';
import { credentialEvidence, nameSuggestsCredential } from '../credentials';
import type { OutputStretch } from '../derived/origin-map';
import { locate } from '../locate';
import type { RenderedOutput } from '../workspace';

/** What a hover shows in place of a credential's text. */
export const HIDDEN = '••••••';
/** Lines of one stretch of output a hover shows before cutting it short. */
const LINES_SHOWN = 12;

/**
 * A stretch of rendered output as a hover may show it: a value that is a credential is replaced
 * by {@link HIDDEN}, judged by where it lands (a Secret's data, a key or environment variable
 * named like a credential) or by its own shape; `hideAll` hides every value, for an action
 * that reads a credential. Long output is cut after a few lines.
 */
export function shownOutput(output: RenderedOutput, stretch: OutputStretch, hideAll: boolean): string {
  const text = output.file.text.slice(stretch.start, stretch.end);
  const lines: string[] = [];
  let lineStart = stretch.start;
  for (const line of text.split('\n')) {
    lines.push(shownLine(output, line, lineStart, hideAll));
    lineStart += line.length + 1;
  }
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length <= LINES_SHOWN) return lines.join('\n');
  return [...lines.slice(0, LINES_SHOWN), `# … ${lines.length - LINES_SHOWN} more lines`].join('\n');
}

/** One line of output, with its value hidden when it is a credential. */
function shownLine(output: RenderedOutput, line: string, lineStart: number, hideAll: boolean): string {
  const entry = /^(\s*(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s:#"'][^:#]*?):[ \t]+)(\S.*)$/.exec(line);
  const prefix = entry ? entry[1] : (/^\s*(?:-\s+)?/.exec(line)?.[0] ?? '');
  const value = line.slice(prefix.length);
  if (value.trim() === '') return line;
  if (hideAll || isCredentialAt(output, lineStart + prefix.length, value)) return prefix + HIDDEN;
  return line;
}

/** Whether the rendered value at `offset` is a credential, from the object it lands in. */
function isCredentialAt(output: RenderedOutput, offset: number, value: string): boolean {
  const location = locate(output.file, output.file.positionAt(offset));
  if (!location) return credentialEvidence(undefined, value) !== undefined;
  const { resource, path } = location;
  if (resource.kind === 'Secret' && (path[0] === 'data' || path[0] === 'stringData')) return true;
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  if (keys.some(nameSuggestsCredential)) return true;
  const envName = path.at(-1) === 'value' ? resource.nodeAt([...path.slice(0, -1), 'name']) : undefined;
  const name = isScalar(envName) && typeof envName.value === 'string' ? envName.value : keys.at(-1);
  return credentialEvidence(name, value) !== undefined;
}
