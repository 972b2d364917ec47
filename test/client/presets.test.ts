import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { placePreset } from '../../client/src/preset-placement';
import { presetsOf, snippetFiles } from '../../client/src/presets';

const ROOT = path.join(__dirname, '..', '..');
const manifest: unknown = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('the presets of Insert Database Preset…', () => {
  const presets = snippetFiles(manifest).flatMap((file) => presetsOf(readFileSync(path.join(ROOT, file), 'utf8')));

  it('are the snippets the extension contributes, in the order package.json lists their files', () => {
    const prefixes = presets.map((preset) => preset.prefix);
    assert.deepEqual(prefixes.slice(0, 4), ['sts', 'sts-mysql', 'sts-postgres', 'sts-mongodb']);
    assert.equal(new Set(prefixes).size, prefixes.length);
    assert.equal(snippetFiles(manifest).length, 13);
  });

  it('each have a description and a body with tab stops', () => {
    for (const preset of presets) {
      assert.ok(preset.description.length > 20, preset.name);
      assert.match(preset.body, /kind: StatefulSet/, preset.name);
      assert.match(preset.body, /\$\{1/, preset.name);
    }
  });

  it('read a body written as one string or as lines, and skip what is not a snippet', () => {
    const text = JSON.stringify({
      One: { prefix: 'one', body: 'a: 1', description: 'd' },
      Lines: { prefix: ['lines', 'other'], body: ['a: 1', 'b: 2', ''] },
      Broken: { body: 'no prefix' },
    });
    assert.deepEqual(presetsOf(text), [
      { name: 'One', prefix: 'one', description: 'd', body: 'a: 1' },
      { name: 'Lines', prefix: 'lines', description: '', body: 'a: 1\nb: 2' },
    ]);
    assert.deepEqual(presetsOf('{ not json'), []);
  });
});

describe('where a preset is inserted', () => {
  const doc = (text: string) => text.split('\n');

  it('replaces an empty or blank document', () => {
    assert.deepEqual(placePreset([''], 0), { kind: 'replace-all' });
    assert.deepEqual(placePreset(doc('\n  \n'), 1), { kind: 'replace-all' });
  });

  it('goes at the cursor after the last document, behind a separator', () => {
    assert.deepEqual(placePreset(doc('kind: Service\nmetadata: {}\n'), 2), { kind: 'at-line', line: 2, before: '---\n', after: '\n' });
    assert.deepEqual(placePreset(doc('kind: Service\n\n\n'), 1), { kind: 'at-line', line: 1, before: '---\n', after: '' });
  });

  it('goes at the cursor before the first document, followed by a separator', () => {
    assert.deepEqual(placePreset(doc('\n# the app\nkind: Service'), 0), { kind: 'at-line', line: 0, before: '', after: '\n---' });
  });

  it('needs no separator next to an existing one', () => {
    assert.deepEqual(placePreset(doc('kind: Service\n---\n\n---\nkind: Secret'), 2), { kind: 'at-line', line: 2, before: '', after: '' });
    assert.deepEqual(placePreset(doc('kind: Service\n\n---\nkind: Secret'), 1), { kind: 'at-line', line: 1, before: '---\n', after: '' });
  });

  it('goes at the end of the file when the cursor is inside a document, rather than split it', () => {
    const lines = doc('kind: Service\nmetadata:\n  name: db\n\nspec: {}');
    assert.deepEqual(placePreset(lines, 3), { kind: 'at-end', before: '\n---\n' });
    assert.deepEqual(placePreset(lines, 1), { kind: 'at-end', before: '\n---\n' });
    assert.deepEqual(placePreset(doc('kind: Service\n'), 0), { kind: 'at-end', before: '---\n' });
    assert.deepEqual(placePreset(doc('kind: Service\n---\n'), 0), { kind: 'at-end', before: '' });
  });
});
