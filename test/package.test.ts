import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, stageExtension } from './helpers/vsix';

const MAX_VSIX_BYTES = 1024 * 1024;
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

interface Manifest {
  icon: string;
  galleryBanner: { color: string; theme: string };
  keywords: string[];
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, Record<string, unknown>> };
    walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string; image?: string } }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('the .vsix package', () => {
  let staging: ReturnType<typeof stageExtension>;
  let packaging: { status: number | null; output: string };

  before(() => {
    staging = stageExtension();
    // The machine's npm user config may hold settings for other tools, which npm warns about.
    const run = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', 'kube-stateful.vsix'], {
      cwd: staging.folder,
      encoding: 'utf8',
      env: { ...process.env, npm_config_userconfig: path.join(staging.folder, 'no-npmrc') },
    });
    packaging = { status: run.status, output: run.stdout + run.stderr };
  });

  after(() => rmSync(staging.folder, { recursive: true, force: true }));

  it('holds only the bundles, the manifest, the docs, the snippets, the icon and the walkthrough', () => {
    const files = staging.vsce('ls', '--no-dependencies').trim().split('\n').sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/extension-web.js',
      'dist/extension.js',
      'dist/server.js',
      'media/icon.png',
      'media/walkthrough/example-statefulset.yaml',
      'media/walkthrough/fix-inline-password.md',
      'media/walkthrough/hover-and-presets.md',
      'media/walkthrough/see-problems.md',
      'package.json',
      'snippets/cassandra.json',
      'snippets/cockroachdb.json',
      'snippets/elasticsearch.json',
      'snippets/etcd.json',
      'snippets/kafka.json',
      'snippets/minio.json',
      'snippets/mongodb.json',
      'snippets/mysql.json',
      'snippets/postgres.json',
      'snippets/rabbitmq.json',
      'snippets/redis.json',
      'snippets/statefulsets.json',
      'snippets/zookeeper.json',
    ]);
  });

  it('is packaged without a single warning', () => {
    assert.equal(packaging.status, 0, packaging.output);
    const warnings = packaging.output.split('\n').filter((line) => /warn/i.test(line));
    assert.deepEqual(warnings, []);
    assert.match(packaging.output, /DONE\s+Packaged: kube-stateful\.vsix/);
  });

  it('shows in its README only images of the repository, which vsce links to on GitHub rather than packaging', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(([, link]) => link);
    assert.ok(images.length > 0, 'the README shows screenshots');
    for (const image of images) assert.ok(existsSync(path.join(ROOT, image)), image);
  });

  it('is under 1 MB', () => {
    const bytes = statSync(path.join(staging.folder, 'kube-stateful.vsix')).size;
    assert.ok(bytes < MAX_VSIX_BYTES, `${bytes} bytes`);
  });
});

describe('the extension manifest', () => {
  it('has what the Marketplace page shows: icon, banner and keywords', () => {
    assert.ok(existsSync(path.join(ROOT, manifest.icon)), manifest.icon);
    assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    for (const keyword of ['kubernetes', 'statefulset', 'k8s', 'yaml']) assert.ok(manifest.keywords.includes(keyword), keyword);
    // vsce refuses more than 30 keywords.
    assert.ok(manifest.keywords.length <= 30);
  });

  it('gives every setting a Markdown description and a default', () => {
    for (const [name, schema] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.equal(typeof schema.markdownDescription, 'string', `${name} has a markdownDescription`);
      assert.ok('default' in schema, `${name} has a default`);
    }
  });

  it('puts every command in the Kube Stateful category, each with its module in client/src/commands', () => {
    const folder = path.join(ROOT, 'client', 'src', 'commands');
    const client = readdirSync(folder).map((file) => readFileSync(path.join(folder, file), 'utf8'));
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Kube Stateful', command.command);
      assert.ok(client.some((source) => source.includes(`'${command.command}'`)), `${command.command} is registered`);
    }
  });

  it('activates on YAML files and Helm templates; VS Code adds the contributed commands as activation events itself', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml', 'onLanguage:helm']);
  });

  it('links walkthrough steps only to packaged media and to commands that exist', () => {
    const ours = new Set(manifest.contributes.commands.map((command) => command.command));
    const builtIn = new Set(['workbench.actions.view.problems']);
    for (const step of manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(path.join(ROOT, media)), `${step.id}: ${media}`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(ours.has(command) || builtIn.has(command), `${step.id} links to ${command}`);
      }
    }
  });
});
