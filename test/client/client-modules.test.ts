import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  BUILT_MANIFEST_CHANGED as CLIENT_BUILT_CHANGED,
  BUILT_MANIFEST_REQUEST as CLIENT_BUILT_REQUEST,
  COMMITTED_SCHEME as CLIENT_COMMITTED_SCHEME,
  COMMITTED_TEXT_REQUEST as CLIENT_COMMITTED_REQUEST,
  DIAGNOSTIC_SOURCE as CLIENT_SOURCE,
  FIND_FILES_REQUEST as CLIENT_FIND_FILES,
  FIND_YAML_FILES_REQUEST as CLIENT_FIND_YAML_FILES,
  INDEX_PROGRESS_NOTIFICATION as CLIENT_INDEX_PROGRESS,
  IS_FOLDER_REQUEST as CLIENT_IS_FOLDER,
  READ_FILE_REQUEST as CLIENT_READ_FILE,
  JSON_SCHEMA_REQUEST as CLIENT_REQUEST,
  RENDERED_MANIFEST_CHANGED as CLIENT_MANIFEST_CHANGED,
  RENDERED_MANIFEST_REQUEST as CLIENT_MANIFEST_REQUEST,
  QUICK_FIX_COMMAND as CLIENT_QUICK_FIX,
  REVEAL_LOCATION_COMMAND as CLIENT_REVEAL,
} from '../../client/src/protocol';
import { focusIn } from '../../client/src/example';
import { indexingText, indexingTooltip, mentionsStatefulSet, statusText, statusTooltip } from '../../client/src/problem-summary';
import { rulesFromManifest } from '../../client/src/rule-list';
import { analyze } from '../../server/src/engine/analyze';
import { configFrom } from '../../server/src/engine/config';
import { rules } from '../../server/src/engine/rules';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { COMMITTED_SCHEME, COMMITTED_TEXT_REQUEST } from '../../server/src/lsp/base-sync';
import { RENDERED_MANIFEST_CHANGED, RENDERED_MANIFEST_REQUEST } from '../../server/src/lsp/chart-sync';
import { FIND_FILES_REQUEST, FIND_YAML_FILES_REQUEST, IS_FOLDER_REQUEST, READ_FILE_REQUEST } from '../../server/src/lsp/client-workspace-files';
import { QUICK_FIX_COMMAND, REVEAL_LOCATION_COMMAND } from '../../server/src/lsp/code-lens';
import { DIAGNOSTIC_SOURCE } from '../../server/src/lsp/diagnostics';
import { INDEX_PROGRESS_NOTIFICATION } from '../../server/src/lsp/index-progress';
import { JSON_SCHEMA_REQUEST } from '../../server/src/lsp/json-schema-request';
import { BUILT_MANIFEST_CHANGED, BUILT_MANIFEST_REQUEST } from '../../server/src/lsp/kustomize-sync';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE = readFileSync(path.join(ROOT, 'media', 'walkthrough', 'example-statefulset.yaml'), 'utf8');

