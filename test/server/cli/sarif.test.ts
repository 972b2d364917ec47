import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { formatSarif } from '../../../server/src/cli/sarif';
import { ruleDocsUrl } from '../../../server/src/engine/rule-docs-url';
import { rules } from '../../../server/src/engine/rules';
import { validate } from '../../helpers/json-schema-check';
import { ROOT, runCli } from './run-cli';
import { SARIF_SCHEMA } from './sarif-schema';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } }; message: { text: string } }[];
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: Record<string, any>[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

describe('kube-stateful lint --format sarif', () => {
  const run = runCli(['lint', 'examples/', '--format', 'sarif']);
  const log = JSON.parse(run.stdout) as SarifLog;
  const findings = JSON.parse(runCli(['lint', 'examples/', '--format', 'json']).stdout) as JsonFinding[];

  it('prints only a SARIF 2.1.0 log that the standard’s schema accepts, and exits as the text format does', () => {
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(validate(SARIF_SCHEMA, log), []);
  });

  it('describes every rule of the registry, with its documentation and default level', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'kube-stateful');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(driver.rules.map((rule) => rule.id), rules.map((rule) => rule.id));
    const levels = { error: 'error', warning: 'warning', info: 'note' };
    for (const [index, descriptor] of driver.rules.entries()) {
      const rule = rules[index];
      assert.equal(descriptor.shortDescription.text, rule.description);
      assert.equal(descriptor.fullDescription.text, rule.docs.rationale);
      assert.equal(descriptor.helpUri, ruleDocsUrl(rule.id));
      assert.ok(descriptor.help.text.includes(rule.docs.rationale));
      assert.ok(descriptor.help.markdown.includes(`[Documentation](${ruleDocsUrl(rule.id)})`));
      if (rule.docs.bad) assert.ok(descriptor.help.markdown.includes(rule.docs.bad));
      assert.equal(descriptor.defaultConfiguration.level, levels[rule.severity]);
    }
  });

  it('has one result per finding, at the same 1-based positions as the JSON format', () => {
    const results = log.runs[0].results;
    const fromSarif = results.map((result) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      return {
        file: decodeURIComponent(artifactLocation.uri).split('/').join(path.sep),
        line: region.startLine,
        column: region.startColumn,
        endLine: region.endLine,
        endColumn: region.endColumn,
        ruleId: result.ruleId,
        message: result.message.text,
      };
    });
    assert.deepEqual(
      fromSarif,
      findings.map(({ file, line, column, endLine, endColumn, ruleId, message }) => ({
        file,
        line,
        column,
        endLine,
        endColumn,
        ruleId,
        message,
      })),
    );
  });

  it('gives each result its level and the index of its rule', () => {
    const driverRules = log.runs[0].tool.driver.rules;
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };
    for (const [index, result] of log.runs[0].results.entries()) {
      assert.equal(driverRules[result.ruleIndex].id, result.ruleId);
      assert.equal(result.level, levels[findings[index].severity]);
    }
  });

  it('resolves relative paths against the folder it ran in', () => {
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(ROOT + path.sep).href } });
  });

  it('follows a --rule level in the results, keeping the default in the rule metadata', () => {
    const lowered = JSON.parse(
      runCli(['lint', 'examples/broken/service-not-headless.yaml', '--format', 'sarif', '--rule', 'service-not-headless=warning']).stdout,
    ) as SarifLog;
    assert.deepEqual(lowered.runs[0].results.map((result) => result.level), ['warning']);
    const descriptor = lowered.runs[0].tool.driver.rules.find((rule) => rule.id === 'service-not-headless');
    assert.equal(descriptor?.defaultConfiguration.level, 'error');
  });

  it('is a valid log with no results for clean manifests, and exits 0', () => {
    const clean = runCli(['lint', 'examples/web', '--format', 'sarif']);
    assert.equal(clean.status, 0, clean.stderr);
    const cleanLog = JSON.parse(clean.stdout) as SarifLog;
    assert.deepEqual(cleanLog.runs[0].results, []);
    assert.deepEqual(validate(SARIF_SCHEMA, cleanLog), []);
  });
});

describe('SARIF locations', () => {
  const finding = (line: number, related?: string) => ({
    ruleId: 'service-not-headless',
    severity: 'error' as const,
    message: 'Service is not headless',
    range: { start: { line, character: 4 }, end: { line, character: 9 } },
    ...(related
      ? { related: [{ uri: related, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, message: 'The Service' }] }
      : {}),
  });
  const cwd = path.join(path.sep, 'work', 'repo');

  it('encodes relative paths as URI references and uses absolute file URIs outside the folder', () => {
    const log = JSON.parse(
      formatSarif(
        [
          { file: path.join(cwd, 'k8s', 'data base.yaml'), findings: [finding(0)] },
          { file: path.join(path.sep, 'elsewhere', 'db.yaml'), findings: [finding(2)] },
        ],
        cwd,
        rules,
        '1.2.3',
      ),
    ) as SarifLog;
    const locations = log.runs[0].results.map((result) => result.locations[0].physicalLocation);
    assert.deepEqual(locations[0].artifactLocation, { uri: 'k8s/data%20base.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(locations[0].region, { startLine: 1, startColumn: 5, endLine: 1, endColumn: 10 });
    assert.deepEqual(locations[1].artifactLocation, { uri: pathToFileURL(path.join(path.sep, 'elsewhere', 'db.yaml')).href });
    assert.deepEqual(validate(SARIF_SCHEMA, log), []);
  });

  it('lists the related objects of a finding, such as the Service in another file', () => {
    const service = pathToFileURL(path.join(cwd, 'k8s', 'service.yaml')).href;
    const log = JSON.parse(
      formatSarif([{ file: path.join(cwd, 'k8s', 'db.yaml'), findings: [finding(3, service)] }], cwd, rules, '1.2.3'),
    ) as SarifLog;
    const related = log.runs[0].results[0].relatedLocations;
    assert.deepEqual(related?.map((location) => [location.physicalLocation.artifactLocation.uri, location.message.text]), [
      ['k8s/service.yaml', 'The Service'],
    ]);
    assert.deepEqual(validate(SARIF_SCHEMA, log), []);
  });

  it('is rejected by the schema check when a required property is missing', () => {
    const log = JSON.parse(formatSarif([{ file: path.join(cwd, 'db.yaml'), findings: [finding(0)] }], cwd, rules, '1.2.3'));
    delete log.runs[0].results[0].message;
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    const errors = validate(SARIF_SCHEMA, log);
    assert.ok(errors.some((error) => error.includes("/runs/0/results/0: missing required property 'message'")), errors.join('\n'));
    assert.ok(errors.some((error) => error.includes('/region/startLine: below the minimum 1')), errors.join('\n'));
  });
});
