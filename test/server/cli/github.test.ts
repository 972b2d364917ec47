import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { escapeData, escapeProperty, formatGithub } from '../../../server/src/cli/github-annotations';
import { runCli } from './run-cli';

const ANNOTATION = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z0-9-]+)::(.+)$/;

/** What the Actions runner does with an escaped value. */
function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('kube-stateful lint --format github', () => {
  const run = runCli(['lint', 'examples/', '--format', 'github']);
  const json = JSON.parse(runCli(['lint', 'examples/', '--format', 'json']).stdout) as Record<string, string | number>[];

  it('prints one workflow command per finding, at the positions and levels of the JSON format', () => {
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const commands = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
    assert.deepEqual(
      lines.map((line) => {
        const match = ANNOTATION.exec(line);
        assert.ok(match, `an annotation: ${line}`);
        const [, command, file, row, column, endLine, endColumn, title, message] = match;
        return { command, file, line: +row, column: +column, endLine: +endLine, endColumn: +endColumn, title, message: unescape(message) };
      }),
      json.map((finding) => ({
        command: commands[finding.severity as string],
        file: String(finding.file).split(path.sep).join('/'),
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        title: finding.ruleId,
        message: finding.message,
      })),
    );
  });

  it('writes the summary to stderr, where it shows in the job log', () => {
    assert.match(run.stderr, /^\d+ problems \(/);
  });
});

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in a message, so that it stays one command', () => {
    assert.equal(escapeData('100% sure\r\nnext: a, b'), '100%25 sure%0D%0Anext: a, b');
  });

  it('also escapes : and , in a property, which would end the value', () => {
    assert.equal(escapeProperty('dir,1/a:b%.yaml'), 'dir%2C1/a%3Ab%25.yaml');
  });

  it('escapes the file and message of a finding', () => {
    const cwd = path.join(path.sep, 'repo');
    const output = formatGithub(
      [
        {
          file: path.join(cwd, 'k8s', 'a,b:c.yaml'),
          findings: [
            {
              ruleId: 'inline-secret',
              severity: 'info',
              message: 'Line one\nline two: 50%',
              range: { start: { line: 2, character: 0 }, end: { line: 3, character: 5 } },
            },
          ],
        },
      ],
      cwd,
    );
    assert.equal(
      output,
      '::notice file=k8s/a%2Cb%3Ac.yaml,line=3,col=1,endLine=4,endColumn=6,title=inline-secret::Line one%0Aline two: 50%25\n',
    );
  });
});
