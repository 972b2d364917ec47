import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code, duration, nameList, prose } from '../../../../server/src/engine/hover/markdown';

describe('hover Markdown', () => {
  it('escapes tags, emphasis and headings in API prose, but not code spans or URLs', () => {
    assert.equal(prose('the <hostname> of *this* pod_name'), 'the \\<hostname\\> of \\*this\\* pod\\_name');
    assert.equal(prose('use `metadata.labels[\'<KEY>\']` here'), "use `metadata.labels['<KEY>']` here");
    assert.equal(prose('More info: https://example.com/a_b#c-1.'), 'More info: https://example.com/a_b#c-1.');
    assert.equal(prose('# not a heading'), '\\# not a heading');
  });

  it('keeps list items and paragraphs of API prose', () => {
    assert.equal(prose('Valid values are:\n\t* Un-prefixed keys\n\t* Custom keys\n\n\n\nEnd.'), 'Valid values are:\n- Un-prefixed keys\n- Custom keys\n\nEnd.');
  });

  it('lists up to five names, then how many more', () => {
    assert.equal(nameList(1, (index) => `web-${index}`), '`web-0`');
    assert.equal(nameList(3, (index) => `web-${index}`), '`web-0`, `web-1` and `web-2`');
    assert.equal(nameList(8, (index) => `web-${index}`), '`web-0`, `web-1`, `web-2`, `web-3`, `web-4` … and 3 more');
    assert.equal(nameList(0, () => 'never'), '');
  });

  it('fences code holding backticks, and writes durations for people', () => {
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`a'), '`` `a ``');
    assert.deepEqual([duration(45), duration(150), duration(3900)], ['45 s', '2 min 30 s', '1 h 5 min']);
  });
});
