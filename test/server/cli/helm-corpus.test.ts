import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { CORPUS, differingLines, REFERENCES } from '../engine/helm/chart/corpus';
import { parseText, runCli } from './run-cli';

/** `lint` and `render` arguments for one reference: the chart, and its `_values` file for a variant. */
function chartArguments(chart: string, variant: string): string[] {
  const chartFolder = path.join(CORPUS, chart);
  return variant === 'default' ? [chartFolder] : [chartFolder, '--values', path.join(CORPUS, '_values', `${chart}-${variant}.yaml`)];
}

/**
 * Reads of values paths that the chart's values.yaml does not define, all in the upstream
 * templates: typos beside a guard on the right name (kafka, and the `rts.` prefix copied into
 * cassandra and zookeeper, which fails to render once `extraEgress` is set), a deprecated key
 * read alone (rabbitmq), and reads that only ever give nil (mongodb, postgresql).
 */
const UNDEFINED_VALUES_READS: Record<string, readonly string[]> = {
  cassandra: ['cassandra/templates/networkpolicy.yaml:44:58'],
  kafka: ['kafka/templates/broker/networkpolicy.yaml:88:78', 'kafka/templates/controller-eligible/networkpolicy.yaml:94:78'],
  mongodb: ['mongodb/templates/update-password/new-secret.yaml:12:29'],
  postgresql: ['postgresql/templates/backup/networkpolicy.yaml:18:77'],
  rabbitmq: ['rabbitmq/templates/statefulset.yaml:239:25'],
  zookeeper: ['zookeeper/templates/networkpolicy.yaml:42:58'],
};

describe('kube-stateful lint on each corpus chart and values variant', () => {
  for (const [chart, variant] of REFERENCES) {
    it(`${chart} with ${variant} values`, () => {
      const run = runCli(['lint', ...chartArguments(chart, variant)], CORPUS);
      const findings = parseText(run.stdout).map(({ file, line, column, ruleId }) => `${file}:${line}:${column} ${ruleId}`);
      // The one true finding of the corpus: that StatefulSet's serviceName names a ClusterIP Service.
      const headless = chart === 'mongodb' && variant === 'standalone-sts' ? ['mongodb/templates/standalone/dep-sts.yaml:22:16 service-not-headless'] : [];
      const undefinedReads = (UNDEFINED_VALUES_READS[chart] ?? []).map((location) => `${location} helm-values-undefined`);
      assert.deepEqual(findings.sort(), [...headless, ...undefinedReads].sort(), run.stderr);
      assert.equal(run.status, headless.length > 0 ? 1 : 0);
    });
  }
});

describe('kube-stateful render', () => {
  for (const [chart, variant] of [['zookeeper', 'default'], ['mongodb', 'standalone-sts']] as const) {
    it(`prints ${chart} with ${variant} values as the reference render does`, () => {
      const run = runCli(['render', ...chartArguments(chart, variant)], CORPUS);
      assert.equal(run.status, 0, run.stderr);
      const reference = readFileSync(path.join(CORPUS, '_rendered', `${chart}-${variant}.yaml`), 'utf8');
      assert.deepEqual(differingLines(run.stdout, reference), []);
    });
  }

  it('reports a template that fails on stderr with its position, and exits 1', () => {
    const chart = mkdtempSync(path.join(os.tmpdir(), 'kube-stateful-render-'));
    after(() => rmSync(chart, { recursive: true, force: true }));
    mkdirSync(path.join(chart, 'templates'));
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: needs-name\nversion: 1.0.0\n');
    writeFileSync(path.join(chart, 'templates', 'configmap.yaml'), 'kind: ConfigMap\ndata:\n  name: {{ required "name is required" .Values.name }}\n');
    const run = runCli(['render', chart]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /templates[/\\]configmap\.yaml:3:12 error helm-render-error .*name is required/);
    assert.equal(runCli(['render', chart, '--set', 'name=orders']).status, 0);
  });

  it('renders with --set-string, --set-json and --set-file, the file read relative to the current folder', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'kube-stateful-set-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    const chart = path.join(folder, 'conf');
    mkdirSync(path.join(chart, 'templates'), { recursive: true });
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: conf\nversion: 1.0.0\n');
    writeFileSync(path.join(chart, 'values.yaml'), 'tag: latest\nlimits: {memory: 1Gi}\n');
    writeFileSync(path.join(chart, 'templates', 'configmap.yaml'), 'tag: {{ .Values.tag | quote }}\nlimits: {{ .Values.limits | toJson }}\nconf: {{ .Values.conf | quote }}\n');
    writeFileSync(path.join(folder, 'app.conf'), 'port=5432');
    const run = runCli(['render', 'conf', '--set-string', 'tag=010', '--set-json', 'limits={"cpu":2}', '--set-file', 'conf=app.conf'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '---\n# Source: conf/templates/configmap.yaml\ntag: "010"\nlimits: {"cpu":2,"memory":"1Gi"}\nconf: "port=5432"\n');
  });

  it('refuses a folder that is not a chart', () => {
    const run = runCli(['render', path.join(CORPUS, '_values')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is not a chart: it holds no Chart\.yaml/);
  });
});
