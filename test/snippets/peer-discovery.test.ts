import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Resource } from '../../server/src/engine/document/resource';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { expandSnippet } from '../helpers/snippet';
import { containerTexts, hostnamesIn, identityOf, ordinalsOf, podFqdn, podReference, serviceProblem, type PodIdentity } from './pod-dns';

/**
 * How each preset's members find each other. `peers` are the pods that every pod's
 * configuration names (seeds, voters, members), as offsets from the first ordinal, or all of
 * them; `self` says that each pod names itself, for the address it advertises; `check` pairs
 * the ids and names an engine keeps side by side.
 */
interface Discovery {
  peers: 'all' | number[];
  self: boolean;
  check?: (texts: Map<string, string>, identity: PodIdentity, ordinal: number) => string[];
}

const DISCOVERY: Record<string, Discovery> = {
  sts: { peers: [], self: false },
  'sts-mysql': { peers: [], self: false },
  'sts-postgres': { peers: [], self: false },
  'sts-redis': { peers: [0], self: false },
  'sts-cassandra': { peers: [0], self: false },
  'sts-mongodb': { peers: 'all', self: true, check: replicaSetName },
  'sts-kafka': { peers: 'all', self: true, check: votersAreNodeIds },
  'sts-zookeeper': { peers: 'all', self: true, check: serversAreMyIds },
  'sts-elasticsearch': { peers: 'all', self: true, check: nodeNameIsPodName },
  'sts-etcd': { peers: 'all', self: true, check: initialClusterNamesArePods },
  'sts-rabbitmq': { peers: [], self: true, check: nodeNameIsPodFqdn },
  'sts-cockroachdb': { peers: [0, 1, 2], self: true, check: advertisesOwnName },
  'sts-minio': { peers: 'all', self: true },
};

/** The default names, and others typed at the name and namespace tabstops. */
const VARIANTS: { label: string; values: Record<number, string> }[] = [
  { label: 'default name and namespace', values: {} },
  { label: 'name orders in namespace shop', values: { 1: 'orders', 2: 'shop' } },
];

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const snippets = (manifest.contributes.snippets as { path: string }[]).flatMap(({ path: file }) =>
  Object.values(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, { prefix: string; body: string[] }>),
);

interface DiscoveryReport {
  identity: PodIdentity;
  /** Wrong pod or Service names, and ids that do not pair with their pods. */
  problems: string[];
  /** The pods every pod names, and those it should name. */
  peers: { named: number[]; expected: number[] };
}

/** Expands a preset with `values` typed at its tabstops and compares its addresses with its pods. */
function discoveryReport(body: string[], values: Record<number, string>, discovery: Discovery): DiscoveryReport {
  const workspace = new Workspace();
  workspace.set('untitled:preset', expandSnippet(body, { values }));
  const resources = workspace.get('untitled:preset')!.resources;
  const statefulSet = resources.find((resource) => resource.is('StatefulSet')) as Resource<StatefulSet>;
  const identity = identityOf(statefulSet, workspace.namespaceOf(statefulSet));
  const services = resources.filter((resource) => resource.is('Service')).map((service) => service.name);
  const problems = services.includes(identity.serviceName) ? [] : [`no Service ${identity.serviceName} in the preset`];
  const namedBy = ordinalsOf(identity).map((ordinal) => {
    const texts = new Map(containerTexts(statefulSet, identity, ordinal).flatMap((container) => [...container]));
    const named = new Set<number>();
    for (const hostname of [...texts.values()].flatMap(hostnamesIn)) {
      const reference = podReference(hostname, identity);
      if (reference) named.add(reference.ordinal);
      const problem = reference?.problem ?? serviceProblem(hostname, identity, services);
      if (problem) problems.push(`pod ${identity.name}-${ordinal}: ${problem}`);
    }
    if (discovery.self && !named.has(ordinal)) problems.push(`pod ${identity.name}-${ordinal} does not name itself`);
    for (const problem of discovery.check?.(texts, identity, ordinal) ?? []) problems.push(`pod ${identity.name}-${ordinal}: ${problem}`);
    return named;
  });
  return {
    identity,
    problems,
    peers: {
      named: ordinalsOf(identity).filter((ordinal) => namedBy.every((named) => named.has(ordinal))),
      expected: discovery.peers === 'all' ? ordinalsOf(identity) : discovery.peers.map((offset) => identity.start + offset),
    },
  };
}

