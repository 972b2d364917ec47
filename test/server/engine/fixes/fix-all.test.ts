import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll } from '../../../../server/src/engine/fixes';
import { toWorkspaceEdit } from '../../../../server/src/lsp/workspace-edit';
import { applyWorkspaceEdit, changedUntouchedLines } from '../../../helpers/apply-edits';
import { FULL_SUPPORT, fixtureFiles, sessionOf } from '../../../helpers/fix-tester';

function fixAllOf(files: Map<string, string>): { before: string; after: string; remaining: string[] } {
  const session = sessionOf(files);
  const change = fixAll(session.workspace, session.uri, session.findings);
  const applied = applyWorkspaceEdit(files, toWorkspaceEdit(change, FULL_SUPPORT, () => 1)!);
  const before = files.get(session.uri)!;
  const after = applied.files.get(session.uri)!;
  assert.deepEqual(changedUntouchedLines(before, applied.edits.get(session.uri) ?? [], after), []);
  return { before, after, remaining: sessionOf(new Map([[session.uri, after]])).findings.map((finding) => finding.ruleId) };
}

describe('fix all', () => {
  it('applies the fixes that need no choice: value case, operator case, restartPolicy case, a mistyped key', () => {
    const { after, remaining } = fixAllOf(fixtureFiles(['fixes/repairs.yaml']));
    for (const line of ['  podManagementPolicy: Parallel', "    type: 'RollingUpdate'", '        operator: Exists', '      restartPolicy: Always', '          imagePullPolicy: "IfNotPresent"', '          resources:']) {
      assert.ok(after.includes(`${line}\n`), line);
    }
    assert.deepEqual([...new Set(remaining)], ['vct-unmounted', 'vct-access-modes-missing', 'vct-storage-missing']);
  });

  it('moves a removed apiVersion to apps/v1', () => {
    const { after } = fixAllOf(fixtureFiles(['fixes/api-version.yaml']));
    assert.ok(after.startsWith('apiVersion: "apps/v1"  # from an old chart\n'));
  });

  it('never moves secrets, never touches a Service and never creates one', () => {
    for (const files of [
      fixtureFiles(['fixes/inline-secrets.yaml']),
      fixtureFiles(['fixes/service-not-headless/statefulset.yaml', 'fixes/service-not-headless/service.yaml']),
      fixtureFiles(['fixes/service-missing.yaml']),
    ]) {
      const { before, after } = fixAllOf(files);
      assert.equal(after, before);
    }
  });

  it('leaves restartPolicy: OnFailure to the user', () => {
    const files = fixtureFiles(['fixes/repairs.yaml'], (text) => text.replace('restartPolicy: always', 'restartPolicy: OnFailure'));
    assert.ok(fixAllOf(files).after.includes('      restartPolicy: OnFailure\n'));
  });
});
