import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jsonSchema } from '../../../server/src/engine/schema/json-schema';
import { JSON_SCHEMA_REQUEST } from '../../../server/src/lsp/json-schema-request';
import { TestClient } from '../../helpers/lsp-client';

describe('language server over stdio: kubeStateful/jsonSchema', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });

  after(() => client.shutdown());

  it('answers with the JSON Schema the engine builds, the one `kube-stateful schema` prints', async () => {
    const answer = await client.connection.sendRequest(JSON_SCHEMA_REQUEST);
    assert.deepEqual(answer, JSON.parse(JSON.stringify(jsonSchema())));
  });
});