describe('what the client shares with the server', () => {
  it('asks for the JSON Schema by the method the server answers', () => {
    assert.equal(CLIENT_REQUEST, JSON_SCHEMA_REQUEST);
  });

  it('asks for the rendered manifest, and hears of new renders, by the methods the server uses', () => {
    assert.equal(CLIENT_MANIFEST_REQUEST, RENDERED_MANIFEST_REQUEST);
    assert.equal(CLIENT_MANIFEST_CHANGED, RENDERED_MANIFEST_CHANGED);
  });

  it('asks for the built manifest, and hears of new builds, by the methods the server uses', () => {
    assert.equal(CLIENT_BUILT_REQUEST, BUILT_MANIFEST_REQUEST);
    assert.equal(CLIENT_BUILT_CHANGED, BUILT_MANIFEST_CHANGED);
  });

  it('registers the commands the code lenses run, by the ids the server gives them', () => {
    assert.equal(CLIENT_REVEAL, REVEAL_LOCATION_COMMAND);
    assert.equal(CLIENT_QUICK_FIX, QUICK_FIX_COMMAND);
  });

  it('serves the committed versions by the scheme and method the server uses', () => {
    assert.equal(CLIENT_COMMITTED_SCHEME, COMMITTED_SCHEME);
    assert.equal(CLIENT_COMMITTED_REQUEST, COMMITTED_TEXT_REQUEST);
  });

  it('answers the server’s questions about files off its disk by the methods it asks with', () => {
    assert.equal(CLIENT_FIND_YAML_FILES, FIND_YAML_FILES_REQUEST);
    assert.equal(CLIENT_READ_FILE, READ_FILE_REQUEST);
    assert.equal(CLIENT_IS_FOLDER, IS_FOLDER_REQUEST);
    assert.equal(CLIENT_FIND_FILES, FIND_FILES_REQUEST);
  });

  it('hears how far indexing got by the notification the server sends', () => {
    assert.equal(CLIENT_INDEX_PROGRESS, INDEX_PROGRESS_NOTIFICATION);
  });

  it('recognises the server’s diagnostics by their source', () => {
    assert.equal(CLIENT_SOURCE, DIAGNOSTIC_SOURCE);
  });

  it('lists the rules of the registry for Show Rule Documentation, from package.json', () => {
    const listed = rulesFromManifest(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
    assert.deepEqual(listed.map((rule) => rule.id), rules.map((rule) => rule.id));
    assert.deepEqual(listed.find((rule) => rule.id === 'service-not-found'), {
      id: 'service-not-found',
      description: 'No Service named by spec.serviceName exists in the workspace.',
      defaultLevel: 'warning',
    });
  });
});

describe('the problems status bar item', () => {
  it('counts the files read while the workspace is indexed, with thousands grouped', () => {
    assert.equal(indexingText(3200, 20000), '$(sync~spin) indexing 3,200 / 20,000');
    assert.match(indexingTooltip(3200, 20000), /3,200 of 20,000 YAML files/);
  });

  it('shows on files with a StatefulSet, at the top level or in a List', () => {
    assert.ok(mentionsStatefulSet('apiVersion: apps/v1\nkind: StatefulSet\n'));
    assert.ok(mentionsStatefulSet('kind: List\nitems:\n  - kind: "StatefulSet"  # the database\n'));
    assert.ok(!mentionsStatefulSet('kind: Service\n# kind: StatefulSet comes later\n'));
    assert.ok(!mentionsStatefulSet('kind: StatefulSetList\n'));
  });

  it('counts the problems and says which kinds on hover', () => {
    assert.equal(statusText({ errors: 0, warnings: 0, infos: 0 }), '$(database) No problems');
    assert.equal(statusText({ errors: 1, warnings: 0, infos: 0 }), '$(database) 1 problem');
    assert.equal(statusText({ errors: 1, warnings: 2, infos: 1 }), '$(database) 4 problems');
    assert.equal(
      statusTooltip({ errors: 1, warnings: 2, infos: 0 }),
      'Kube Stateful found 1 error, 2 warnings and no notes in this file. Click to open the Problems panel.',
    );
    assert.equal(
      statusTooltip({ errors: 0, warnings: 0, infos: 0 }),
      'Kube Stateful found no problem in this file. Click to open the Problems panel.',
    );
  });
});

describe('the walkthrough example', () => {
  const workspace = new Workspace(configFrom(undefined));
  workspace.set('untitled:Untitled-1', EXAMPLE);
  const findings = analyze(workspace, 'untitled:Untitled-1');
  const lines = EXAMPLE.split('\n');

  it('has the problems the walkthrough describes', () => {
    assert.deepEqual(findings.map((finding) => `${finding.severity} ${finding.ruleId}`).sort(), [
      'error service-not-headless',
      'info anti-affinity-missing',
      'info pdb-missing',
      'warning inline-secret',
    ]);
  });

  it('focuses the inline password exactly where the inline-secret problem is', () => {
    const password = focusIn(EXAMPLE, 'password');
    assert.ok(password);
    assert.equal(lines[password.line].slice(password.start, password.end), 'change-me-please');
    const inline = findings.find((finding) => finding.ruleId === 'inline-secret')!;
    assert.deepEqual(inline.range, {
      start: { line: password.line, character: password.start },
      end: { line: password.line, character: password.end },
    });
  });

  it('focuses the partition key, where the rollout hover is', () => {
    const partition = focusIn(EXAMPLE, 'partition');
    assert.ok(partition);
    assert.equal(lines[partition.line].slice(partition.start, partition.end), 'partition');
    assert.match(lines[partition.line], /partition: 2$/);
  });
});
