import { nameSuggestsCredential } from '../kubernetes/credentials';
import { actionAt, extentOf, type ActionAt } from '../helm/template/node-at';
import type { SourceFile } from '../document/source-file';
import type { Position } from '../types';
import type { RenderedOutput, Workspace } from '../workspace/workspace';
import type { HoverAnswer } from './answer';
import { code, plural, sections } from './markdown';
import { shownOutput } from './shown-output';

/** Different outputs of one action (in a loop, or a helper called with other data) shown before the rest are only counted. */
const DISTINCT_SHOWN = 3;

/** The hover of a position of a rendered output: the manifest hovers, which know nothing of templates. */
export type RenderedHover = (rendered: SourceFile, position: Position) => HoverAnswer | undefined;

/**
 * The hover of a chart template or helper, from the chart's last render. On an action: what it
 * wrote there, or which branch its `if`, `with` or `range` took. On literal text: the hover of
 * the rendered manifest at the place the text was copied to, so that `partition:` or
 * `serviceName:` explain themselves as in a plain manifest. Nothing before the chart rendered the
 * template's current text.
 */
export function chartTemplateHover(workspace: Workspace, file: SourceFile, position: Position, renderedHover: RenderedHover): HoverAnswer | undefined {
  const outputs = ownFirst(workspace.chartOutputsOf(file.uri), file.uri);
  if (outputs.length === 0 || !workspace.renderIsCurrent(file.uri)) return undefined;
  const offset = file.offsetAt(position);
  const action = actionAt(file.uri, file.text, offset);
  if (action) return { range: file.rangeOf(action.span.start, action.span.end), markdown: actionMarkdown(file, action, offset, outputs) };
  return literalHover(file, offset, outputs[0], renderedHover);
}

function actionMarkdown(file: SourceFile, action: ActionAt, offset: number, outputs: readonly RenderedOutput[]): string {
  if (action.kind === 'branch') return branchMarkdown(file, action.node, outputs);
  const hideAll = readsCredential(file.text.slice(action.span.start, action.span.end));
  const renders = new Map<string, Map<string, number>>();
  for (const output of outputs) {
    for (const stretch of output.origins.stretchesWrittenBy(file.uri, offset)) {
      const text = shownOutput(output, stretch, hideAll);
      const templates = renders.get(text) ?? new Map<string, number>();
      templates.set(output.templateUri, (templates.get(output.templateUri) ?? 0) + 1);
      renders.set(text, templates);
    }
  }
  if (renders.size === 0) return '**Renders nothing** in the current render: the value is empty, or the branch around it was not taken.';
  const shown = [...renders].slice(0, DISTINCT_SHOWN).map(([text, templates]) => `**Renders to**${placesOf(templates, file.uri)}

${fenced(text)}`);
  const rest = renders.size - shown.length;
  return sections([...shown, rest > 0 ? `… and ${plural(rest, 'other output')}.` : undefined]) ?? '';
}

/** Where an output was written, when that is not just once in the file being hovered. */
function placesOf(templates: ReadonlyMap<string, number>, uri: string): string {
  if (templates.size === 1 && templates.get(uri) === 1) return '';
  const places = [...templates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([template, count]) => {
    const name = template === uri ? 'here' : `in ${code(chartPathOf(template, uri))}`;
    return count > 1 ? `${name} (${count} times)` : name;
  });
  return ` ${places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}`}`;
}

function branchMarkdown(file: SourceFile, node: Extract<ActionAt, { kind: 'branch' }>['node'], outputs: readonly RenderedOutput[]): string {
  const writes = (nodes: Parameters<typeof extentOf>[0]) => {
    const extent = extentOf(nodes);
    return extent !== undefined && outputs.some((output) => output.origins.writesWithin(file.uri, extent.start, extent.end));
  };
  const keyword = code(node.kind);
  if (writes(node.list)) return node.kind === 'range' ? `**The loop body renders** in the current render.` : `**The ${keyword} branch renders** in the current render.`;
  if (writes(node.elseList)) return `**The ${code('else')} branch renders** in the current render.`;
  return node.kind === 'range'
    ? '**The loop body renders nothing** in the current render: the list is empty, or the loop was not reached.'
    : '**Neither branch renders anything** in the current render.';
}

/** The manifest hover at the place literal template text was copied to, moved back onto the template. */
function literalHover(file: SourceFile, offset: number, output: RenderedOutput, renderedHover: RenderedHover): HoverAnswer | undefined {
  if (output.templateUri !== file.uri) return undefined;
  const at = output.origins.outputOffsetOf(file.uri, offset);
  if (at === undefined) return undefined;
  const answer = renderedHover(output.file, output.file.positionAt(at));
  if (!answer) return undefined;
  const written = output.origins.writtenAt(output.file.offsetAt(answer.range.start), output.file.offsetAt(answer.range.end));
  const range = written?.primary.uri === file.uri ? file.rangeOf(written.primary.start, written.primary.end) : file.rangeOf(offset, offset);
  return { range, markdown: answer.markdown };
}

/** Whether an action reads a field named like a credential, such as `.Values.auth.password`. */
function readsCredential(actionText: string): boolean {
  for (const [chain] of actionText.matchAll(/(?<![\w"])\$?\w*(?:\.[A-Za-z_]\w*)+/g)) {
    if (nameSuggestsCredential(chain.slice(chain.lastIndexOf('.') + 1))) return true;
  }
  return false;
}

function ownFirst(outputs: RenderedOutput[], uri: string): RenderedOutput[] {
  return [...outputs.filter((output) => output.templateUri === uri), ...outputs.filter((output) => output.templateUri !== uri)];
}

/** A template's path from the chart folder of `near`: `templates/statefulset.yaml`. */
function chartPathOf(templateUri: string, near: string): string {
  const templates = near.lastIndexOf('/templates/');
  const root = templates >= 0 ? near.slice(0, templates + 1) : '';
  return decodeURIComponent(templateUri.startsWith(root) ? templateUri.slice(root.length) : templateUri);
}

function fenced(text: string): string {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}yaml\n${text}\n${fence}`;
}
