import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from './run-cli';

const HELP_HINT = "Run 'kube-stateful --help' for usage.";

describe('kube-stateful usage errors', () => {
  const cases: { name: string; args: string[]; message: string }[] = [
    {
      name: 'a path that does not exist',
      args: ['lint', 'examples/no-such-folder'],
      message: "Cannot read 'examples/no-such-folder': no such file or folder.",
    },
    {
      name: 'a glob that matches nothing',
      args: ['lint', 'examples/**/*.json'],
      message: "No files match the pattern 'examples/**/*.json'.",
    },
    { name: 'an unknown command', args: ['check', 'examples/'], message: "Unknown command 'check'." },
    { name: 'no command', args: [], message: 'No command given.' },
    {
      name: 'an unknown --format',
      args: ['lint', 'examples/web', '--format', 'xml'],
      message: "Unknown format 'xml': use text, json, sarif or github.",
    },
    {
      name: 'a --max-warnings that is not a count',
      args: ['lint', 'examples/web', '--max-warnings', 'many'],
      message: "--max-warnings takes a number of 0 or more, not 'many'.",
    },
    {
      name: 'an option of lint given to schema',
      args: ['schema', '--format', 'json'],
      message: "The option --format does not apply to 'schema'.",
    },
    {
      name: 'an option of schema given to lint',
      args: ['lint', 'examples/web', '--out', 'schema.json'],
      message: "The option --out does not apply to 'lint'.",
    },
    {
      name: 'a path given to schema',
      args: ['schema', 'examples/'],
      message: "'schema' takes no paths: got 'examples/'. Use --out <file> to write a file.",
    },
    {
      name: 'an unknown --reorder for build',
      args: ['build', 'test/fixtures/kustomize/generated-secret/overlay', '--reorder', 'kind'],
      message: "Unknown order 'kind' for --reorder: use legacy or none.",
    },
    {
      name: 'a build folder without a kustomization',
      args: ['build', 'examples/web'],
      message: "'examples/web' holds no kustomization.yaml, kustomization.yml or Kustomization.",
    },
    {
      name: 'an option of lint given to build',
      args: ['build', 'examples/web', '--format', 'json'],
      message: "The option --format does not apply to 'build'.",
    },
    {
      name: 'an unknown rule in --rule',
      args: ['lint', 'examples/web', '--rule', 'service-missing=off'],
      message: "Unknown rule 'service-missing' in --rule service-missing=off.",
    },
    {
      name: 'a bad level in --rule',
      args: ['lint', 'examples/web', '--rule', 'service-not-found=fatal'],
      message: 'Unknown level in --rule service-not-found=fatal: use off, info, warning or error.',
    },
    {
      name: 'a --rule without a level',
      args: ['lint', 'examples/web', '--rule', 'service-not-found'],
      message: 'Unknown level in --rule service-not-found: use off, info, warning or error.',
    },
  ];

  for (const { name, args, message } of cases) {
    it(`exits 2 and explains on stderr: ${name}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `kube-stateful: ${message}\n${HELP_HINT}\n`);
    });
  }

  it('exits 2 for an option it does not know', () => {
    const run = runCli(['lint', 'examples/web', '--colour']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^kube-stateful: .*--colour/);
    assert.ok(run.stderr.endsWith(`${HELP_HINT}\n`), run.stderr);
  });
});

describe('kube-stateful --help and --version', () => {
  for (const flag of ['--help', '-h']) {
    it(`${flag} exits 0 and prints the usage`, () => {
      const run = runCli([flag]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^kube-stateful \d+\.\d+\.\d+/);
      assert.match(run.stdout, /Usage:\n\s+kube-stateful lint \[options\] \[paths or globs\.\.\.\]\n\s+kube-stateful render \[options\] <chart folder>\n\s+kube-stateful build \[--reorder <order>\] \[kustomization folder\]\n\s+kube-stateful schema \[--out <file>\]/);
      for (const option of ['--format', '--max-warnings', '--default-namespace', '--kubernetes-version', '--rule', '--values', '--set', '--set-string', '--set-file', '--set-json', '--release-name', '--reorder', '--out']) {
        assert.ok(run.stdout.includes(option), option);
      }
      for (const format of ['text', 'json', 'sarif', 'github']) assert.ok(run.stdout.includes(format), format);
    });
  }

  it('--help wins over a command with bad arguments', () => {
    const run = runCli(['lint', 'examples/no-such-folder', '--help']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Usage:/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(['--version']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${version}\n`);
  });
});
