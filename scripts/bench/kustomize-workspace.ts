// Part of measurement 6: the index of a workspace where most files belong to kustomize builds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ParseCache } from '../../server/src/engine/kustomize/parse-cache';
import { buildAll } from '../../server/src/engine/kustomize/workspace-builds';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { LspSession } from './lsp-session';
import { ourServer } from './servers';
import { elapsed, sample, type Repetitions, type Sample } from './timing';
import { writeWorkspace } from './workspace';

const ROOT = 'file:///bench/kustomize-workspace';
/** Each app is a base of 14 files and an overlay of 5: 100 apps make 2,000 files and 200 kustomizations. */
const APPS = 100;
const BASE_OBJECTS = 14;

export interface KustomizeWorkspaceResults {
  files: number;
  kustomizations: number;
  /** The files indexed as plain YAML, as they were before builds joined the index. */
  plainIndex: Sample;
  /** The same files indexed, then every kustomization built and its output indexed. */
  indexWithBuilds: Sample;
  /** The server started on the files with every kustomization renamed, until it has indexed them. */
  serverPlainIndex: Sample;
  /** The server started on the files, until it has indexed them and built every kustomization. */
  serverIndexWithBuilds: Sample;
}

function baseObject(app: number, index: number): string {
  const name = `app${app}-part${index}`;
  if (index === 0) {
    return `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app${app}\nspec:\n  serviceName: app${app}\n  replicas: 3\n  selector:\n    matchLabels: {app: app${app}}\n  template:\n    metadata:\n      labels: {app: app${app}}\n    spec:\n      containers:\n        - name: db\n          image: postgres:15\n          envFrom: [{configMapRef: {name: ${name}}}]\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: 1Gi}}\n`;
  }
  if (index === 1) return `apiVersion: v1\nkind: Service\nmetadata:\n  name: app${app}\nspec:\n  clusterIP: None\n  selector: {app: app${app}}\n  ports: [{port: 5432}]\n`;
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  setting: "${index}"\n`;
}

/** 100 apps, each a base with commonLabels and an overlay with a namespace, a prefix and patches. */
export function kustomizeWorkspaceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (let app = 0; app < APPS; app++) {
    const base = `${ROOT}/apps/app${app}/base`;
    const objects = [...Array(BASE_OBJECTS).keys()];
    files.set(`${base}/kustomization.yaml`, `commonLabels:\n  team: t${app % 7}\nresources:\n${objects.slice(1).map((index) => `  - part${index}.yaml\n`).join('')}  - statefulset.yaml\n`);
    files.set(`${base}/statefulset.yaml`, baseObject(app, 0));
    for (const index of objects.slice(1)) files.set(`${base}/part${index}.yaml`, baseObject(app, index));
    const overlay = `${ROOT}/apps/app${app}/overlays/prod`;
    const patches = [0, 2, 3, 4];
    files.set(`${overlay}/kustomization.yaml`, `namespace: prod\nnamePrefix: prod-\nresources:\n  - ../../base\npatches:\n${patches.map((index) => `  - path: patch${index}.yaml\n`).join('')}`);
    files.set(`${overlay}/patch0.yaml`, `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app${app}\nspec:\n  replicas: 5\n`);
    for (const index of patches.slice(1)) files.set(`${overlay}/patch${index}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app${app}-part${index}\ndata:\n  setting: prod\n`);
  }
  return files;
}

export async function measureKustomizeWorkspace(repetitions: Repetitions): Promise<KustomizeWorkspaceResults> {
  const files = kustomizeWorkspaceFiles();
  const indexAll = (): Workspace => {
    const workspace = new Workspace();
    for (const [uri, text] of files) workspace.set(uri, text);
    return workspace;
  };
  const plainIndex = await sample(repetitions, () => elapsed(indexAll));
  const indexWithBuilds = await sample(repetitions, () => elapsed(() => buildAll(indexAll(), undefined, new ParseCache())));
  const kustomizations = [...files.keys()].filter((uri) => uri.endsWith('/kustomization.yaml')).length;
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-bench-kustomize-'));
  try {
    const relative = [...files].map(([uri, text]) => ({ path: uri.slice(ROOT.length + 1), text }));
    const built = path.join(folder, 'built');
    const plain = path.join(folder, 'plain');
    writeWorkspace(built, relative);
    // The same bytes, but no file is a kustomization, so the server indexes them all as plain YAML.
    writeWorkspace(plain, relative.map((file) => ({ ...file, path: file.path.replace(/kustomization\.yaml$/, 'kustomize-fields.yaml') })));
    const serverPlainIndex = await sample(repetitions, () => timeServerUntil(plain, new RegExp(`^Indexed ${files.size} YAML files`)));
    const serverIndexWithBuilds = await sample(repetitions, () => timeServerUntil(built, new RegExp(`^Built ${kustomizations} kustomization`)));
    return { files: files.size, kustomizations, plainIndex, indexWithBuilds, serverPlainIndex, serverIndexWithBuilds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Milliseconds from `initialized` to the server's log line that matches `line`. */
async function timeServerUntil(folder: string, line: RegExp): Promise<number> {
  const session = new LspSession(ourServer());
  try {
    await session.initialize(folder);
    const sentAt = await session.initialized();
    return (await session.logMatching(line)).receivedAt - sentAt;
  } finally {
    await session.shutdown();
  }
}
