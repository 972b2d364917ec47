import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parentOf, relativeTo, resolvePath, toSlashes } from '../../../../server/src/engine/git/paths';

it('resolves gitdir and commondir paths as git writes them: relative, absolute, with ..', () => {
  assert.equal(resolvePath('/repo/.git/worktrees/wt', '../..'), '/repo/.git');
  assert.equal(resolvePath('/repo/sub', '../.git/modules/sub'), '/repo/.git/modules/sub');
  assert.equal(resolvePath('/repo', '/elsewhere/.git/'), '/elsewhere/.git');
  assert.equal(resolvePath('/repo', '../../../..'), '/');
  assert.equal(resolvePath('C:/work/repo', '..\\other\\.git'), 'C:/work/other/.git');
  assert.equal(resolvePath('C:/work', 'D:/x'), 'D:/x');
});

it('climbs to the root and stops there, on POSIX and Windows paths', () => {
  assert.equal(parentOf('/repo/file.yaml'), '/repo');
  assert.equal(parentOf('/repo'), '/');
  assert.equal(parentOf('/'), undefined);
  assert.equal(parentOf(toSlashes('C:\\repo')), 'C:/');
  assert.equal(parentOf('C:/'), undefined);
});

it('gives a path inside a working tree relative to it, and nothing for one outside', () => {
  assert.equal(relativeTo('/repo', '/repo/deploy/db.yaml'), 'deploy/db.yaml');
  assert.equal(relativeTo('/repo', '/repository/db.yaml'), undefined);
  assert.equal(relativeTo('/', '/db.yaml'), 'db.yaml');
});
