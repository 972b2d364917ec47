import path from 'node:path';
import {
  CompletionItemKind,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type Disposable,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { valuesCompletion } from '../engine/helm/authoring/values-completion';
import { readValues } from '../engine/helm/values/read-values';
import type { Feature, ServerContext } from './feature';
import { chartOfTemplate, readText } from './helm-chart-files';

type CompletionHandler = Parameters<Connection['onCompletion']>[0];

/**
 * Completion of values keys after `.Values.` in chart templates, in front of the server's YAML
 * completion: a connection takes one completion handler, so this feature wraps the other's and
 * answers first when the cursor follows a values path. A typed `.` opens only this list.
 */
class HelmValuesCompletion implements Feature {
  private failed = false;

  constructor(private readonly inner: Feature) {}

  capabilities(client: ClientCapabilities): ServerCapabilities {
    const capabilities = this.inner.capabilities(client);
    const triggers = capabilities.completionProvider?.triggerCharacters ?? [];
    return { ...capabilities, completionProvider: { ...capabilities.completionProvider, triggerCharacters: [...new Set([...triggers, '.'])] } };
  }

  register(context: ServerContext): void {
    let innerHandler: CompletionHandler | undefined;
    const connection = context.connection;
    const intercepted = new Proxy(connection, {
      get(target, property) {
        if (property === 'onCompletion') {
          return (handler: CompletionHandler): Disposable => {
            innerHandler = handler;
            return { dispose: () => (innerHandler = undefined) };
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    this.inner.register({ ...context, connection: intercepted });
    connection.onCompletion((params, token, progress, results) => {
      const items = this.complete(context, params);
      if (items) return items;
      // A `.` typed anywhere else is part of a name or a number, not a reason to open a list.
      if (params.context?.triggerCharacter === '.') return [];
      return innerHandler ? innerHandler(params, token, progress, results) : [];
    });
  }

  /** The values keys at the cursor, or undefined when it does not follow `.Values.` in a chart template. */
  private complete(context: ServerContext, params: CompletionParams): CompletionItem[] | undefined {
    try {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return undefined;
      const chart = chartOfTemplate(context, params.textDocument.uri);
      if (!chart) return undefined;
      const valuesFile = path.join(chart.root, 'values.yaml');
      const valuesText = readText(context, valuesFile);
      if (valuesText === undefined) return undefined;
      const valuesUri = URI.file(valuesFile).toString();
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
    } catch (error) {
      if (!this.failed) context.connection.console.error(`Helm values completion failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.failed = true;
      return undefined;
    }
  }
}

/** Wraps the server's completion feature with values completion in chart templates. */
export function withHelmValuesCompletion(inner: Feature): Feature {
  return new HelmValuesCompletion(inner);
}
