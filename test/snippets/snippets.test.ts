import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { expandSnippet } from '../helpers/snippet';

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

for (const { path: file } of manifest.contributes.snippets as { path: string }[]) {
  const snippets = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  describe(`snippets in ${file}`, () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${snippet.prefix} (${name}) expands to manifests with no finding`, () => {
        const workspace = new Workspace();
        workspace.set('untitled:preset', expandSnippet(snippet.body));
        assert.deepEqual(
          analyze(workspace, 'untitled:preset').map((finding) => `${finding.ruleId}: ${finding.message}`),
          [],
        );
        const kinds = workspace.get('untitled:preset')?.resources.map((resource) => resource.kind);
        assert.deepEqual(kinds?.slice(0, 3), ['Service', 'StatefulSet', 'PodDisruptionBudget']);
      });
    }
  });
}

describe('expandSnippet', () => {
  it('mirrors a tabstop placeholder and takes the first choice', () => {
    assert.equal(expandSnippet(['${1:web}-${2|a,b|}: $1 ${1} $0']), 'web-a: web web ');
  });
});
