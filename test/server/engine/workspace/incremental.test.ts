import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../../server/src/engine/analyze';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { fixtureSeeds } from '../../../fuzz/seeds';

const URI = 'file:///work/edited.yaml';
const NEIGHBOUR = 'file:///work/neighbour.yaml';
const seeds = fixtureSeeds().filter((seed) => seed.text.length < 4_000 && /^kind:/m.test(seed.text));

/** Text typed into a manifest: markers, keys that change what depends on what, indentation, nothing. */
const insertions = fc.oneof(
  fc.constantFrom('', 'x', '\n', '---\n', '...\n', '  ', '- ', ': ', '#', 'clusterIP: None\n', 'kind: Service\n', 'serviceName: db\n', '*a', '&a '),
  fc.string({ maxLength: 12 }),
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: insertions });

function applied(text: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
  const start = Math.floor(at * text.length);
  return text.slice(0, start) + insert + text.slice(start + remove);
}

/** The findings of a workspace made from scratch with these texts: what an edited one must match. */
function freshFindings(text: string, neighbour: string): unknown {
  const workspace = new Workspace();
  workspace.set(NEIGHBOUR, neighbour);
  workspace.set(URI, text);
  return { edited: analyze(workspace, URI), neighbour: analyze(workspace, NEIGHBOUR) };
}

describe('incremental analysis', () => {
  it('after any sequence of edits, finds exactly what a fresh analysis of the final text finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...seeds), { minLength: 2, maxLength: 5 }),
        fc.constantFrom(...seeds),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (parts, neighbourSeed, edits) => {
          const workspace = new Workspace();
          workspace.set(NEIGHBOUR, neighbourSeed.text);
          let text = parts.map((part) => part.text.replace(/\n?$/, '\n')).join('---\n');
          workspace.set(URI, text);
          analyze(workspace, URI);
          analyze(workspace, NEIGHBOUR);
          for (const change of edits) {
            text = applied(text, change);
            workspace.set(URI, text);
            assert.deepEqual({ edited: analyze(workspace, URI), neighbour: analyze(workspace, NEIGHBOUR) }, freshFindings(text, neighbourSeed.text));
          }
        },
      ),
      { numRuns: 100, seed: 20261121 },
    );
  });

  it('moves the findings of documents below an edit with them, and drops those of a document that changed', () => {
    const statefulSet = (name: string) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers: [{name: c, image: "i:1"}]\n`;
    const workspace = new Workspace();
    const text = `${statefulSet('a')}---\n${statefulSet('b')}`;
    workspace.set(URI, text);
    const before = analyze(workspace, URI).filter((finding) => finding.ruleId === 'service-not-found');
    workspace.set(URI, `# two lines\n# added\n${text}`);
    const after = analyze(workspace, URI).filter((finding) => finding.ruleId === 'service-not-found');
    assert.deepEqual(
      after.map((finding) => finding.range.start.line),
      before.map((finding) => finding.range.start.line + 2),
    );
  });

  it('parses again only the document an edit touches, and keeps the objects of the others', () => {
    const documents = Array.from({ length: 50 }, (_, index) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-${index}\ndata:\n  key: value\n`);
    const workspace = new Workspace();
    workspace.set(URI, documents.join('---\n'));
    const before = workspace.get(URI)!.resources;
    workspace.set(URI, documents.map((document, index) => (index === 20 ? document.replace('value', 'changed value') : document)).join('---\n'));
    const after = workspace.get(URI)!.resources;
    const kept = after.filter((resource, index) => resource === before[index]).length;
    assert.equal(kept, 49);
    assert.equal(after[20].object.kind, 'ConfigMap');
    assert.deepEqual((after[20].object as { data: unknown }).data, { key: 'changed value' });
    assert.equal(after[30].field(['data', 'key'])?.value?.start.line, 30 * 7 + 5, 'the 31st document starts on line 211');
  });
});
