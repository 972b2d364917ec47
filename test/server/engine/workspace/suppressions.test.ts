import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { suppressionsOf } from '../../../../server/src/engine/workspace/suppressions';
import { Workspace } from '../../../../server/src/engine/workspace/workspace';
import { FIXTURES } from '../../../helpers/rule-tester';

function ruleIds(text: string): string[] {
  const workspace = new Workspace();
  workspace.set('file:///manifest.yaml', text);
  return analyze(workspace, 'file:///manifest.yaml').map((finding) => finding.ruleId);
}

/** The fixture as written, and with its directives turned into plain comments. */
function bothWays(fixture: string): { suppressed: string[]; plain: string[] } {
  const text = readFileSync(path.join(FIXTURES, 'suppressions', fixture), 'utf8');
  return { suppressed: ruleIds(text), plain: ruleIds(text.replaceAll('# kube-stateful-disable', '# note')) };
}

describe('suppression comments', () => {
  it('silences the named rule on the next line that holds YAML, and every rule when none is named', () => {
    const { suppressed, plain } = bothWays('next-line.yaml');
    for (const ruleId of ['service-not-found', 'type-mismatch']) {
      assert.ok(plain.includes(ruleId), `${ruleId} fires without the comment`);
      assert.ok(!suppressed.includes(ruleId), `${ruleId} is silenced`);
    }
  });

  it('does not take a # inside a value for a comment', () => {
    assert.ok(bothWays('next-line.yaml').suppressed.includes('env-value-conflict'));
  });

  it('silences the rules a file-level comment names, and only those', () => {
    const { suppressed, plain } = bothWays('whole-file.yaml');
    const silenced = ['service-name-missing', 'type-mismatch'];
    assert.ok(silenced.every((ruleId) => plain.includes(ruleId)));
    assert.deepEqual(suppressed, plain.filter((ruleId) => !silenced.includes(ruleId)));
  });

  it('reads ids separated by commas or spaces, with a reason after --', () => {
    const { lines, file } = suppressionsOf('# kube-stateful-disable a,b c -- why\nx: 1\n# kube-stateful-disable-next-line d\n\n# note\ny: 2\n');
    assert.deepEqual(file, new Set(['a', 'b', 'c']));
    assert.deepEqual(lines.get(5), new Set(['d']));
  });
});
