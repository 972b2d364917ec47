import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Container, EnvVar, Service, Volume } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { analyze } from '../../server/src/engine/analyze';
import { isIanaServiceName } from '../../server/src/engine/kubernetes/names';
import type { Resource } from '../../server/src/engine/document/resource';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { expandSnippet, tabstopValues } from '../helpers/snippet';

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The tabstops every preset offers, by number. */
const TABSTOP = { name: 1, namespace: 2, replicas: 3, imageTag: 4, storageClass: 5, storage: 6, secret: 7 } as const;

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

interface Preset {
  workspace: Workspace;
  resources: Resource[];
  statefulSet: Resource<StatefulSet>;
  podLabels: Record<string, string>;
}

function expandPreset(snippet: Snippet, values: Record<number, string> = {}): Preset {
  const workspace = new Workspace();
  workspace.set('untitled:preset', expandSnippet(snippet.body, { values }));
  const resources = workspace.get('untitled:preset')!.resources;
  const statefulSet = resources.find((resource) => resource.is('StatefulSet')) as Resource<StatefulSet>;
  assert.ok(statefulSet, 'the preset has no StatefulSet');
  return { workspace, resources, statefulSet, podLabels: statefulSet.object.spec?.template?.metadata?.labels ?? {} };
}

function containersOf(statefulSet: Resource<StatefulSet>): Container[] {
  return statefulSet.object.spec?.template?.spec?.containers ?? [];
}

function allContainersOf(statefulSet: Resource<StatefulSet>): Container[] {
  return [...(statefulSet.object.spec?.template?.spec?.initContainers ?? []), ...containersOf(statefulSet)];
}

/** The Secret keys the preset reads: through env and through Secret volumes. */
function secretKeysOf(statefulSet: Resource<StatefulSet>): { name: string; key?: string }[] {
  const fromEnv = allContainersOf(statefulSet).flatMap((container) =>
    ((container.env ?? []) as EnvVar[]).flatMap((variable) => {
      const ref = variable.valueFrom?.secretKeyRef;
      return ref ? [{ name: ref.name!, key: ref.key }] : [];
    }),
  );
  const fromVolumes = ((statefulSet.object.spec?.template?.spec?.volumes ?? []) as Volume[]).flatMap((volume) =>
    volume.secret ? (volume.secret.items ?? [{ key: undefined }]).map((item) => ({ name: volume.secret!.secretName!, key: item.key })) : [],
  );
  return [...fromEnv, ...fromVolumes];
}

