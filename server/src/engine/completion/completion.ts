import { textOf } from '../document/resource';
import { schemaAt } from '../schema/field-at-path';
import { rootTypeOf } from '../schema/field-table';
import type { SourceFile } from '../document/source-file';
import type { Position } from '../types';
import type { Workspace } from '../workspace/workspace';
import { cursorContext } from './cursor';
import { fieldEntries } from './field-items';
import { headerEntries } from './manifest-header';
import type { CompletionEntry } from './types';
import { valueEntries } from './value-items';

export interface CompletionOptions {
  /** Suggest the fields valid at the cursor (`kubeStateful.completion.fields`). */
  fields: boolean;
  /** Suggest values only, as when the list opens on a typed space rather than on request. */
  valuesOnly: boolean;
}

/**
 * Completions at a position, also while the YAML around it is half-typed: field names for
 * the mapping at the cursor, and values for the field whose value is being typed. Only the
 * text is read, and only the document holding the cursor is parsed, so the file need not be
 * parsed again after each keystroke.
 */
export function completionsAt(
  workspace: Workspace,
  file: Pick<SourceFile, 'text' | 'skipped'>,
  position: Position,
  options: CompletionOptions,
): CompletionEntry[] {
  if (file.skipped) return [];
  const context = cursorContext(file.text, position);
  if (!context) return [];
  const apiVersion = textOf(context.object.apiVersion);
  const kind = textOf(context.object.kind);
  const rootType = apiVersion !== undefined && kind !== undefined ? rootTypeOf(apiVersion, kind) : undefined;
  if (!rootType) return options.valuesOnly && context.role === 'key' ? [] : headerEntries(context, apiVersion, kind, options.fields);
  const target = schemaAt(rootType, context.path);
  if (!target) return [];
  if (context.role === 'value') return valueEntries(workspace, context, target);
  // A word typed after `- ` in a list of words is an item value, not a key.
  if (context.afterDash && target.within === 'item' && target.shape.type !== 'object') {
    return valueEntries(workspace, { ...context, role: 'value' }, target);
  }
  if (options.valuesOnly || !options.fields || target.shape.type !== 'object') return [];
  return fieldEntries(context, target.shape.ref, workspace.settings.kubernetesVersion, context.path.length === 0);
}
