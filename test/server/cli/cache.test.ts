import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DEFAULT_CACHE_NAME } from '../../../server/src/cli/cache/cache-file';
import { diskIo, type LintIo } from '../../../server/src/cli/cache/cached-lint';
import { lintCommand } from '../../../server/src/cli/lint-command';
import { generateWorkspace } from '../../../scripts/bench/inputs';
import { seededRandom } from '../../../scripts/bench/random';
import { writeWorkspace } from '../../../scripts/bench/workspace';
import { ROOT, runCli } from './run-cli';

/*
 * `lint --cache` on a copy of a workspace: what it reads is counted through the reader the
 * command takes, and its output is compared with a run without the cache over the same files.
 */

const MYSQL = path.join(ROOT, 'test', 'fixtures', 'workspaces', 'mysql-split');
const LABEL_PATCH = path.join(ROOT, 'test', 'fixtures', 'kustomize', 'label-patch');
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-cache-'));
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  /** The files read, relative to the workspace. */
  reads: string[];
}

async function lint(options: { cache?: boolean; cacheLocation?: string; version?: string; format?: string } = {}): Promise<Run> {
  const reads: string[] = [];
  const io: LintIo = { ...diskIo, read: (file) => (reads.push(path.relative(folder, file)), diskIo.read(file)) };
  let stdout = '';
  let stderr = '';
  const output = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const args = { paths: ['.'], rules: [], format: options.format, cache: options.cache ?? true, cacheLocation: options.cacheLocation };
  const status = await lintCommand(args, folder, options.version ?? '1.0.0', output, undefined, io);
  return { status, stdout, stderr, reads: reads.sort() };
}

/** Writes a file with a later modification time, as an editor saving it some time after the last run does. */
let clock = Date.now() / 1000;
function edit(relative: string, text: string): void {
  const file = path.join(folder, relative);
  writeFileSync(file, text);
  clock += 10;
  utimesSync(file, clock, clock);
}

function uncached(): Promise<Run> {
  return lint({ cache: false });
}

