import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { GitFileAccess, Inflate } from '../../../../server/src/engine/git/access';
import type { GitResult } from '../../../../server/src/engine/git/failure';
import { streamInflate } from '../../../../server/src/engine/git/inflate';
import { GitRepository } from '../../../../server/src/engine/git/repository';
import { nodeGitAccess, zlibInflate } from '../../../../server/src/files/git-files';
import { commitFiles, everyCommittedFile, git, initRepository, packEntryKinds, revParse, temporaryFolder } from '../../../helpers/git-fixture';

const INFLATERS: [string, Inflate][] = [
  ['node:zlib', zlibInflate],
  ['DecompressionStream', streamInflate],
];

function value<T>(result: GitResult<T>): T {
  if (!result.ok) assert.fail(`${result.failure.kind}: ${result.failure.message}`);
  return result.value;
}

function failure<T>(result: GitResult<T>): { kind: string; message: string } {
  if (result.ok) assert.fail('expected a failure');
  return result.failure;
}

async function open(file: string, inflate: Inflate = zlibInflate, options: { maxObjectBytes?: number; access?: GitFileAccess } = {}): Promise<GitRepository> {
  return value(await GitRepository.open(options.access ?? nodeGitAccess, file, { inflate, ...options }));
}

function statefulSet(version: number): string {
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    'spec:',
    `  replicas: ${1 + (version % 5)}`,
    '  serviceName: db',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: postgres',
    `          image: postgres:16.${version}`,
    ...Array.from({ length: 40 }, (_, line) => `          # a note that stays the same, line ${line}`),
    '',
  ].join('\n');
}

/** Bytes that do not compress, so that a pack stores them whole. */
function binary(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index++) bytes[index] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

/** A history of many similar versions, so that git stores most of them as deltas. */
function buildHistory(repository: string): void {
  initRepository(repository);
  for (let version = 0; version < 30; version++) {
    const files: Record<string, string | Buffer> = {
      'statefulset.yaml': statefulSet(version),
      'deploy/base/values.yaml': `replicas: ${version}\n${'key: value\n'.repeat(50)}`,
    };
    if (version === 0) Object.assign(files, { 'empty.yaml': '', 'data.bin': binary(7, 3000), 'script.sh': '#!/bin/sh\necho hello\n' });
    if (version === 10) files['later.yaml'] = 'kind: Service\n';
    if (version % 7 === 0) files['deploy/overlay/patch.yaml'] = `version: ${version}\n`;
    commitFiles(repository, files, `version ${version}`);
    if (version === 0) chmodSync(path.join(repository, 'script.sh'), 0o755);
    if (version === 20) git(repository, ['rm', '-q', 'later.yaml']);
  }
  git(repository, ['tag', 'light', 'HEAD~3']);
  git(repository, ['tag', '-a', '-m', 'annotated', 'v1.0', 'HEAD~5']);
}

type CommittedFiles = ReturnType<typeof everyCommittedFile>;

/** Reads every file of every commit and compares it with what git shows. */
async function assertMatchesGit(repository: string, inflate: Inflate, expected: CommittedFiles): Promise<void> {
  const reader = await open(path.join(repository, 'statefulset.yaml'), inflate);
  for (const { commit, file, blob, bytes } of expected) {
    const read = value(await reader.readFile(commit, path.join(repository, file)));
    assert.deepEqual(Buffer.from(read.bytes), bytes, `${commit}:${file}`);
    assert.equal(read.blob, blob);
  }
}

