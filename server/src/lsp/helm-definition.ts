import type { DefinitionParams, Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findDefinition } from '../engine/helm/authoring/definitions';
import { readValues } from '../engine/helm/values/read-values';
import { uriIn } from '../files/workspace-files';
import type { ServerContext } from './feature';
import { chartOfTemplate, chartTemplates, readText } from './helm-chart-files';

/**
 * Go to definition in chart templates: a `.Values` path to its key in values.yaml,
 * `include "x"`/`template "x"` to `define "x"`. Null for a file that is no chart template.
 */
export function helmDefinitions(context: ServerContext, params: DefinitionParams): Location[] | null {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return null;
  const chart = chartOfTemplate(context, params.textDocument.uri);
  if (!chart) return null;
  const valuesUri = uriIn(chart.root, 'values.yaml');
  const valuesText = readText(context, valuesUri);
  const valuesFiles = valuesText === undefined ? [] : [{ values: readValues(valuesUri, valuesText).values, text: valuesText }];
  const templates = chartTemplates(context, chart);
  const found = findDefinition(document.getText(), document.offsetAt(params.position), valuesFiles, templates);
  if (!found) return null;
  const texts = new Map<string, string>([[valuesUri, valuesText ?? ''], ...templates.map((template) => [template.uri, template.text] as [string, string])]);
  return found.targets.map((target) => {
    const lines = TextDocument.create(target.uri, 'yaml', 0, texts.get(target.uri) ?? '');
    return { uri: target.uri, range: { start: lines.positionAt(target.start), end: lines.positionAt(target.end) } };
  });
}