function bodyOf(prefix: string): string[] {
  const snippet = snippets.find((candidate) => candidate.prefix === prefix);
  assert.ok(snippet, `no ${prefix} snippet`);
  return snippet.body;
}

describe('peer discovery of the presets', () => {
  it('covers every preset', () => {
    assert.deepEqual(snippets.map(({ prefix }) => prefix).sort(), Object.keys(DISCOVERY).sort());
  });

  for (const { prefix, body } of snippets) {
    for (const { label, values } of VARIANTS) {
      it(`${prefix} (${label}) addresses its pods by the DNS names they get`, () => {
        const discovery = DISCOVERY[prefix];
        assert.ok(discovery, `no peer discovery expectation for ${prefix}`);
        const report = discoveryReport(body, values, discovery);
        if (values[1]) assert.equal(report.identity.name, values[1]);
        if (values[2]) assert.equal(report.identity.namespace, values[2]);
        assert.deepEqual(report.problems, []);
        assert.deepEqual(report.peers.named, report.peers.expected, 'the pods that every pod names as its peers');
      });
    }
  }
});

describe('the peer discovery check', () => {
  const renamed = VARIANTS[1].values;

  it('reports an address that kept the default namespace when the namespace tabstop changed', () => {
    const body = bodyOf('sts-etcd');
    const broken = body.map((line) => (line.includes('=http://${1}-0') ? line.replace('${1}-2.${1}-headless.${2}', '${1}-2.${1}-headless.default') : line));
    assert.notDeepEqual(broken, body);
    const { problems } = discoveryReport(broken, renamed, DISCOVERY['sts-etcd']);
    assert.ok(
      problems.some((problem) => problem.includes('orders-2.orders-headless.default.svc.cluster.local is not a name of pod orders-2')),
      problems.join('\n'),
    );
  });

  it('reports a pod the StatefulSet does not have and a member missing from the list', () => {
    const broken = bodyOf('sts-zookeeper').map((line) => line.replace('server.3=${1}-3.', 'server.3=${1}-4.'));
    const { problems, peers } = discoveryReport(broken, {}, DISCOVERY['sts-zookeeper']);
    assert.ok(problems.some((problem) => problem.includes('names pod zookeeper-4, but the pods are zookeeper-1, zookeeper-2, zookeeper-3')));
    assert.ok(problems.some((problem) => problem.includes('server.3 is zookeeper-4.')));
    assert.notDeepEqual(peers.named, peers.expected);
  });

  it('reports a voter whose id is not its pod ordinal', () => {
    const broken = bodyOf('sts-kafka').map((line) => line.replace('0@${1}-0.', '3@${1}-0.'));
    const { problems } = discoveryReport(broken, {}, DISCOVERY['sts-kafka']);
    assert.ok(problems.some((problem) => problem.includes('voter 3 is kafka-0.kafka-headless.default.svc.cluster.local')));
  });

  it('reports an address through a Service that is not the governing one', () => {
    const broken = bodyOf('sts-redis').map((line) => line.replace('--replicaof ${1}-0.${1}-headless.', '--replicaof ${1}-0.${1}.'));
    const { problems } = discoveryReport(broken, renamed, DISCOVERY['sts-redis']);
    assert.ok(problems.some((problem) => problem.includes('orders-0.orders.shop.svc.cluster.local is not a name of pod orders-0')));
  });

  it('reports a headless Service name left over from the default name', () => {
    const broken = bodyOf('sts-elasticsearch').map((line) => line.replace('value: ${1}-headless.${2}', 'value: elasticsearch-headless.${2}'));
    const { problems } = discoveryReport(broken, renamed, DISCOVERY['sts-elasticsearch']);
    assert.ok(problems.some((problem) => problem.includes('elasticsearch-headless.shop.svc.cluster.local names a headless Service')));
  });
});

function replicaSetName(texts: Map<string, string>): string[] {
  const script = [...texts.values()].join('\n');
  const argument = /--replSet (\S+)/.exec(script)?.[1];
  const initiated = /_id: '([^']+)'/.exec(script)?.[1];
  return argument && argument === initiated ? [] : [`mongod runs --replSet ${argument} but the set is initiated as ${initiated}`];
}

