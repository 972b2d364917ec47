import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { configFrom } from '../../../../server/src/engine/config';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { applyFix, fixesOf, fixtureFiles, fixTitled, type FixSession } from '../../../helpers/fix-tester';
import { committedFixture } from '../../../helpers/rule-tester';

const DIR = 'rules/immutable-field-changed';

/** A session on an edited file whose committed version is another fixture. */
function sessionAgainst(edited: string, committed: string): FixSession {
  const files = fixtureFiles([`${DIR}/${edited}.yaml`]);
  const [uri, text] = [...files][0];
  const workspace = new Workspace(configFrom(undefined));
  workspace.set(uri, text);
  workspace.setBase(uri, committedFixture(`${DIR}/${committed}.yaml`));
  return { files, uri, workspace, findings: analyze(workspace, uri) };
}

it('restores the committed storage size, and removes a podManagementPolicy the committed version left out', () => {
  const session = sessionAgainst('refused-changes', 'committed-statefulset');
  const fixes = fixesOf(session, 'immutable-field-changed');
  const storage = applyFix(session, fixTitled(fixes, 'Restore the committed value 1Gi')).files.get(session.uri)!;
  assert.match(storage, /\n {12}storage: 1Gi\n/);
  const policy = applyFix(session, fixTitled(fixes, 'Remove podManagementPolicy, as in the committed version')).files.get(session.uri)!;
  assert.doesNotMatch(policy, /podManagementPolicy/);
});

it('removes a new clusterIP: None, and offers nothing that would write a Secret value', () => {
  const service = sessionAgainst('service-cluster-ips', 'committed-service');
  const headless = applyFix(service, fixTitled(fixesOf(service, 'immutable-field-changed'), 'Remove clusterIP, as in the committed version'));
  assert.doesNotMatch(headless.files.get(service.uri)!.split('---')[0], /clusterIP/);
  const secret = sessionAgainst('claim-and-secret-changes', 'committed-claim-and-secret');
  const titles = fixesOf(secret, 'immutable-field-changed').map((fix) => fix.title);
  assert.ok(titles.every((title) => !/secret-value/.test(title)));
  assert.ok(!titles.some((title) => /stringData|password/.test(title)));
});
