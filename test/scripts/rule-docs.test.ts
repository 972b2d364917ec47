import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { rules } from '../../server/src/engine/rules';
import { renderRuleDocs } from '../../scripts/rule-docs';

describe('docs/rules.md', () => {
  it('is what the registry generates (run `npm run docs` after changing a rule)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    assert.equal(committed, renderRuleDocs(rules));
  });

  it('has a section for every rule id, where diagnostics link to', () => {
    const markdown = renderRuleDocs(rules);
    for (const rule of rules) assert.match(markdown, new RegExp(`^## ${rule.id}$`, 'm'));
  });

  it('lists each rule id once in the registry', () => {
    const ids = rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
