import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { documentSpanAt, documentSpans } from '../../../../server/src/engine/document/document-spans';

describe('documentSpans', () => {
  it('starts a document at each --- line and after each ... line, covering the whole text', () => {
    const text = 'a: 1\n---\nb: 2\n...\n# between\n---\nc: 3\n';
    const spans = documentSpans(text);
    assert.deepEqual(
      spans.map(([start, end]) => text.slice(start, end)),
      ['a: 1\n', '---\nb: 2\n...\n', '# between\n', '---\nc: 3\n'],
    );
  });

  it('splits where the parser does, block scalars included, so each part parses to the same values', () => {
    const text = 'data:\n  script: |\n    echo one\n---\nkind: Service\n--- # comment\nkind: Secret\n---\n';
    const whole = parseAllDocuments(text).map((document) => document.toJS());
    const parts = documentSpans(text).flatMap(([start, end]) => parseAllDocuments(text.slice(start, end)).map((document) => document.toJS()));
    assert.deepEqual(parts, whole);
  });

  it('does not split at markers that are not alone at the start of a line', () => {
    const text = 'a: "---"\nb: |\n  ---x\n ---\n';
    assert.deepEqual(documentSpans(text), [[0, text.length]]);
  });

  it('keeps a file with directives whole, since a directive applies to the document after it', () => {
    const text = 'a: 1\n...\n%YAML 1.1\n---\nb: 2\n';
    assert.deepEqual(documentSpans(text), [[0, text.length]]);
  });

  it('gives an empty text one empty document', () => {
    assert.deepEqual(documentSpans(''), [[0, 0]]);
  });
});

describe('documentSpanAt', () => {
  const text = 'a: 1\n---\nb: 2\n...\n---\nc: 3\n';

  it('finds the document holding an offset, the end of the text in the last one', () => {
    assert.deepEqual(documentSpanAt(text, 0), [0, 5]);
    assert.deepEqual(documentSpanAt(text, 5), [5, 18]);
    assert.deepEqual(documentSpanAt(text, 10), [5, 18]);
    assert.deepEqual(documentSpanAt(text, text.length), [18, text.length]);
  });
});
