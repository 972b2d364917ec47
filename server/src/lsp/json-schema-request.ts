import type { ServerCapabilities } from 'vscode-languageserver';
import { jsonSchema, type JsonSchema } from '../engine/schema/json-schema';
import type { Feature, ServerContext } from './feature';

/** Answers with the JSON Schema of the kinds the server checks; the VS Code command saves it. */
export const JSON_SCHEMA_REQUEST = 'kubeStateful/jsonSchema';

export const jsonSchemaRequest: Feature = {
  capabilities(): ServerCapabilities {
    return {};
  },

  register(context: ServerContext): void {
    // The field table is fixed for the life of the server, so the schema is built once, on demand.
    let schema: JsonSchema | undefined;
    context.connection.onRequest(JSON_SCHEMA_REQUEST, () => (schema ??= jsonSchema()));
  },
};
