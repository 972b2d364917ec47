import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import fc from 'fast-check';
import { lensSpotsOf, resolveLens } from '../../../../server/src/engine/navigation/code-lens';
import { definitionsAt, referencesAt } from '../../../../server/src/engine/navigation/navigate';
import { outlineOf } from '../../../../server/src/engine/navigation/outline';
import { prepareRenameAt, renameAt } from '../../../../server/src/engine/navigation/rename';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { applyTextEdits } from '../../../helpers/apply-edits';
import { FIXTURES } from '../../../helpers/rule-tester';
import { ORDERS_FILES } from './navigation-helper';

const TEXTS = ORDERS_FILES.map((file) => readFileSync(path.join(FIXTURES, file), 'utf8'));
const TYPED = fc.oneof(
  fc.constantFrom(':', ': ', '- ', ' ', '\n', '\r\n', '{', '}', '[', ']', '"', "'", '#', '&a ', '*a', '<<: ', '|', '---\n', 'kind: List\nitems:\n'),
  fc.constantFrom('name: ', 'serviceName: ', 'secretKeyRef:\n  name: ', 'selector:\n  app: x', 'claimName: '),
  fc.string({ maxLength: 6 }),
);

const EDITED = fc
  .tuple(fc.nat({ max: TEXTS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), TYPED), { minLength: 1, maxLength: 4 }))
  .map(([index, edits]) => ({
    index,
    text: edits.reduce((current, [at, removed, inserted]) => {
      const start = at % (current.length + 1);
      return current.slice(0, start) + inserted + current.slice(start + removed);
    }, TEXTS[index]),
  }));

it('answers every navigation request on text being typed without throwing, with edits that apply', () => {
  fc.assert(
    fc.property(EDITED, fc.nat(), fc.nat({ max: 80 }), ({ index, text }, lineSeed, character) => {
      const workspace = new Workspace();
      const uris = ORDERS_FILES.map((file) => `file:///${file}`);
      uris.forEach((uri, other) => workspace.set(uri, other === index ? text : TEXTS[other]));
      const file = workspace.get(uris[index])!;
      const lines = text.split('\n');
      const line = lineSeed % lines.length;
      const position = { line, character: character % (lines[line].length + 1) };
      const found = definitionsAt(workspace, file, position);
      if (found) assert.ok(found.origin.range.start.line <= line && line <= found.origin.range.end.line);
      referencesAt(workspace, file, position, true);
      prepareRenameAt(workspace, file, position);
      const renamed = renameAt(workspace, file, position, 'renamed');
      if (renamed && 'edits' in renamed) {
        for (const uri of new Set(renamed.edits.map((edit) => edit.uri))) applyTextEdits(workspace.get(uri)!.text, renamed.edits.filter((edit) => edit.uri === uri));
      }
      outlineOf(workspace, file);
      for (const spot of lensSpotsOf(file)) resolveLens(workspace, file, spot);
    }),
    { numRuns: 150 },
  );
});
