import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { buildAll, buildFolder, workspaceFiles } from '../../../../server/src/engine/kustomize/workspace-builds';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/kustomize');
const ROOT = 'file:///repo';

/** A workspace holding every file of a fixture folder, by path below `file:///repo`, with its kustomizations built. */
function workspaceOf(fixture: string, edit: (path: string, text: string) => string = (_, text) => text): Workspace {
  const workspace = new Workspace();
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
  const base = path.join(FIXTURES, fixture);
  for (const file of walk(base)) {
    const relative = path.relative(base, file).split(path.sep).join('/');
    workspace.set(`${ROOT}/${relative}`, edit(relative, readFileSync(file, 'utf8')));
  }
  buildAll(workspace);
  return workspace;
}

function findingsOf(workspace: Workspace, file: string, ruleId?: string) {
  return analyze(workspace, `${ROOT}/${file}`).filter((finding) => ruleId === undefined || finding.ruleId === ruleId);
}

const SELECTOR_RULES = ['selector-template-mismatch', 'service-selector-mismatch', 'selector-empty', 'required-field-missing'];

describe('Kustomize builds in the workspace', () => {
  it('checks a commonLabels base as built: its selectors come from the kustomization, so no false mismatch', () => {
    const workspace = workspaceOf('common-labels-base');
    for (const file of ['statefulset.yaml', 'service.yaml', 'kustomization.yaml']) {
      assert.deepEqual(findingsOf(workspace, file).filter((finding) => SELECTOR_RULES.includes(finding.ruleId)), [], file);
    }
  });

  it("puts an overlay patch's pod-label mistake on the patch's line, naming the overlay", () => {
    const workspace = workspaceOf('label-patch');
    const [finding, ...others] = findingsOf(workspace, 'overlays/prod/pod-labels.yaml', 'selector-template-mismatch');
    assert.equal(others.length, 0);
    assert.equal(finding.range.start.line, 8, 'the patched label');
    assert.deepEqual(findingsOf(workspace, 'base/statefulset.yaml', 'selector-template-mismatch'), [], 'the base alone is right');
  });

  it('names the overlay whose namespace moves the StatefulSet away from its headless Service', () => {
    const workspace = workspaceOf('namespace-overlay');
    const findings = findingsOf(workspace, 'base/statefulset.yaml', 'service-namespace-mismatch');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /\(in overlays\/prod\)$/);
    assert.equal(findings[0].range.start.line, 5, 'serviceName');
  });

  it('publishes a finding every build of a file has once, without naming builds', () => {
    const workspace = workspaceOf('namespace-overlay', (file, text) => (file === 'base/statefulset.yaml' ? text.replace('replicas: 3', 'replicas: -1') : text));
    const negative = findingsOf(workspace, 'base/statefulset.yaml').filter((finding) => finding.range.start.line === 6);
    assert.ok(negative.length >= 1);
    assert.equal(new Set(negative.map((finding) => finding.ruleId)).size, negative.length, 'once per rule');
    for (const finding of negative) assert.doesNotMatch(finding.message, /\(in /);
  });

  it('moves the findings when the patch is edited and the builds run again', () => {
    const workspace = workspaceOf('label-patch');
    const patch = `${ROOT}/overlays/prod/pod-labels.yaml`;
    workspace.set(patch, workspace.get(patch)!.text.replace('db-v2', 'db'));
    assert.ok(buildAll(workspace).includes(patch), 'the patch is told to report again');
    assert.deepEqual(findingsOf(workspace, 'overlays/prod/pod-labels.yaml', 'selector-template-mismatch'), []);
  });

  it('moves the findings when the base is edited: the base now agrees with the patch', () => {
    const workspace = workspaceOf('label-patch');
    const base = `${ROOT}/base/statefulset.yaml`;
    workspace.set(base, workspace.get(base)!.text.replace('      app: db\n  template', '      app: db-v2\n  template'));
    buildAll(workspace);
    assert.deepEqual(findingsOf(workspace, 'overlays/prod/pod-labels.yaml', 'selector-template-mismatch'), []);
    assert.equal(findingsOf(workspace, 'base/statefulset.yaml', 'selector-template-mismatch').length, 1, 'the base build now mismatches');
  });

  it('does not check a build input alone, but still checks a file no build reads', () => {
    const workspace = workspaceOf('namespace-overlay');
    assert.equal(workspace.isBuildInput(`${ROOT}/base/statefulset.yaml`), true);
    assert.equal(workspace.isBuildInput(`${ROOT}/service.yaml`), false);
  });

  it('asks the host nothing about a folder or a file the workspace holds, so a host reading the disk builds once', () => {
    const workspace = workspaceOf('label-patch');
    const asked: string[] = [];
    const disk = { read: (uri: string) => (asked.push(uri), undefined), isFolder: (uri: string) => (asked.push(uri), false) };
    const build = buildFolder(workspaceFiles(workspace, disk), `${ROOT}/overlays/prod`);
    assert.ok(build.inputs.includes(`${ROOT}/base/statefulset.yaml`), 'the base was built into the overlay');
    assert.deepEqual(asked, []);
  });
});
