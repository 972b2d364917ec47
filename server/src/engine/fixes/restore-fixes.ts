import { isScalar } from 'yaml';
import type { PathSegment } from '../document/yaml-nodes';
import { ownMapAt, ownNodeAt, resourceOf, type FixContext } from './fix-context';
import type { Fix } from './types';
import { FileEditor, ownPair, removePair } from './yaml-edits';

/**
 * Puts back the committed value of a field the API server will not let change: its committed
 * text, or, where the committed version left the field out, no field at all.
 */
export function restoreFixes(context: FixContext): Fix[] {
  const path = pathOf(context.finding.fix?.path);
  const committed = context.finding.fix?.committed;
  const resource = resourceOf(context);
  const key = path?.[path.length - 1];
  if (!path || !resource || typeof key !== 'string') return [];
  const parent = ownMapAt(resource, path.slice(0, -1));
  const pair = parent && ownPair(parent, key);
  const node = ownNodeAt(resource, path);
  if (!parent || !pair || !isScalar(node) || !node.range) return [];
  const [start, end] = node.range;
  const restore =
    typeof committed === 'string' && !committed.includes('\n')
      ? { title: `Restore the committed value ${committed}`, edit: (editor: FileEditor) => (editor.replace(start, end, committed), true) }
      : context.finding.fix?.remove === true
        ? { title: `Remove ${key}, as in the committed version`, edit: (editor: FileEditor) => removePair(editor, parent, pair) }
        : undefined;
  if (!restore) return [];
  return [
    {
      id: 'restore-committed',
      title: restore.title,
      preferred: true,
      safe: false,
      findings: [context.finding],
      change: () => {
        const editor = new FileEditor(context.file.uri, context.file.text);
        return restore.edit(editor) && editor.edits.length > 0 ? { creates: [], edits: editor.edits } : undefined;
      },
    },
  ];
}

function pathOf(value: unknown): PathSegment[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((segment) => typeof segment === 'string' || (Number.isInteger(segment) && segment >= 0)) ? (value as PathSegment[]) : undefined;
}
