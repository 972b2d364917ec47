import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { completionsAt } from '../../../server/src/engine/completion/completion';
import { hoverAt } from '../../../server/src/engine/hover/hover';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { FIXTURES } from '../../helpers/rule-tester';

const BASE = ['hover/web-partition-3.yaml', 'hover/list-anchors-and-flow.yaml', 'hover/kafka-twelve-brokers.yaml'].map((file) =>
  readFileSync(path.join(FIXTURES, file), 'utf8'),
);
const SERVICE = readFileSync(path.join(FIXTURES, 'hover/nginx-headless-service.yaml'), 'utf8');

/** Pieces a person typing YAML inserts, half-finished constructs included. */
const TYPED = fc.oneof(
  fc.constantFrom(':', ': ', '- ', '-', ' ', '  ', '\n', '\r\n', '\t', '{', '}', '[', ']', '"', "'", '#', '&a ', '*a', '<<: ', '|', '>', '---\n', '...\n', '!!str '),
  fc.constantFrom('replicas', 'partition: ', 'serviceName:', 'kind: List\nitems:\n', 'ordinals:\n  start: ', 'secretKeyRef:\n  name: '),
  fc.string({ maxLength: 6 }),
);

/** A manifest with a few edits at arbitrary places: deletions and insertions. */
const EDITED = fc
  .tuple(
    fc.constantFrom(...BASE),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), TYPED), { minLength: 1, maxLength: 4 }),
  )
  .map(([text, edits]) =>
    edits.reduce((current, [at, removed, inserted]) => {
      const start = at % (current.length + 1);
      return current.slice(0, start) + inserted + current.slice(start + removed);
    }, text),
  );

describe('hover and completion on text being typed', () => {
  it('answer without throwing, with ranges on the lines they describe', () => {
    fc.assert(
      fc.property(EDITED, fc.nat(), fc.nat({ max: 120 }), (text, lineSeed, character) => {
        const workspace = new Workspace();
        workspace.set('file:///service.yaml', SERVICE);
        workspace.set('file:///edited.yaml', text);
        const file = workspace.get('file:///edited.yaml')!;
        const lines = text.split('\n');
        const line = lineSeed % lines.length;
        const position = { line, character: character % (lines[line].replace(/\r$/, '').length + 1) };
        // Editors send positions inside the text; one past its end must still be answered.
        hoverAt(workspace, file, { line: lines.length + 3, character: 500 }, { fieldDocs: true });
        completionsAt(workspace, file, { line, character: 500 }, { fields: true, valuesOnly: false });
        const hover = hoverAt(workspace, file, position, { fieldDocs: true });
        if (hover) assert.ok(hover.range.start.line <= position.line && position.line <= hover.range.end.line);
        for (const entry of completionsAt(workspace, file, position, { fields: true, valuesOnly: false })) {
          assert.equal(entry.range.start.line, position.line);
          assert.equal(entry.range.end.line, position.line);
          assert.ok(entry.range.start.character <= position.character && position.character <= entry.range.end.character);
        }
      }),
      { numRuns: 200 },
    );
  });
});
