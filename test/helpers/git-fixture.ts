import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * Repositories built by running git, as fixtures for the in-process reader. The product never
 * runs git; only the tests do, to have git itself say what the right answer is.
 */

const ENVIRONMENT = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

export function git(cwd: string, args: string[], input?: string | Buffer): Buffer {
  return execFileSync('git', args, { cwd, env: ENVIRONMENT, input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A temporary folder, removed by `cleanup`. */
export function temporaryFolder(): { folder: string; cleanup: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-git-'));
  return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A new repository on branch `main` that never packs on its own, so loose objects stay loose. */
export function initRepository(folder: string, extra: string[] = []): string {
  mkdirSync(folder, { recursive: true });
  git(folder, ['init', '-q', '-b', 'main', ...extra]);
  git(folder, ['config', 'gc.auto', '0']);
  git(folder, ['config', 'commit.gpgsign', 'false']);
  return folder;
}

/** Writes files (path relative to the repository: content) and commits them all. */
export function commitFiles(repository: string, files: Record<string, string | Buffer>, message: string): string {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
    writeFileSync(path.join(repository, file), content);
  }
  git(repository, ['add', '-A']);
  git(repository, ['commit', '-q', '--allow-empty', '-m', message]);
  return revParse(repository, 'HEAD');
}

export function revParse(repository: string, revision: string): string {
  return git(repository, ['rev-parse', '--verify', '-q', revision]).toString().trim();
}

/** Every `commit:path` of a file in the history, with the blob id and bytes git shows for it. */
export function everyCommittedFile(repository: string): { commit: string; file: string; blob: string; bytes: Buffer }[] {
  const commits = git(repository, ['rev-list', '--all']).toString().trim().split('\n');
  const wanted: { commit: string; file: string }[] = [];
  for (const commit of commits) {
    const listing = git(repository, ['ls-tree', '-r', '-z', commit]).toString().split('\0').filter(Boolean);
    for (const line of listing) {
      const [meta, file] = line.split('\t');
      if (meta.startsWith('100')) wanted.push({ commit, file });
    }
  }
  // One `cat-file --batch` for all of them instead of a `git show` each.
  const output = git(repository, ['cat-file', '--batch'], wanted.map(({ commit, file }) => `${commit}:${file}\n`).join(''));
  let position = 0;
  return wanted.map((entry) => {
    const headerEnd = output.indexOf(0x0a, position);
    const [blob, , size] = output.subarray(position, headerEnd).toString().split(' ');
    const bytes = output.subarray(headerEnd + 1, headerEnd + 1 + Number(size));
    position = headerEnd + 1 + Number(size) + 1;
    return { ...entry, blob, bytes };
  });
}

/** How many entries of each kind the repository's packs hold, read from the packs themselves. */
export function packEntryKinds(repository: string): { whole: number; offsetDeltas: number; refDeltas: number } {
  const packFolder = path.join(repository, '.git', 'objects', 'pack');
  const counts = { whole: 0, offsetDeltas: 0, refDeltas: 0 };
  const indexes = readdirSync(packFolder).filter((name) => name.endsWith('.idx'));
  for (const name of indexes) {
    const index = path.join(packFolder, name);
    const pack = readFileSync(index.replace(/\.idx$/, '.pack'));
    const lines = git(repository, ['show-index'], readFileSync(index)).toString().trim().split('\n');
    for (const line of lines) {
      const type = (pack[Number(line.split(' ')[0])] >> 4) & 7;
      if (type === 6) counts.offsetDeltas++;
      else if (type === 7) counts.refDeltas++;
      else counts.whole++;
    }
  }
  return counts;
}
