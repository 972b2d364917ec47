import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FolderIndex } from '../../../../server/src/engine/workspace/folder-index';

describe('FolderIndex', () => {
  it('knows a folder while any file lies below it, at any depth', () => {
    const folders = new FolderIndex();
    folders.add('file:///repo/base/app.yaml');
    folders.add('file:///repo/base/db/service.yaml');
    assert.ok(folders.has('file:///repo/base/db'));
    assert.ok(folders.has('file:///repo'));
    folders.remove('file:///repo/base/db/service.yaml');
    assert.ok(!folders.has('file:///repo/base/db'));
    assert.ok(folders.has('file:///repo/base'));
    folders.remove('file:///repo/base/app.yaml');
    assert.ok(!folders.has('file:///repo/base'));
    assert.ok(!folders.has('file:///repo'));
  });

  it('takes no file for a folder: a file path and a longer sibling name are not folders', () => {
    const folders = new FolderIndex();
    folders.add('file:///repo/base-old/app.yaml');
    assert.ok(!folders.has('file:///repo/base'));
    assert.ok(!folders.has('file:///repo/base-old/app.yaml'));
  });
});
