import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isRefName } from '../../../../server/src/engine/git/refs';

it('accepts the ref names git accepts', () => {
  for (const name of ['HEAD', 'main', 'origin/main', 'refs/heads/feature/x', 'v1.0', 'release-2026']) assert.ok(isRefName(name), name);
});

it('refuses names git refuses, which also keeps a name inside the git folder', () => {
  for (const name of ['', '../config', 'refs/../../x', '/etc/passwd', 'a//b', 'main.lock', '.hidden', 'a b', 'main~1', 'a:b', 'x@{1}', 'end/', 'end.', 'a\\b']) {
    assert.ok(!isRefName(name), name);
  }
});
