import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import { FileEditor, insertEntries, removePair, setIn } from '../../../../server/src/engine/fixes/yaml-edits';
import { map, placeholder, raw, type YamlValue } from '../../../../server/src/engine/fixes/yaml-render';
import { applyTextEdits } from '../../../helpers/apply-edits';

function edit(text: string, change: (editor: FileEditor, document: Document) => boolean): { text: string; editor: FileEditor } | undefined {
  const document = parseDocument(text, { merge: true });
  const editor = new FileEditor('file:///x.yaml', text);
  if (!change(editor, document)) return undefined;
  return { text: applyTextEdits(text, editor.edits.map(({ range, newText }) => ({ range, newText }))), editor };
}

const root = (document: Document) => document.contents as YAMLMap;
const entry = (key: string, value: YamlValue): [string, YamlValue][] => [[key, value]];

describe('YAML edits', () => {
  it('removes an entry: whole lines in block style, the entry and one comma in flow style', () => {
    const remove = (text: string, at: (document: Document) => YAMLMap, index: number) =>
      edit(text, (editor, document) => removePair(editor, at(document), at(document).items[index] as any))?.text;
    assert.equal(remove('a:\n  b: 1  # note\n  c:\n    - x\nd: 2\n', (document) => root(document).items[0].value as YAMLMap, 1), 'a:\n  b: 1  # note\nd: 2\n');
    assert.equal(remove('a: 1\nb: 2', root, 1), 'a: 1\n');
    assert.equal(remove('a: {x: 1, y: 2}\n', (document) => root(document).items[0].value as YAMLMap, 0), 'a: {y: 2}\n');
    assert.equal(remove('a: {x: 1}\n', (document) => root(document).items[0].value as YAMLMap, 0), 'a: {}\n');
    assert.equal(remove('- a: 1\n  b: 2\n', (document) => (document.contents as any).items[0], 0), undefined);
  });

  it('adds entries after the last one, also after a block scalar and at a file end without a line break', () => {
    assert.equal(edit('a:\n  b: 1  # note\nc: 2\n', (editor, document) => insertEntries(editor, root(document).items[0].value as YAMLMap, entry('d', raw('3')), 'last'))?.text, 'a:\n  b: 1  # note\n  d: 3\nc: 2\n');
    assert.equal(edit('a: |\n  x\nb: 1', (editor, document) => insertEntries(editor, root(document), entry('c', raw('2')), 'last'))?.text, 'a: |\n  x\nb: 1\nc: 2\n');
    assert.equal(edit('b: |\n  x\n', (editor, document) => insertEntries(editor, root(document), entry('c', raw('2')), 'last'))?.text, 'b: |\n  x\nc: 2\n');
  });

  it('adds entries first, beside a dash when the mapping starts there', () => {
    assert.equal(edit('- a: 1\n  b: 2\n', (editor, document) => insertEntries(editor, (document.contents as any).items[0], entry('z', raw('0')), 'first'))?.text, '- z: 0\n  a: 1\n  b: 2\n');
  });

  it('writes into flow mappings in flow style, trailing comma or not', () => {
    assert.equal(edit('a: {x: 1}\n', (editor, document) => setIn(editor, document, root(document), ['a', 'w'], raw('2')))?.text, 'a: {x: 1, w: 2}\n');
    assert.equal(edit('a: {\n  x: 1,\n}\n', (editor, document) => setIn(editor, document, root(document), ['a', 'w'], raw('2')))?.text, 'a: {\n  x: 1, w: 2,\n}\n');
    assert.equal(edit('a: {}\n', (editor, document) => setIn(editor, document, root(document), ['a', 'b', 'c'], raw('2')))?.text, 'a: {b: {c: 2}}\n');
  });

  it('fills an empty value and creates the mappings on the way', () => {
    assert.equal(edit('spec:\nother: 1\n', (editor, document) => setIn(editor, document, root(document), ['spec', 'a', 'b'], raw('1')))?.text, 'spec:\n  a:\n    b: 1\nother: 1\n');
    assert.equal(edit('spec: ~  # empty\n', (editor, document) => setIn(editor, document, root(document), ['spec', 'a'], raw('1')))?.text, 'spec:\n  a: 1  # empty\n');
  });

  it('refuses to write through an alias or to hide a merged key', () => {
    assert.equal(edit('base: &b {x: 1}\nuse: *b\n', (editor, document) => setIn(editor, document, root(document), ['use', 'y'], raw('2'))), undefined);
    const merged = 'base: &b\n  x: 1\nuse:\n  <<: *b\n  z: 3\n';
    assert.equal(edit(merged, (editor, document) => setIn(editor, document, root(document), ['use', 'x', 'y'], raw('2'))), undefined);
    assert.equal(edit(merged, (editor, document) => setIn(editor, document, root(document), ['use', 'w'], raw('2')))?.text, `${merged}  w: 2\n`);
  });

  it('keeps a snippet only where the editor will not re-indent its lines', () => {
    const atLineStart = edit('a:\n  b: 1\n', (editor, document) => setIn(editor, document, root(document), ['a', 'c', 'd'], placeholder('x'), 'first'));
    assert.equal(atLineStart?.editor.edits[0].snippet, '  c:\n    d: ${1:x}\n');
    const besideDash = edit('- a: 1\n', (editor, document) => {
      const item = (document.contents as any).items[0];
      return isMap(item) && insertEntries(editor, item, entry('c', map([['d', placeholder('x')]])), 'first');
    });
    assert.equal(besideDash?.text, '- c:\n    d: x\n  a: 1\n');
    assert.equal(besideDash?.editor.edits[0].snippet, undefined);
  });
});
