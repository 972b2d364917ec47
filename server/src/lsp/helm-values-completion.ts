import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import { valuesCompletion } from '../engine/helm/authoring/values-completion';
import { readValues } from '../engine/helm/values/read-values';
import { uriIn } from '../files/workspace-files';
import type { ServerContext } from './feature';
import { chartOfTemplate, readText } from './helm-chart-files';

/**
 * The values keys at the cursor when it follows `.Values.` (or `.Values.a.`) in a chart
 * template, with the values they hold in values.yaml; undefined anywhere else.
 */
export function helmValuesCompletion(context: ServerContext, params: CompletionParams): CompletionItem[] | undefined {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const chart = chartOfTemplate(context, params.textDocument.uri);
  if (!chart) return undefined;
  const valuesUri = uriIn(chart.root, 'values.yaml');
  const valuesText = readText(context, valuesUri);
  if (valuesText === undefined) return undefined;
  const { values } = readValues(valuesUri, valuesText);
  const found = valuesCompletion(document.getText(), document.offsetAt(params.position), values, valuesText);
  if (!found) return undefined;
  const range = { start: document.positionAt(found.replaceStart), end: document.positionAt(found.replaceEnd) };
  return found.items.map((item, index) => ({
    label: item.key,
    kind: item.kind === 'map' ? CompletionItemKind.Module : item.kind === 'list' ? CompletionItemKind.Enum : CompletionItemKind.Value,
    detail: item.detail,
    documentation: `.Values.${[...found.path, item.key].join('.')} in values.yaml`,
    sortText: String(index).padStart(5, '0'),
    textEdit: { range, newText: item.key },
  }));
}
