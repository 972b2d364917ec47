import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleLinksOf } from '../../../../server/src/engine/navigation/rule-links';
import { workspaceOf } from '../../../helpers/rule-tester';
import { cursor, textOf } from './navigation-helper';

it('links each known rule id of a suppression comment to its documentation, not unknown ids or the reason', () => {
  const workspace = workspaceOf(['navigation/suppressions/disabled-rules.yaml']);
  const file = cursor(workspace, 'suppressions/disabled-rules.yaml', 'kind').file;
  assert.deepEqual(
    ruleLinksOf(file).map((link) => [textOf(workspace, file.uri, link.range), link.range.start.line, link.target]),
    [
      ['pdb-missing', 0, 'https://github.com/kube-stateful/kube-stateful/blob/main/docs/rules.md#pdb-missing'],
      ['service-not-found', 6, 'https://github.com/kube-stateful/kube-stateful/blob/main/docs/rules.md#service-not-found'],
    ],
  );
});
