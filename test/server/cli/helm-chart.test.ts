import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { lintCommand } from '../../../server/src/cli/lint-command';
import type { ChartFiles, ChartRender, RenderOptions } from '../../../server/src/engine/helm/chart/chart-render';
import { readChartFiles } from '../../../server/src/files/chart-files';
import { LITERAL_STATEFULSET, renderTemplate, serviceText } from '../engine/helm/chart-fixture';
import { parseText, runCli } from './run-cli';

describe('kube-stateful lint on the Helm corpus', () => {
  it('reads no chart template as YAML, so reports no yaml-syntax finding', () => {
    const run = runCli(['lint', '../shared/corpus-helm']);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.deepEqual(parseText(run.stdout).filter((finding) => finding.ruleId === 'yaml-syntax'), []);
  });
});

const SERVICE = serviceText(false);

describe('kube-stateful lint on a chart, with a renderer', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kube-stateful-chart-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const chart = path.join(root, 'db');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  mkdirSync(path.join(chart, 'charts'));
  writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: db\nversion: 1.0.0\n');
  writeFileSync(path.join(chart, 'values.yaml'), 'replicas: 1\n');
  writeFileSync(path.join(chart, 'templates', 'statefulset.yaml'), LITERAL_STATEFULSET);
  writeFileSync(path.join(chart, 'templates', 'service.yaml'), SERVICE);
  writeFileSync(path.join(chart, 'templates', '_helpers.tpl'), '{{- define "db.name" -}}db{{- end -}}\n');
  writeFileSync(path.join(chart, 'charts', 'common-2.0.0.tgz'), Buffer.from([0x1f, 0x8b, 0, 0]));
  writeFileSync(path.join(root, 'prod.yaml'), 'replicas: 3\n');

  const seen: { files: ChartFiles; options: RenderOptions }[] = [];
  /** Renders each template to its own text, as a chart without actions renders. */
  const renderer = (files: ChartFiles, options: RenderOptions): ChartRender => {
    seen.push({ files, options });
    const templates = [...files.files]
      .filter(([relative]) => /^templates\/[^_][^/]*\.yaml$/.test(relative))
      .map(([relative, text]) => ({ name: `db/${relative}`, uri: `${files.rootUri}/${relative}`, source: text, output: renderTemplate(`${files.rootUri}/${relative}`, text) }));
    return { rootUri: files.rootUri, chartName: 'db', templates, problems: [] };
  };

  async function lint(format: string, extra: Partial<Parameters<typeof lintCommand>[0]> = {}) {
    let stdout = '';
    const status = await lintCommand({ paths: ['db'], format, rules: [], ...extra }, root, '0.0.0', { stdout: (text) => (stdout += text), stderr: () => {} }, renderer);
    return { status, stdout };
  }

  it('reports a finding of the rendered output on the template line, and exits 1', async () => {
    const { status, stdout } = await lint('text');
    assert.equal(status, 1);
    const findings = parseText(stdout);
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'service-not-headless').map(({ file, line, column }) => [file, line, column]),
      [[path.join('db', 'templates', 'statefulset.yaml'), 6, 16]],
    );
  });

  it('gives the template position in JSON, SARIF (with the Service template as related) and GitHub output', async () => {
    const json = JSON.parse((await lint('json')).stdout) as { file: string; line: number; ruleId: string }[];
    assert.deepEqual(
      json.filter((finding) => finding.ruleId === 'service-not-headless').map(({ file, line }) => [file, line]),
      [['db/templates/statefulset.yaml', 6]],
    );
    const sarif = JSON.parse((await lint('sarif')).stdout);
    const result = sarif.runs[0].results.find((entry: { ruleId: string }) => entry.ruleId === 'service-not-headless');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'db/templates/statefulset.yaml');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 6);
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'db/templates/service.yaml');
    assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 4);
    const github = (await lint('github')).stdout;
    assert.match(github, /^::error file=db\/templates\/statefulset\.yaml,line=6,col=16,.*title=service-not-headless::/m);
  });

  it('passes --values, --set and --release-name to the renderer, with the namespace and Kubernetes version of the run', async () => {
    seen.length = 0;
    await lint('json', { values: ['prod.yaml'], set: ['replicas=5'], releaseName: 'prod', defaultNamespace: 'data', kubernetesVersion: '1.30' });
    assert.equal(seen.length, 1, 'one chart rendered');
    const { options, files } = seen[0];
    assert.equal(options.releaseName, 'prod');
    assert.equal(options.namespace, 'data');
    assert.deepEqual(options.kubernetesVersion, { major: 1, minor: 30 });
    assert.deepEqual(options.setValues, ['replicas=5']);
    assert.deepEqual(options.valuesFiles.map((file) => file.text), ['replicas: 3\n']);
    assert.equal(files.files.get('charts/common-2.0.0.tgz'), '', 'a packed subchart is listed without its bytes');
    seen.length = 0;
    await lint('json');
    assert.equal(seen[0].options.releaseName, 'release-name');
  });

  it('refuses a values file it cannot read and a --set without a value', async () => {
    await assert.rejects(lint('text', { values: ['missing.yaml'] }), { name: 'Error', message: /Cannot read the values file 'missing.yaml': ENOENT/ });
    await assert.rejects(lint('text', { set: ['replicas'] }), { message: "--set takes key=value, not 'replicas'." });
    await assert.rejects(lint('text', { setJson: ['replicas'] }), { message: "--set-json takes key=value, not 'replicas'." });
    await assert.rejects(lint('text', { setFile: ['conf=missing.conf'] }), { message: /Cannot read the --set-file file 'missing.conf': ENOENT/ });
  });

  it('passes --set-string, --set-json and --set-file on, with the texts of the files read from the current folder', async () => {
    writeFileSync(path.join(root, 'db.conf'), 'max_connections = 10\n');
    await lint('json', { setString: ['tag=1.10'], setJson: ['resources={"cpu":1}'], setFile: ['conf=db.conf'] });
    const { options } = seen.at(-1)!;
    assert.deepEqual(options.setStringValues, ['tag=1.10']);
    assert.deepEqual(options.setJsonValues, ['resources={"cpu":1}']);
    assert.deepEqual(options.setFileValues, ['conf=db.conf']);
    assert.deepEqual(options.setFileTexts, new Map([['db.conf', 'max_connections = 10\n']]));
    rmSync(path.join(root, 'db.conf'));
  });

  it('reads a chart folder as relative paths and texts, leaving out binary files', async () => {
    writeFileSync(path.join(chart, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]));
    const files = await readChartFiles(chart);
    assert.deepEqual([...files.files.keys()], ['Chart.yaml', 'charts/common-2.0.0.tgz', 'templates/_helpers.tpl', 'templates/service.yaml', 'templates/statefulset.yaml', 'values.yaml']);
    assert.equal(files.files.get('templates/service.yaml'), SERVICE);
    assert.match(files.rootUri, /^file:\/\/.*\/db$/);
    rmSync(path.join(chart, 'logo.png'));
  });
});
