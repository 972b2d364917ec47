import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureUri } from '../../../helpers/rule-tester';
import { applyFix, fixesOf, fixTitled, fixtureFiles, sessionOf, toCrlf } from '../../../helpers/fix-tester';

const REPAIRS = 'fixes/repairs.yaml';

/** The lines a fix changes, before and after (an insertion changes none before). */
function changedLines(ruleId: string, title: string | RegExp, file = REPAIRS, transform?: (text: string) => string): [string[], string[]] {
  const session = sessionOf(fixtureFiles([file], transform));
  const fix = fixTitled(fixesOf(session, ruleId), title);
  const before = session.files.get(fixtureUri(file))!.split('\n');
  const after = applyFix(session, fix).files.get(fixtureUri(file))!.split('\n');
  let start = 0;
  while (before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [before.slice(start, before.length - end), after.slice(start, after.length - end)];
}

describe('one-word repairs', () => {
  it('corrects the case of an enum value, keeping its quotes', () => {
    assert.deepEqual(changedLines('invalid-enum-value', "Change 'parallel' to 'Parallel'"), [
      ['  podManagementPolicy: parallel'],
      ['  podManagementPolicy: Parallel'],
    ]);
    assert.deepEqual(changedLines('invalid-enum-value', "Change 'rollingupdate' to 'RollingUpdate'"), [
      ["    type: 'rollingupdate'"],
      ["    type: 'RollingUpdate'"],
    ]);
    assert.deepEqual(changedLines('invalid-enum-value', "Change 'ifNotPresent' to 'IfNotPresent'"), [
      ['          imagePullPolicy: "ifNotPresent"'],
      ['          imagePullPolicy: "IfNotPresent"'],
    ]);
  });

  it('corrects a selector operator and restartPolicy', () => {
    assert.deepEqual(changedLines('selector-invalid', "Change operator 'exists' to 'Exists'"), [
      ['        operator: exists'],
      ['        operator: Exists'],
    ]);
    assert.deepEqual(changedLines('restart-policy-not-always', "Set restartPolicy to 'Always'"), [
      ['      restartPolicy: always'],
      ['      restartPolicy: Always'],
    ]);
  });

  it('renames a mistyped key, and offers nothing when the field meant is already there', () => {
    assert.deepEqual(changedLines('unknown-field', "Rename 'resoures' to 'resources'"), [['          resoures:'], ['          resources:']]);
    const files = fixtureFiles([REPAIRS], (text) => text.replace('          resoures:\n', '          resources: {}\n          resoures:\n'));
    assert.deepEqual(fixesOf(sessionOf(files), 'unknown-field').filter((fix) => fix.id === 'rename'), []);
  });

  it('moves a removed apiVersion to apps/v1, keeping the quotes and the comment', () => {
    assert.deepEqual(changedLines('api-version-removed', "Change apiVersion to 'apps/v1'", 'fixes/api-version.yaml'), [
      ['apiVersion: "apps/v1beta1"  # from an old chart'],
      ['apiVersion: "apps/v1"  # from an old chart'],
    ]);
  });

  it('marks only case corrections safe for fix-all', () => {
    const safe = (text: string) =>
      fixesOf(sessionOf(new Map([['file:///x.yaml', text]])), 'restart-policy-not-always').find((fix) => fix.id === 'replace')?.safe;
    const manifest = (policy: string) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      restartPolicy: ${policy}\n`;
    assert.equal(safe(manifest('ALWAYS')), true);
    assert.equal(safe(manifest('OnFailure')), false);
  });
});

describe('selector-template-mismatch fix', () => {
  it("adds the selector's labels to the template and corrects the one that differs, keeping comments", () => {
    assert.deepEqual(changedLines('selector-template-mismatch', "Add the selector's labels to the pod template (app=queue, component=broker)", 'fixes/selector-labels.yaml'), [
      ['        app: rabbitmq', '        # release label set by CI', '        release: stable'],
      ['        app: queue', '        # release label set by CI', '        release: stable', '        component: broker'],
    ]);
  });

  it('creates the labels when the template has none', () => {
    const files = fixtureFiles(['fixes/selector-labels.yaml'], (text) =>
      text.replace('    metadata:\n      labels:\n        app: rabbitmq\n        # release label set by CI\n        release: stable\n', '    metadata:\n      annotations: {}\n'),
    );
    const session = sessionOf(files);
    const text = applyFix(session, fixTitled(fixesOf(session, 'selector-template-mismatch'), /^Add/)).files.get(fixtureUri('fixes/selector-labels.yaml'))!;
    assert.ok(text.includes('    metadata:\n      annotations: {}\n      labels:\n        app: queue\n        component: broker\n    spec:\n'));
  });
});

describe('volumeClaimTemplate fixes', () => {
  it('inserts accessModes first in the spec, with the value as a snippet placeholder', () => {
    const session = sessionOf(fixtureFiles([REPAIRS]));
    const fix = fixTitled(fixesOf(session, 'vct-access-modes-missing'), "Add accessModes: [ReadWriteOnce] to volumeClaimTemplate 'data'");
    const [edit] = fix.change()!.edits;
    // Written from the line start: editors re-indent a snippet's lines by what precedes it.
    assert.deepEqual(edit.range.start, { line: 33, character: 0 });
    assert.equal(edit.newText, '        accessModes: [ReadWriteOnce]\n');
    assert.equal(edit.snippet, '        accessModes: [${1:ReadWriteOnce}]\n');
    const text = applyFix(session, fix).files.get(fixtureUri(REPAIRS))!;
    assert.ok(text.includes('      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n'));
  });

  it('creates the spec of a template that has none', () => {
    assert.deepEqual(changedLines('vct-access-modes-missing', /to volumeClaimTemplate 'logs'/), [[], ['      spec:', '        accessModes: [ReadWriteOnce]']]);
    assert.deepEqual(changedLines('vct-storage-missing', /to volumeClaimTemplate 'logs'/), [
      [],
      ['      spec:', '        resources:', '          requests:', '            storage: 1Gi'],
    ]);
  });

  it('fills an empty flow mapping in flow style, with CRLF kept', () => {
    assert.deepEqual(changedLines('vct-storage-missing', /to volumeClaimTemplate 'data'/, REPAIRS, toCrlf), [
      ['          requests: {}\r'],
      ['          requests: {storage: 1Gi}\r'],
    ]);
    const session = sessionOf(fixtureFiles([REPAIRS]));
    const [edit] = fixTitled(fixesOf(session, 'vct-storage-missing'), /'data'/).change()!.edits;
    assert.equal(edit.snippet, 'storage: ${1:1Gi}');
  });
});

describe('removing a release label from a claim template', () => {
  const LABELS = 'rules/vct-release-labels/chart-labels.yaml';

  it('removes the label line with its comment, and nothing else', () => {
    assert.deepEqual(changedLines('vct-release-labels', "Remove label 'helm.sh/chart' from volumeClaimTemplate 'data'", LABELS), [
      ['          helm.sh/chart: postgresql-12.1.6  # from the common labels'],
      [],
    ]);
    assert.deepEqual(changedLines('vct-release-labels', "Remove label 'app.kubernetes.io/version' from volumeClaimTemplate 'data'", LABELS, toCrlf), [
      ['          app.kubernetes.io/version: "16.4.0"\r'],
      [],
    ]);
  });

  it('removes an entry of a flow mapping with its comma', () => {
    assert.deepEqual(changedLines('vct-release-labels', "Remove label 'chart' from volumeClaimTemplate 'wal'", LABELS), [
      ['        labels: {release: db, chart: postgresql}'],
      ['        labels: {release: db}'],
    ]);
  });

  it('removes the labels mapping when the label was its only entry', () => {
    assert.deepEqual(changedLines('vct-release-labels', "Remove label 'version' from volumeClaimTemplate 'logs'", 'rules/vct-release-labels/versioned-values.yaml'), [
      ['        labels:', '          version: 3'],
      [],
    ]);
  });

  it('is not part of fix-all: on a live StatefulSet the removal itself must be applied by hand', () => {
    const session = sessionOf(fixtureFiles([LABELS]));
    const fixes = fixesOf(session, 'vct-release-labels').filter((fix) => fix.id === 'remove-label');
    assert.equal(fixes.length, 3);
    assert.ok(fixes.every((fix) => !fix.safe));
  });
});
