import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { fixtureUri, workspaceOf } from '../../../helpers/rule-tester';

const DIR = 'kustomize/overlays/prod';
const FILES = [`${DIR}/kustomization.yaml`, `${DIR}/statefulset-patch.yaml`, `${DIR}/resources-patch.yaml`, `${DIR}/not-a-patch.yaml`];

const ruleIds = (workspace: ReturnType<typeof workspaceOf>, file: string) =>
  [...new Set(analyze(workspace, fixtureUri(file)).map((finding) => finding.ruleId))].sort();

describe('kustomize patches', () => {
  it('reports nothing a patch leaves to its base', () => {
    assert.deepEqual(ruleIds(workspaceOf(FILES), `${DIR}/statefulset-patch.yaml`), []);
  });

  it('still checks the values a patch sets', () => {
    assert.deepEqual(ruleIds(workspaceOf(FILES), `${DIR}/resources-patch.yaml`), ['service-name-invalid']);
  });

  it('checks in full a file that no kustomization lists', () => {
    assert.deepEqual(ruleIds(workspaceOf(FILES), `${DIR}/not-a-patch.yaml`), [
      'containers-missing',
      'required-field-missing',
      'service-name-missing',
    ]);
  });

  it('checks a patch in full once its kustomization is gone, and says which files changed', () => {
    const workspace = workspaceOf(FILES);
    const affected = workspace.delete(fixtureUri(`${DIR}/kustomization.yaml`));
    assert.deepEqual(affected.sort(), [fixtureUri(`${DIR}/resources-patch.yaml`), fixtureUri(`${DIR}/statefulset-patch.yaml`)]);
    assert.deepEqual(ruleIds(workspace, `${DIR}/statefulset-patch.yaml`), [
      'anti-affinity-missing',
      'containers-missing',
      'pdb-missing',
      'required-field-missing',
      'service-name-missing',
    ]);
  });
});