/** The `kubectl create secret generic` command of a comment, its continuation lines joined. */
function secretCommandOf(text: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^#\s+kubectl .*create secret generic /.test(line));
  if (start < 0) return undefined;
  let command = '';
  for (let index = start; index < lines.length && lines[index].startsWith('#'); index++) {
    const part = lines[index].replace(/^#\s+/, '');
    command += part.replace(/\\$/, '');
    if (!part.endsWith('\\')) break;
  }
  return command;
}

for (const { path: file } of manifest.contributes.snippets as { path: string }[]) {
  const snippets = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, Snippet>;
  describe(`snippets in ${file}`, () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const defaults = tabstopValues(snippet.body);

      const variants: Record<number, string>[] = [{}, { [TABSTOP.name]: 'orders', [TABSTOP.namespace]: 'shop' }];
      for (const values of variants) {
        const variant = Object.keys(values).length === 0 ? 'its defaults' : 'another name and namespace';
        it(`${snippet.prefix} (${name}) expands with ${variant} to manifests the rules find nothing wrong with`, () => {
          const { workspace, resources } = expandPreset(snippet, values);
          assert.deepEqual(workspace.get('untitled:preset')?.syntaxProblems, []);
          const findings = analyze(workspace, 'untitled:preset');
          // The Secret is created with kubectl, as the preset's comment says, so it is not in the file.
          const expected = findings.filter((finding) => finding.ruleId === 'secret-ref-not-found' && finding.severity === 'info');
          assert.deepEqual(
            findings.filter((finding) => !expected.includes(finding)).map((finding) => `${finding.ruleId}: ${finding.message}`),
            [],
          );
          const secretName = tabstopValues(snippet.body, { values }).get(TABSTOP.secret);
          assert.deepEqual(
            expected.map((finding) => finding.message.match(/No Secret '([^']+)'/)?.[1]),
            expected.length === 0 ? [] : [secretName],
          );
          const kinds = resources.map((resource) => resource.kind);
          assert.deepEqual(kinds.slice(0, 3), ['Service', 'StatefulSet', 'PodDisruptionBudget']);
          assert.ok(kinds.slice(3).every((kind) => kind === 'Service' || kind === 'ConfigMap'), kinds.join(', '));
          for (const resource of resources) {
            assert.equal(resource.namespace, values[TABSTOP.namespace] ?? 'default', `namespace of ${resource.kind} ${resource.name}`);
          }
        });
      }

      it(`${snippet.prefix} offers the name, namespace, image tag and storage as tabstops`, () => {
        const { statefulSet } = expandPreset(snippet);
        const spec = statefulSet.object.spec!;
        assert.equal(defaults.get(TABSTOP.name), statefulSet.name);
        assert.equal(defaults.get(TABSTOP.namespace), 'default');
        if (defaults.has(TABSTOP.replicas)) assert.equal(String(spec.replicas), defaults.get(TABSTOP.replicas));
        else assert.equal(spec.replicas, 1, 'a preset without a replicas tabstop runs a single server');
        const image = containersOf(statefulSet)[0].image!;
        assert.match(image, /:[\w][\w.-]*$/);
        assert.ok(image.endsWith(`:${defaults.get(TABSTOP.imageTag)}`), image);
        assert.doesNotMatch(image, /:latest$/);
        for (const claim of spec.volumeClaimTemplates ?? []) {
          assert.equal(claim.spec?.storageClassName, defaults.get(TABSTOP.storageClass));
          assert.equal(claim.spec?.resources?.requests?.storage, defaults.get(TABSTOP.storage));
        }
      });

      it(`${snippet.prefix} governs its pods with a headless Service, a budget and spread pods`, () => {
        const { resources, statefulSet, podLabels } = expandPreset(snippet);
        const spec = statefulSet.object.spec!;
        const [headless, , budget] = resources as [Resource<Service>, Resource, Resource<PodDisruptionBudget>];
        assert.equal(headless.name, spec.serviceName);
        assert.equal(headless.object.spec?.clusterIP, 'None');
        assert.deepEqual(headless.object.spec?.selector, podLabels);
        assert.deepEqual(spec.selector?.matchLabels, podLabels);
        assert.deepEqual(budget.object.spec?.selector?.matchLabels, podLabels);
        for (const service of resources.filter((resource): resource is Resource<Service> => resource.is('Service'))) {
          const selector = service.object.spec?.selector ?? {};
          assert.ok(Object.entries(podLabels).every(([key, value]) => selector[key] === value), `Service ${service.name} selects other pods`);
          const containerPorts = containersOf(statefulSet).flatMap((container) => container.ports ?? []).map((port) => port.name);
          for (const port of service.object.spec?.ports ?? []) {
            assert.ok(isIanaServiceName(port.name ?? ''), `Service port name ${port.name}`);
            assert.ok(containerPorts.includes(String(port.targetPort)), `Service ${service.name} targets port ${port.targetPort}`);
          }
        }
        const podSpec = spec.template!.spec!;
        assert.ok((podSpec.terminationGracePeriodSeconds ?? 30) >= 30);
        const [term] = podSpec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
        assert.equal(term?.podAffinityTerm.topologyKey, 'kubernetes.io/hostname');
        assert.deepEqual(term?.podAffinityTerm.labelSelector?.matchLabels, podLabels);
      });

      it(`${snippet.prefix} gives its containers named ports, probes, resources and mounted claims`, () => {
        const { statefulSet } = expandPreset(snippet);
        for (const container of allContainersOf(statefulSet)) {
          assert.ok(container.resources?.requests?.cpu && container.resources.requests.memory, `requests of ${container.name}`);
          assert.ok(container.resources?.limits?.memory, `memory limit of ${container.name}`);
          for (const port of container.ports ?? []) assert.ok(isIanaServiceName(port.name ?? ''), `port name ${port.name}`);
        }
        const [main] = containersOf(statefulSet);
        assert.ok(main.readinessProbe, 'readiness probe');
        assert.ok(main.livenessProbe, 'liveness probe');
        assert.ok((main.ports ?? []).length > 0);
        const mounted = (main.volumeMounts ?? []).map((mount) => mount.name);
        for (const claim of statefulSet.object.spec?.volumeClaimTemplates ?? []) {
          assert.ok(mounted.includes(claim.metadata!.name!), `claim ${claim.metadata?.name} is not mounted`);
          assert.ok((claim.spec?.accessModes ?? []).length > 0);
        }
        assert.ok((statefulSet.object.spec?.volumeClaimTemplates ?? []).length > 0);
      });

      it(`${snippet.prefix} reads credentials only from the Secret its comment tells how to create`, () => {
        const text = expandSnippet(snippet.body);
        const { statefulSet } = expandPreset(snippet);
        const keys = secretKeysOf(statefulSet);
        if (keys.length === 0) {
          assert.equal(defaults.has(TABSTOP.secret), false, 'a secret tabstop that nothing reads');
          return;
        }
        const secret = defaults.get(TABSTOP.secret);
        assert.ok(secret, 'the Secret name is not a tabstop');
        const command = secretCommandOf(text);
        assert.ok(command, 'no kubectl create secret generic command in a comment');
        assert.match(command, new RegExp(`^kubectl -n default create secret generic ${secret} `));
        for (const { name, key } of keys) {
          assert.equal(name, secret);
          if (key === undefined) continue;
          assert.ok(command.includes(`--from-literal=${key}=`) || command.includes(`--from-file=${key}`), `the command does not create key ${key}`);
        }
      });

      it(`${snippet.prefix} is listed in the README with its image`, () => {
        const { statefulSet } = expandPreset(snippet);
        const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${snippet.prefix}\``));
        assert.ok(row, `no README table row for ${snippet.prefix}`);
        assert.ok(row.includes(`\`${containersOf(statefulSet)[0].image}\``), `the README row of ${snippet.prefix} names another image`);
      });
    }
  });
}