describe('reading committed files in-process', () => {
  const { folder, cleanup } = temporaryFolder();
  const repository = path.join(folder, 'history');
  // Objects keep their ids and bytes however git stores them: what git shows is read once.
  let expected: CommittedFiles = [];
  before(() => {
    buildHistory(repository);
    expected = everyCommittedFile(repository);
  });
  after(cleanup);

  describe('loose objects', () => {
    for (const [name, inflate] of INFLATERS) {
      it(`reads every file of every commit as git shows it (${name})`, async () => {
        assert.equal(packEntryKinds(repository).whole + packEntryKinds(repository).offsetDeltas, 0, 'nothing is packed yet');
        assert.ok(expected.length > 100);
        await assertMatchesGit(repository, inflate, expected);
      });
    }
  });

  describe('a packed repository', () => {
    before(() => git(repository, ['gc', '-q', '--aggressive']));
    for (const [name, inflate] of INFLATERS) {
      it(`reads offset deltas as git shows them (${name})`, async () => {
        const kinds = packEntryKinds(repository);
        assert.ok(kinds.offsetDeltas > 20, `the pack holds offset deltas (${JSON.stringify(kinds)})`);
        await assertMatchesGit(repository, inflate, expected);
      });
    }

    it('resolves packed refs: branches, light and annotated tags', async () => {
      const reader = await open(repository);
      assert.equal(value(await reader.resolve('main')).commit, revParse(repository, 'main'));
      assert.deepEqual(value(await reader.resolve('light')), { commit: revParse(repository, 'HEAD~3'), ref: 'refs/tags/light' });
      assert.deepEqual(value(await reader.resolve('v1.0')), { commit: revParse(repository, 'HEAD~5'), ref: 'refs/tags/v1.0' });
      assert.equal(value(await reader.resolve('refs/heads/main')).commit, revParse(repository, 'main'));
      // A commit after packing writes a loose ref, which wins over the packed line.
      const packedMain = revParse(repository, 'main');
      const next = commitFiles(repository, { 'statefulset.yaml': statefulSet(30) }, 'after packing');
      try {
        assert.equal(value(await reader.resolve('main')).commit, next);
      } finally {
        git(repository, ['reset', '-q', '--hard', packedMain]);
      }
    });

    it('reads a checkout whose .git file points to the repository by a relative path, as submodules do', async () => {
      const linked = path.join(folder, 'linked');
      mkdirSync(linked, { recursive: true });
      writeFileSync(path.join(linked, '.git'), 'gitdir: ../history/.git\n');
      const reader = await open(path.join(linked, 'statefulset.yaml'));
      assert.deepEqual(reader.location, { workTree: linked, gitDir: path.join(repository, '.git'), commonDir: path.join(repository, '.git') });
      assert.equal(Buffer.from(value(await reader.readFile('HEAD', path.join(linked, 'statefulset.yaml'))).bytes).toString(), statefulSet(29));
    });
  });

  describe('a pack of ref deltas, with long chains', () => {
    before(() => git(repository, ['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-a', '-d', '-f', '--depth=50', '--window=50']));
    for (const [name, inflate] of INFLATERS) {
      it(`reads ref deltas as git shows them (${name})`, async () => {
        const kinds = packEntryKinds(repository);
        assert.ok(kinds.refDeltas > 20 && kinds.offsetDeltas === 0, `the pack holds ref deltas only (${JSON.stringify(kinds)})`);
        await assertMatchesGit(repository, inflate, expected);
      });
    }
  });

  it('keeps reading after git gc and repack replace the objects and packs it has seen', async () => {
    const fresh = path.join(folder, 'maintained');
    initRepository(fresh);
    for (let version = 0; version < 4; version++) commitFiles(fresh, { 'statefulset.yaml': statefulSet(version) }, `version ${version}`);
    const reader = await open(fresh);
    const text = async (revision: string) => Buffer.from(value(await reader.readFile(revision, path.join(fresh, 'statefulset.yaml'))).bytes).toString();
    assert.equal(await text('HEAD~3'), statefulSet(0));
    git(fresh, ['gc', '-q']);
    assert.equal(await text('HEAD~2'), statefulSet(1));
    const packs = () => readdirSync(path.join(fresh, '.git', 'objects', 'pack')).filter((name) => name.endsWith('.pack'));
    const before = packs();
    commitFiles(fresh, { 'statefulset.yaml': statefulSet(4) }, 'version 4');
    git(fresh, ['repack', '-q', '-a', '-d']);
    assert.notDeepEqual(packs(), before, 'the pack the reader listed is gone');
    // Not read yet, and listed in the index of the pack that is gone.
    const blob = revParse(fresh, 'HEAD~2:statefulset.yaml');
    assert.equal(Buffer.from(value(await reader.readBlob(blob))).toString(), statefulSet(2));
  });

  it('follows ~N and ^N, and says when they go past the first commit', async () => {
    const reader = await open(repository);
    for (const revision of ['HEAD~', 'HEAD~3', 'HEAD^', 'main~2^', 'HEAD^0', '@~1']) {
      assert.equal(value(await reader.resolve(revision)).commit, revParse(repository, revision.replace('@', 'HEAD')), revision);
    }
    const past = failure(await reader.resolve('HEAD~40'));
    assert.equal(past.kind, 'ref-not-found');
    assert.match(past.message, /'HEAD~40' goes past the start of the history/);
    assert.equal(failure(await reader.resolve('HEAD^2')).kind, 'ref-not-found');
  });

  it('resolves a symbolic HEAD through its branch, and a detached HEAD to its commit', async () => {
    const reader = await open(repository);
    assert.deepEqual(value(await reader.resolve('HEAD')), { commit: revParse(repository, 'main'), ref: 'refs/heads/main' });
    git(repository, ['checkout', '-q', '--detach', 'HEAD~2']);
    try {
      assert.deepEqual(value(await reader.resolve('HEAD')), { commit: revParse(repository, 'main~2'), ref: 'HEAD' });
      const file = value(await reader.readFile('HEAD', path.join(repository, 'statefulset.yaml')));
      assert.equal(Buffer.from(file.bytes).toString(), statefulSet(27));
    } finally {
      git(repository, ['checkout', '-q', 'main']);
    }
  });

  it('accepts a full object id, and asks for all of it when it is abbreviated', async () => {
    const reader = await open(repository);
    const id = revParse(repository, 'HEAD~1');
    assert.deepEqual(value(await reader.resolve(id)), { commit: id });
    assert.deepEqual(value(await reader.resolve(id.toUpperCase())), { commit: id });
    assert.match(failure(await reader.resolve(id.slice(0, 8))).message, /Abbreviated object ids are not read: give all 40 characters/);
  });

  it('says which ref is missing, with how to fetch a remote one', async () => {
    const reader = await open(repository);
    assert.deepEqual(failure(await reader.resolve('nope')), { kind: 'ref-not-found', message: "No ref named 'nope' in this repository." });
    assert.deepEqual(failure(await reader.resolve('origin/main')), {
      kind: 'ref-not-found',
      message: "No ref named 'origin/main' in this repository. If it is a remote branch, fetch it first: git fetch origin main",
    });
    for (const hostile of ['../../../etc/passwd', 'refs/../config', 'HEAD:statefulset.yaml', 'a b', '']) {
      assert.equal(failure(await reader.resolve(hostile)).kind, 'ref-not-found', hostile);
    }
  });

  it('tells a new file, a folder, a symbolic link and a path through a file apart', async () => {
    const reader = await open(repository);
    writeFileSync(path.join(repository, 'new.yaml'), 'kind: Service\n');
    symlinkSync('statefulset.yaml', path.join(repository, 'link.yaml'));
    commitFiles(repository, {}, 'a link');
    try {
      assert.deepEqual(failure(await reader.readFile('HEAD~1', path.join(repository, 'new.yaml'))), { kind: 'path-not-found', message: 'new.yaml is not in HEAD~1.' });
      assert.equal(failure(await reader.readFile('HEAD', path.join(repository, 'deploy'))).kind, 'not-a-file');
      assert.match(failure(await reader.readFile('HEAD', path.join(repository, 'link.yaml'))).message, /link.yaml is a symbolic link in HEAD, not a file/);
      assert.equal(failure(await reader.readFile('HEAD', path.join(repository, 'statefulset.yaml', 'inner'))).kind, 'path-not-found');
      assert.equal(failure(await reader.readFile('HEAD', path.join(folder, 'elsewhere.yaml'))).kind, 'path-not-found');
      assert.equal(failure(await reader.readFile('HEAD~25', path.join(repository, 'later.yaml'))).kind, 'path-not-found');
    } finally {
      git(repository, ['reset', '-q', '--hard', 'HEAD~1']);
    }
  });

  it('reads a git worktree checkout: its own HEAD, the shared branches and objects', async () => {
    const checkout = path.join(folder, 'feature-checkout');
    git(repository, ['worktree', 'add', '-q', '-b', 'feature', checkout, 'HEAD~4']);
    commitFiles(checkout, { 'statefulset.yaml': statefulSet(99) }, 'on the feature branch');
    const reader = await open(path.join(checkout, 'statefulset.yaml'));
    assert.equal(reader.location.commonDir, path.join(repository, '.git'));
    assert.deepEqual(value(await reader.resolve('HEAD')), { commit: revParse(checkout, 'HEAD'), ref: 'refs/heads/feature' });
    assert.equal(value(await reader.resolve('main')).commit, revParse(repository, 'main'));
    assert.equal(Buffer.from(value(await reader.readFile('HEAD', path.join(checkout, 'statefulset.yaml'))).bytes).toString(), statefulSet(99));
    assert.equal(Buffer.from(value(await reader.readFile('main', path.join(checkout, 'statefulset.yaml'))).bytes).toString(), statefulSet(29));
    // The main checkout's HEAD is not the worktree's.
    assert.equal(value(await (await open(repository)).resolve('HEAD')).ref, 'refs/heads/main');
  });

  it('reads a clone: its remote branches, and says a shallow clone lacks the history', async () => {
    const clone = path.join(folder, 'shallow');
    git(folder, ['clone', '-q', '--depth=1', `file://${repository}`, clone]);
    const reader = await open(clone);
    assert.equal(value(await reader.resolve('origin/main')).commit, revParse(repository, 'main'));
    assert.equal(value(await reader.resolve('origin')).commit, revParse(repository, 'main'));
    assert.equal(value(await reader.readFile('origin/main', path.join(clone, 'statefulset.yaml'))).blob, revParse(repository, 'main:statefulset.yaml'));
    const missing = failure(await reader.resolve('HEAD~1'));
    assert.equal(missing.kind, 'object-missing');
    assert.match(missing.message, /the clone is shallow\. Fetch more history/);
  });
});

