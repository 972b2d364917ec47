import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { validate } from '../../helpers/json-schema-check';
import { ROOT, runCli } from './run-cli';
import { SARIF_SCHEMA } from './sarif-schema';

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const EXAMPLES = path.join(ROOT, 'examples');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

/** The arguments a shell command gives kube-stateful, and the file its output is redirected to. */
function kubeStatefulCall(command: string): { pin: string; args: string[]; redirect?: string } {
  const match = /npx --yes kube-stateful@(\S+) ([^>|]+?)\s*(?:> (\S+))?\s*(?:\|\|.*)?$/.exec(command);
  assert.ok(match, `a kube-stateful call: ${command}`);
  return { pin: match[1], args: match[2].split(/\s+/), redirect: match[3] };
}

describe('docs/github-workflow.yml', () => {
  const workflow = parse(readFileSync(path.join(ROOT, 'docs', 'github-workflow.yml'), 'utf8')) as {
    jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
  };
  const calls = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.run?.includes('kube-stateful')));

  it('pins the version of this package', () => {
    assert.equal(calls.length, 2);
    for (const step of calls) assert.equal(kubeStatefulCall(step.run!).pin, version);
  });

  it('annotates with --format github and fails on warnings, with arguments the CLI accepts', () => {
    const { args } = kubeStatefulCall(calls[0].run!);
    assert.deepEqual(args, ['lint', '.', '--format', 'github', '--max-warnings', '0']);
    const run = runCli(args, EXAMPLES);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^::error file=broken\//m);
  });

  it('uploads the SARIF file it writes, and lets only exit status 1 pass', () => {
    const job = workflow.jobs['code-scanning'];
    const { args, redirect } = kubeStatefulCall(calls[1].run!);
    assert.match(calls[1].run!, /\|\| \[ \$\? -eq 1 \]$/);
    const upload = job.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, redirect);
    assert.equal(job.permissions?.['security-events'], 'write');
    const run = runCli(args, EXAMPLES);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(validate(SARIF_SCHEMA, JSON.parse(run.stdout)), []);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('defines the kube-stateful hook, run by node from this package', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'kube-stateful');
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'kube-stateful lint');
    const files = new RegExp(String(hook.files));
    assert.ok(files.test('k8s/db.yaml') && files.test('db.yml') && !files.test('values.json'));
  });

  it('checks the repository as a whole, since a StatefulSet’s Service may be in a file the commit leaves alone', () => {
    assert.equal(hooks[0].pass_filenames, false);
    const [command, ...args] = String(hooks[0].entry).split(' ');
    assert.equal(command, 'kube-stateful');
    const run = runCli(args, path.join(EXAMPLES, 'web'));
    assert.equal(run.status, 0, run.stderr);
  });

  it('is built into the package npm packs, since pre-commit installs the hook with npm pack', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      bin: Record<string, string>;
    };
    assert.equal(manifest.scripts.prepack, 'npm run build');
    assert.equal(manifest.bin['kube-stateful'], 'dist/cli.js');
  });
});
