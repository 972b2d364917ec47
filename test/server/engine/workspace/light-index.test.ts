import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { generatedWorkspace } from './generated-workspace';

/** A workspace holding every generated file, read in full or by the light index. */
function workspaceOf(files: ReadonlyMap<string, string>, light: boolean): Workspace {
  const workspace = new Workspace();
  for (const [uri, text] of files) {
    if (light) workspace.setUnopened(uri, text);
    else workspace.set(uri, text);
  }
  return workspace;
}

describe('Light index', () => {
  const files = generatedWorkspace(40);

  it('gives every file the findings that full analysis gives, when it alone is opened', () => {
    const full = workspaceOf(files, false);
    let compared = 0;
    for (const [uri, text] of files) {
      const light = workspaceOf(files, true);
      light.set(uri, text);
      assert.deepEqual(analyze(light, uri), analyze(full, uri), uri);
      compared++;
    }
    assert.equal(compared, files.size);
  });

  it('reads most generated files without parsing them, and parses one when a check needs its objects', () => {
    const light = workspaceOf(files, true);
    const unparsed = [...files.keys()].filter((uri) => !light.get(uri)!.isParsed);
    assert.ok(unparsed.length > files.size / 2, `${unparsed.length} of ${files.size} files left unparsed`);
    const statefulSet = [...files.keys()].find((uri) => uri.endsWith('/statefulset.yaml'))!;
    const service = statefulSet.replace('statefulset.yaml', 'service.yaml');
    assert.equal(light.get(service)!.isParsed, false);
    analyze(light, statefulSet);
    assert.equal(light.get(service)!.isParsed, true, 'the StatefulSet checks read its Service');
  });

  it('parses in full a file the light reader declines, such as one with anchors', () => {
    const light = new Workspace();
    light.setUnopened('file:///anchors.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &name settings\ndata:\n  copy: *name\n');
    assert.equal(light.get('file:///anchors.yaml')!.isParsed, true);
    assert.equal(light.named('ConfigMap', 'settings').length, 1);
  });

  it('gives the same findings when the host hands back the keys an earlier session indexed each file by', () => {
    const earlier = workspaceOf(files, true);
    const kept = new Map([...files.keys()].map((uri) => [uri, earlier.lightKeysOf(uri)]));
    assert.ok([...kept.values()].filter(Boolean).length > files.size / 2, 'most files are indexed by their keys');
    const full = workspaceOf(files, false);
    for (const [uri, text] of files) {
      const later = new Workspace();
      const reads: string[] = [];
      for (const [other, otherText] of files) {
        const keys = kept.get(other);
        if (keys) later.setUnopened(other, { read: () => (reads.push(other), otherText) }, keys);
        else later.setUnopened(other, otherText);
      }
      assert.deepEqual(reads, [], 'a file known by its keys is not read until a check needs it');
      assert.equal(later.get(uri)!.isParsed, kept.get(uri) === undefined);
      later.set(uri, text);
      assert.deepEqual(analyze(later, uri), analyze(full, uri), uri);
      assert.ok(reads.length < files.size / 2, `${reads.length} of ${files.size} files read to check ${uri}`);
    }
  });
});
