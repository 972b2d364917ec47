import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { configFrom, type EngineConfig } from '../../server/src/engine/config';
import { ruleById } from '../../server/src/engine/rules';
import type { Finding, Range } from '../../server/src/engine/types';
import { buildAll } from '../../server/src/engine/kustomize/workspace-builds';
import type { BaseVersion } from '../../server/src/engine/workspace/base-versions';
import { Workspace } from '../../server/src/engine/workspace/workspace';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export interface RuleCase {
  /** Fixture paths below test/fixtures; the first is the file checked, the others are its workspace. */
  files: string[];
  config?: Partial<EngineConfig>;
  /** Builds the kustomizations among the files first, as the language server and the CLI do. */
  kustomize?: boolean;
  /** A fixture path: the committed version of the first file, which `immutable-field-changed` compares with. */
  base?: string;
}

export interface ExpectedFinding {
  /** `line:col-line:col`, 1-based as editors show it. */
  range: string;
  message: string;
  related?: { file: string; range: string }[];
  /** When the finding's severity is not the rule's default. */
  severity?: Finding['severity'];
}

export function fixtureUri(fixture: string): string {
  return `file:///fixtures/${fixture}`;
}

export function workspaceOf(files: readonly string[], config: Partial<EngineConfig> = {}, kustomize = false): Workspace {
  const workspace = new Workspace({ ...configFrom(undefined), ...config });
  for (const file of files) workspace.set(fixtureUri(file), readFileSync(path.join(FIXTURES, file), 'utf8'));
  if (kustomize) buildAll(workspace);
  return workspace;
}

/** The findings of one rule for the first file of a case. */
export function findingsOf(ruleId: string, testCase: RuleCase): Finding[] {
  const workspace = workspaceOf(testCase.files, testCase.config, testCase.kustomize);
  if (testCase.base) workspace.setBase(fixtureUri(testCase.files[0]), committedFixture(testCase.base));
  return analyze(workspace, fixtureUri(testCase.files[0])).filter((finding) => finding.ruleId === ruleId);
}

/** A fixture as the committed version of a file, opened from its own URI in the tests. */
export function committedFixture(fixture: string): BaseVersion {
  return { kind: 'committed', text: readFileSync(path.join(FIXTURES, fixture), 'utf8'), uri: fixtureUri(fixture), revision: 'HEAD' };
}

export function formatRange(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** ESLint-style: valid cases yield no finding of the rule, invalid ones exactly the findings listed. */
export function testRule(
  ruleId: string,
  cases: { valid: (RuleCase & { name: string })[]; invalid: (RuleCase & { name: string; findings: ExpectedFinding[] })[] },
): void {
  const rule = ruleById(ruleId);
  describe(ruleId, () => {
    it('is registered', () => assert.ok(rule, `rule ${ruleId} is in the registry`));
    for (const testCase of cases.valid) {
      it(`accepts: ${testCase.name}`, () => assert.deepEqual(findingsOf(ruleId, testCase).map(summary), []));
    }
    for (const testCase of cases.invalid) {
      it(`reports: ${testCase.name}`, () => {
        const actual = findingsOf(ruleId, testCase);
        assert.deepEqual(
          actual.map(summary),
          testCase.findings.map((expected) => ({
            range: expected.range,
            message: expected.message,
            ...(expected.related ? { related: expected.related } : {}),
          })),
        );
        assert.deepEqual(
          actual.map((finding) => finding.severity),
          testCase.findings.map((expected) => expected.severity ?? rule?.severity),
        );
      });
    }
  });
}

function summary(finding: Finding): { range: string; message: string; related?: { file: string; range: string }[] } {
  return {
    range: formatRange(finding.range),
    message: finding.message,
    ...(finding.related
      ? {
          related: finding.related.map((related) => ({
            file: related.uri.replace('file:///fixtures/', ''),
            range: formatRange(related.range),
          })),
        }
      : {}),
  };
}