describe('repositories the reader does not handle', () => {
  const { folder, cleanup } = temporaryFolder();
  after(cleanup);

  it('says a file is in no repository', async () => {
    const outside = path.join(folder, 'plain', 'file.yaml');
    mkdirSync(path.dirname(outside), { recursive: true });
    writeFileSync(outside, 'kind: Service\n');
    assert.deepEqual(failure(await GitRepository.open(nodeGitAccess, outside, { inflate: zlibInflate })), {
      kind: 'no-repository',
      message: `${outside} is not in a git repository.`,
    });
  });

  it('says a branch without commits has none yet', async () => {
    const empty = initRepository(path.join(folder, 'unborn'));
    assert.deepEqual(failure(await (await open(empty)).resolve('HEAD')), { kind: 'ref-not-found', message: "HEAD names branch 'main', which has no commits yet." });
  });

  it('refuses a SHA-256 repository with a clear reason', async () => {
    const sha256 = initRepository(path.join(folder, 'sha256'), ['--object-format=sha256']);
    commitFiles(sha256, { 'a.yaml': 'a: 1\n' }, 'first');
    assert.deepEqual(failure(await GitRepository.open(nodeGitAccess, sha256, { inflate: zlibInflate })), {
      kind: 'unsupported',
      message: 'This repository uses sha256 object ids, which Kube Stateful cannot read.',
    });
  });

  it('reports a corrupt object as such, without throwing', async () => {
    const repository = initRepository(path.join(folder, 'corrupt'));
    commitFiles(repository, { 'a.yaml': 'a: 1\n' }, 'first');
    const blob = revParse(repository, 'HEAD:a.yaml');
    const file = path.join(repository, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'not zlib at all');
    for (const [, inflate] of INFLATERS) {
      assert.deepEqual(failure(await (await open(repository, inflate)).readFile('HEAD', path.join(repository, 'a.yaml'))), {
        kind: 'corrupt',
        message: `The zlib data of object ${blob} is corrupt.`,
      });
    }
    rmSync(file);
    assert.match(failure(await (await open(repository)).readFile('HEAD', path.join(repository, 'a.yaml'))).message, new RegExp(`The git object ${blob} is not in the repository\\.`));
  });

  for (const packed of [false, true]) {
    it(`stops at the size limit instead of inflating a huge ${packed ? 'packed' : 'loose'} blob`, async () => {
      const repository = initRepository(path.join(folder, `huge-${packed}`));
      commitFiles(repository, { 'big.yaml': 'x'.repeat(200_000), 'small.yaml': 'a: 1\n' }, 'first');
      if (packed) git(repository, ['gc', '-q']);
      for (const [, inflate] of INFLATERS) {
        const reader = await open(repository, inflate, { maxObjectBytes: 50_000 });
        assert.equal(failure(await reader.readFile('HEAD', path.join(repository, 'big.yaml'))).kind, 'too-large');
        assert.equal(Buffer.from(value(await reader.readFile('HEAD', path.join(repository, 'small.yaml'))).bytes).toString(), 'a: 1\n');
      }
    });
  }

  it('reads an object once: a second read of the same blob is served from the cache', async () => {
    const repository = initRepository(path.join(folder, 'cache'));
    commitFiles(repository, { 'a.yaml': 'a: 1\n' }, 'first');
    let reads = 0;
    const counting: GitFileAccess = {
      ...nodeGitAccess,
      read: (file) => (reads++, nodeGitAccess.read(file)),
      readSlice: (file, offset, length) => (reads++, nodeGitAccess.readSlice(file, offset, length)),
    };
    const reader = await open(repository, zlibInflate, { access: counting });
    const first = value(await reader.readFile('HEAD', path.join(repository, 'a.yaml')));
    const before = reads;
    assert.deepEqual(value(await reader.readBlob(first.blob)), first.bytes);
    assert.equal(reads, before);
  });
});