describe('kube-stateful lint --cache', () => {
  it('reads no file on a second run over an unchanged tree, and prints what a run without the cache prints', async () => {
    cpSync(MYSQL, folder, { recursive: true });
    writeFileSync(path.join(folder, 'settings.yaml'), CONFIG_MAP);
    const first = await lint();
    assert.deepEqual(first.reads, ['pdb.yaml', 'service.yaml', 'settings.yaml', 'statefulset.yaml']);
    assert.ok(existsSync(path.join(folder, DEFAULT_CACHE_NAME)), 'the cache is written in the current folder');
    const written = statSync(path.join(folder, DEFAULT_CACHE_NAME)).mtimeMs;
    const second = await lint();
    assert.deepEqual(second.reads, []);
    assert.equal(statSync(path.join(folder, DEFAULT_CACHE_NAME)).mtimeMs, written, 'a run that learnt nothing leaves the cache as it was');
    const plain = await uncached();
    assert.match(plain.stdout, /service-not-headless/);
    for (const run of [first, second]) assert.deepEqual([run.status, run.stdout, run.stderr], [plain.status, plain.stdout, plain.stderr]);
    const json = await lint({ format: 'json' });
    assert.deepEqual(json.reads, []);
    assert.equal(json.stdout, (await lint({ cache: false, format: 'json' })).stdout);
  });

  it('re-reads a changed file and not an unrelated unchanged one', async () => {
    cpSync(MYSQL, folder, { recursive: true });
    writeFileSync(path.join(folder, 'settings.yaml'), CONFIG_MAP);
    await lint();
    edit('settings.yaml', CONFIG_MAP.replace('fast', 'slow'));
    const run = await lint();
    assert.deepEqual(run.reads, ['settings.yaml']);
    assert.equal(run.stdout, (await uncached()).stdout);
  });

  it('checks again the unchanged StatefulSet whose Service changed, and finds what a full run finds', async () => {
    cpSync(MYSQL, folder, { recursive: true });
    writeFileSync(path.join(folder, 'settings.yaml'), CONFIG_MAP);
    const before = await lint();
    assert.match(before.stdout, /statefulset\.yaml:\d+:\d+ \w+ service-not-headless/);
    const service = readFileSync(path.join(folder, 'service.yaml'), 'utf8');
    edit('service.yaml', service.replace('spec:\n', 'spec:\n  clusterIP: None\n'));
    const after = await lint();
    assert.doesNotMatch(after.stdout, /service-not-headless/);
    assert.ok(after.reads.includes('statefulset.yaml') && !after.reads.includes('settings.yaml'), after.reads.join(', '));
    assert.equal(after.stdout, (await uncached()).stdout);
  });

  it('notices a Service deleted, on the StatefulSet that named it', async () => {
    cpSync(MYSQL, folder, { recursive: true });
    await lint();
    rmSync(path.join(folder, 'service.yaml'));
    const run = await lint();
    assert.match(run.stdout, /service-not-found/);
    assert.equal(run.stdout, (await uncached()).stdout);
  });

  it('checks every file again when a kustomize base changes, as its builds may change', async () => {
    cpSync(LABEL_PATCH, folder, { recursive: true });
    const first = await lint();
    assert.equal(first.stdout, (await uncached()).stdout);
    assert.match(first.stdout, /selector-template-mismatch/);
    const statefulSet = readFileSync(path.join(folder, 'base', 'statefulset.yaml'), 'utf8');
    edit('base/statefulset.yaml', statefulSet.replace(/replicas: \d+/, 'replicas: 5').replace('serviceName:', 'serviceName: other\n  x-removed:'));
    const run = await lint();
    assert.ok(run.reads.includes('base/statefulset.yaml'));
    const plain = await uncached();
    assert.notEqual(plain.stdout, first.stdout, 'the edit changes the findings');
    assert.equal(run.stdout, plain.stdout);
    assert.equal(run.stderr, plain.stderr);
  });

  it('ignores a corrupt cache and writes a good one in its place', async () => {
    cpSync(MYSQL, folder, { recursive: true });
    const cacheFile = path.join(folder, DEFAULT_CACHE_NAME);
    for (const garbage of ['{"format": 1, "files": ', '\u0000\u0001binary', JSON.stringify({ format: 1, version: '1.0.0', files: { x: 1 } })]) {
      writeFileSync(cacheFile, garbage);
      const run = await lint();
      assert.equal(run.reads.length, 3, 'every file is read');
      assert.equal(run.stdout, (await uncached()).stdout);
      assert.equal(JSON.parse(readFileSync(cacheFile, 'utf8')).format, 1);
    }
    // An entry of the wrong shape in a cache that is otherwise good is read again, not trusted.
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    cache.files[path.join(folder, 'service.yaml')].findings = 'none';
    writeFileSync(cacheFile, JSON.stringify(cache));
    const run = await lint();
    assert.ok(run.reads.includes('service.yaml'));
    assert.equal(run.stdout, (await uncached()).stdout);
  });

  it('drops the cache of another version of kube-stateful', async () => {
    cpSync(MYSQL, folder, { recursive: true });
    await lint({ version: '1.0.0' });
    assert.deepEqual((await lint({ version: '1.0.0' })).reads, []);
    assert.equal((await lint({ version: '1.1.0' })).reads.length, 3);
    assert.deepEqual((await lint({ version: '1.1.0' })).reads, []);
  });

  it('keeps the cache in a folder --cache-location names, and says so when it cannot write it', async () => {
    cpSync(MYSQL, folder, { recursive: true });
    mkdirSync(path.join(folder, 'caches'));
    await lint({ cacheLocation: 'caches' });
    assert.ok(existsSync(path.join(folder, 'caches', DEFAULT_CACHE_NAME)));
    assert.deepEqual((await lint({ cacheLocation: 'caches/' })).reads, []);
    await lint({ cacheLocation: 'named.cache' });
    assert.ok(existsSync(path.join(folder, 'named.cache')));
    writeFileSync(path.join(folder, 'blocker'), '');
    const blocked = await lint({ cacheLocation: 'blocker/sub/cache' });
    assert.match(blocked.stderr, /could not write the cache/);
    assert.equal(blocked.stdout, (await uncached()).stdout);
  });

  it('takes --cache and --cache-location on the command line', () => {
    cpSync(MYSQL, folder, { recursive: true });
    const plain = runCli(['lint', '.'], folder);
    const cached = runCli(['lint', '--cache', '--cache-location', 'out/', '.'], folder);
    assert.ok(existsSync(path.join(folder, 'out', DEFAULT_CACHE_NAME)));
    const again = runCli(['lint', '--cache', '--cache-location', 'out/', '.'], folder);
    for (const run of [cached, again]) assert.deepEqual([run.status, run.stdout, run.stderr], [plain.status, plain.stdout, plain.stderr]);
  });

  it('prints what a run without the cache prints after each of a series of random edits to a generated workspace', async () => {
    writeWorkspace(folder, generateWorkspace(20, 60));
    cpSync(LABEL_PATCH, path.join(folder, 'kustomized'), { recursive: true });
    const random = seededRandom(7);
    const yamlFiles = () => (readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith('.yaml')).sort();
    // Each edit changes what other files' checks read: a Service's type or name, replicas, a file gone or new.
    const replacements: [RegExp, string | (() => string)][] = [
      [/clusterIP: None/, 'type: ClusterIP'],
      [/type: ClusterIP/, 'clusterIP: None'],
      [/^( {2}name: )(\S+)$/m, '$1$2-renamed'],
      [/^( {2}name: )(\S+)-renamed$/m, '$1$2'],
      [/replicas: \d+/, () => `replicas: ${random.between(0, 5)}`],
    ];
    const texts = () => yamlFiles().map((file) => ({ file, text: readFileSync(path.join(folder, file), 'utf8') }));
    await lint();
    let partial = 0;
    for (let round = 0; round < 30; round++) {
      const choice = random.between(0, replacements.length + 1);
      const [pattern, replacement] = replacements[choice] ?? [];
      const candidates = pattern ? texts().filter(({ text }) => pattern.test(text)) : [];
      let described: string;
      if (candidates.length > 0) {
        const { file, text } = random.pick(candidates);
        edit(file, text.replace(pattern!, typeof replacement === 'string' ? replacement : replacement!()));
        described = `${pattern} in ${file}`;
      } else {
        const file = random.pick(yamlFiles());
        if (choice <= replacements.length) edit(file.replace(/\.yaml$/, '-copy.yaml'), readFileSync(path.join(folder, file), 'utf8'));
        else rmSync(path.join(folder, file));
        described = `${choice <= replacements.length ? 'copied' : 'deleted'} ${file}`;
      }
      const cached = await lint();
      const plain = await uncached();
      if (cached.reads.length < plain.reads.length) partial++;
      assert.deepEqual([cached.status, cached.stdout, cached.stderr], [plain.status, plain.stdout, plain.stderr], `round ${round}: ${described}`);
    }
    assert.ok(partial > 0, 'some runs read fewer files than a full run');
  });
});