describe('expandSnippet', () => {
  it('mirrors a tabstop placeholder and takes the first choice', () => {
    assert.equal(expandSnippet(['${1:web}-${2|a,b|}: $1 ${1} $0']), 'web-a: web web ');
  });

  it('expands a placeholder nested in another, following what is typed at either', () => {
    const body = ['${7:${1:web}-credentials} $1'];
    assert.equal(expandSnippet(body), 'web-credentials web');
    assert.equal(expandSnippet(body, { values: { 1: 'orders' } }), 'orders-credentials orders');
    assert.equal(expandSnippet(body, { values: { 7: 'vault' } }), 'vault web');
  });

  it('keeps escaped characters and Kubernetes $(VAR) references as text', () => {
    assert.equal(expandSnippet(['echo "\\$HOME" \\} \\\\ $(POD_NAME) ${1:x}']), 'echo "$HOME" } \\ $(POD_NAME) x');
  });

  it('refuses snippet variables, which are usually a shell variable that lost its backslash', () => {
    assert.throws(() => expandSnippet(['exec "$@" --name $HOSTNAME']), /'\$HOSTNAME' is a snippet variable/);
    assert.throws(() => expandSnippet(['${TM_FILENAME}']), /'\$TM_FILENAME' is a snippet variable/);
    assert.throws(() => expandSnippet(['${1:open']), /not closed/);
  });

  it('lists what each tabstop offers, and holds once something is typed', () => {
    const body = ['${2:default} ${1:web} ${3|3,5|} $4 ${5:${1}-data} $0'];
    assert.deepEqual([...tabstopValues(body)], [
      [1, 'web'],
      [2, 'default'],
      [3, '3'],
      [4, ''],
      [5, 'web-data'],
    ]);
    assert.equal(tabstopValues(body, { values: { 1: 'db' } }).get(5), 'db-data');
  });
});