function votersAreNodeIds(texts: Map<string, string>, identity: PodIdentity, ordinal: number): string[] {
  const voters = [...(texts.get('KAFKA_CONTROLLER_QUORUM_VOTERS') ?? '').matchAll(/(\d+)@([^:,]+):\d+/g)];
  const problems = voters.flatMap(([, id, host]) =>
    host === podFqdn(identity, Number(id)) ? [] : [`voter ${id} is ${host}, not the pod with ordinal ${id}`],
  );
  const nodeId = texts.get('KAFKA_NODE_ID');
  if (nodeId !== String(ordinal)) problems.push(`KAFKA_NODE_ID is ${nodeId}, not its ordinal ${ordinal}`);
  if (voters.length !== identity.replicas) problems.push(`${voters.length} voters for ${identity.replicas} replicas`);
  return problems;
}

function serversAreMyIds(texts: Map<string, string>, identity: PodIdentity, ordinal: number): string[] {
  const servers = [...(texts.get('ZOO_SERVERS') ?? '').matchAll(/server\.(\d+)=([^:]+):/g)];
  const problems = servers.flatMap(([, id, host]) =>
    host === podFqdn(identity, Number(id)) ? [] : [`server.${id} is ${host}, not the pod with ordinal ${id}`],
  );
  const myId = texts.get('ZOO_MY_ID');
  if (myId !== String(ordinal)) problems.push(`ZOO_MY_ID is ${myId}, not its ordinal ${ordinal}`);
  if (!(Number(myId) >= 1 && Number(myId) <= 255)) problems.push(`ZOO_MY_ID ${myId} is not a server id (1 to 255)`);
  if (servers.length !== identity.replicas) problems.push(`${servers.length} servers for ${identity.replicas} replicas`);
  return problems;
}

function nodeNameIsPodName(texts: Map<string, string>, identity: PodIdentity, ordinal: number): string[] {
  const masters = (texts.get('cluster.initial_master_nodes') ?? '').split(',');
  const pods = ordinalsOf(identity).map((index) => `${identity.name}-${index}`);
  return [
    ...(texts.get('node.name') === `${identity.name}-${ordinal}` ? [] : [`node.name is ${texts.get('node.name')}`]),
    ...(JSON.stringify(masters) === JSON.stringify(pods) ? [] : [`cluster.initial_master_nodes is ${masters.join(',')}`]),
  ];
}

function initialClusterNamesArePods(texts: Map<string, string>, identity: PodIdentity, ordinal: number): string[] {
  const members = [...(texts.get('ETCD_INITIAL_CLUSTER') ?? '').matchAll(/([^=,]+)=http:\/\/([^:]+):2380/g)];
  const problems = members.flatMap(([, name, host]) =>
    host.startsWith(`${name}.`) ? [] : [`member ${name} has peer URL host ${host}`],
  );
  const name = texts.get('ETCD_NAME');
  if (name !== `${identity.name}-${ordinal}` || !members.some(([, member]) => member === name)) {
    problems.push(`ETCD_NAME ${name} is not its pod's name in ETCD_INITIAL_CLUSTER`);
  }
  if (texts.get('ETCD_INITIAL_ADVERTISE_PEER_URLS') !== `http://${podFqdn(identity, ordinal)}:2380`) {
    problems.push(`advertises peer URL ${texts.get('ETCD_INITIAL_ADVERTISE_PEER_URLS')}`);
  }
  return problems;
}

function nodeNameIsPodFqdn(texts: Map<string, string>, identity: PodIdentity, ordinal: number): string[] {
  return [
    ...(texts.get('RABBITMQ_USE_LONGNAME') === 'true' ? [] : ['RABBITMQ_USE_LONGNAME is not true']),
    ...(texts.get('RABBITMQ_NODENAME') === `rabbit@${podFqdn(identity, ordinal)}` ? [] : [`node name ${texts.get('RABBITMQ_NODENAME')}`]),
  ];
}

function advertisesOwnName(texts: Map<string, string>, identity: PodIdentity, ordinal: number): string[] {
  const advertised = [...texts.values()].find((text) => text.startsWith('--advertise-addr='));
  return advertised === `--advertise-addr=${podFqdn(identity, ordinal)}:26257` ? [] : [`advertises ${advertised}`];
}
