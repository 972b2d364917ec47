// Measurement 6: the in-process kustomize build on a generated three-level overlay of 50 objects.
import { analyze } from '../../server/src/engine/analyze';
import { OriginMap } from '../../server/src/engine/derived/origin-map';
import { buildKustomization } from '../../server/src/engine/kustomize/build';
import { ParseCache } from '../../server/src/engine/kustomize/parse-cache';
import { filesFromMap } from '../../server/src/engine/kustomize/files';
import { buildAll, buildFolder, workspaceFiles } from '../../server/src/engine/kustomize/workspace-builds';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { count, milliseconds, spliceSection, table, times } from './format';
import { measureKustomizeWorkspace, type KustomizeWorkspaceResults } from './kustomize-workspace';
import { elapsed, sample, type Repetitions, type Sample } from './timing';

const ROOT = 'file:///bench/kustomize';
/** Ten apps of five objects each: a StatefulSet, its headless Service, a PDB, a ConfigMap and a ServiceAccount. */
const APPS = 10;

export interface KustomizeResults {
  objects: number;
  inputs: number;
  bytes: number;
  problems: number;
  findings: number;
  build: Sample;
  /** The build, then the map from output offsets to origins that moves findings back. */
  buildAndMap: Sample;
  /** The build and map, then the engine's checks on the output as one file. */
  buildAndCheck: Sample;
  /** A rebuild after an edit of one base file, with the parse cache of the previous build. */
  rebuild: Sample;
  /** The prod build given to the workspace, then every file it read analyzed, findings placed on them. */
  workspaceBuildAndCheck: Sample;
  /** An edit of one base file: the three builds reading it built again (cached), then every file they read analyzed. */
  baseEditToDiagnostics: Sample;
  /** Files analyzed after each base edit. */
  filesAfterEdit: number;
  workspace: KustomizeWorkspaceResults;
}

function app(index: number): string {
  const name = `db${index}`;
  return [
    `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}\n  replicas: 3\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      serviceAccountName: ${name}\n      containers:\n        - name: db\n          image: postgres:15\n          envFrom: [{configMapRef: {name: ${name}-settings}}]\n          ports: [{containerPort: 5432, name: sql}]\n          volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: 1Gi}}\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  clusterIP: None\n  selector: {app: ${name}}\n  ports: [{port: 5432, name: sql}]\n`,
    `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: ${name}}\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-settings\ndata:\n  mode: fast\n`,
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`,
  ].join('---\n');
}

/** base (50 objects, commonLabels) ← region (prefix, a patch per StatefulSet, a generator) ← prod (namespace, images, replicas, a JSON patch). */
export function overlayFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const indexes = [...Array(APPS).keys()];
  files.set(`${ROOT}/base/kustomization.yaml`, `commonLabels:\n  team: data\nresources:\n${indexes.map((index) => `  - app${index}.yaml\n`).join('')}`);
  for (const index of indexes) files.set(`${ROOT}/base/app${index}.yaml`, app(index));
  files.set(
    `${ROOT}/region/kustomization.yaml`,
    `namePrefix: eu-\nresources:\n  - ../base\npatches:\n${indexes.map((index) => `  - path: db${index}.yaml\n`).join('')}configMapGenerator:\n  - name: shared\n    literals: [region=eu]\n`,
  );
  for (const index of indexes) {
    files.set(`${ROOT}/region/db${index}.yaml`, `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db${index}\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          resources: {requests: {cpu: 500m, memory: 1Gi}}\n`);
  }
  files.set(
    `${ROOT}/prod/kustomization.yaml`,
    `namespace: prod\nresources:\n  - ../region\nimages:\n  - name: postgres\n    newTag: "16.2"\nreplicas:\n  - name: db0\n    count: 5\nconfigMapGenerator:\n  - name: shared\n    behavior: merge\n    literals: [tier=prod]\npatches:\n  - target: {kind: StatefulSet}\n    patch: |-\n      - op: add\n        path: /spec/template/metadata/annotations\n        value: {backup: daily}\n`,
  );
  return files;
}

export async function measureKustomize(repetitions: Repetitions): Promise<KustomizeResults> {
  const texts = overlayFiles();
  const files = filesFromMap(texts);
  const folder = `${ROOT}/prod`;
  // Compiled code for every step first: the first figure would otherwise carry V8's warm-up for all.
  for (let run = 0; run < 20; run++) new OriginMap(buildKustomization(files, folder).text);
  const build = await sample(repetitions, () => elapsed(() => buildKustomization(files, folder)));
  const buildAndMap = await sample(repetitions, () => elapsed(() => new OriginMap(buildKustomization(files, folder).text, (uri) => texts.get(uri))));
  const uri = `${folder}/built.yaml`;
  let findings = 0;
  const buildAndCheck = await sample(repetitions, () =>
    elapsed(() => {
      const built = buildKustomization(files, folder);
      new OriginMap(built.text, (source) => texts.get(source));
      const workspace = new Workspace();
      workspace.set(uri, built.text.text);
      findings = analyze(workspace, uri).length;
    }),
  );
  const cache = new ParseCache();
  buildKustomization(files, folder, { cache });
  const edited = `${ROOT}/base/app0.yaml`;
  const original = texts.get(edited)!;
  let edits = 0;
  const rebuild = await sample(repetitions, () => {
    // A new comment each time, as typing makes: that file misses the cache, the others hit it.
    const changed = filesFromMap(new Map(texts).set(edited, `${original}# edit ${++edits}\n`));
    return elapsed(() => buildKustomization(changed, folder, { cache }));
  });
  const workspaceBuildAndCheck = await sample(repetitions, () => {
    const workspace = workspaceOf(texts);
    return elapsed(() => {
      workspace.setBuild(buildFolder(workspaceFiles(workspace), folder));
      for (const input of workspace.builtOutputOf(`${folder}/kustomization.yaml`)!.inputs) analyze(workspace, input);
    });
  });
  const editing = workspaceOf(texts);
  const editCache = new ParseCache();
  buildAll(editing, undefined, editCache);
  let filesAfterEdit = 0;
  const baseEditToDiagnostics = await sample(repetitions, () =>
    elapsed(() => {
      const affected = new Set(editing.set(edited, `${original}# edit ${++edits}\n`));
      const sources = workspaceFiles(editing);
      for (const build of editing.buildsOf(edited)) for (const uri of editing.setBuild(buildFolder(sources, build.folder, editCache))) affected.add(uri);
      for (const uri of affected) analyze(editing, uri);
      filesAfterEdit = affected.size;
    }),
  );
  const result = buildKustomization(files, folder);
  return {
    objects: result.objects.length,
    inputs: result.inputs.length,
    bytes: Buffer.byteLength(result.text.text),
    problems: result.problems.length,
    findings,
    build,
    buildAndMap,
    buildAndCheck,
    rebuild,
    workspaceBuildAndCheck,
    baseEditToDiagnostics,
    filesAfterEdit,
    workspace: await measureKustomizeWorkspace(repetitions),
  };
}

function workspaceOf(texts: ReadonlyMap<string, string>): Workspace {
  const workspace = new Workspace();
  for (const [uri, text] of texts) workspace.set(uri, text);
  return workspace;
}

export const KUSTOMIZE_HEADING = '## 6. Kustomize builds in process';

export function renderKustomizeSection(results: KustomizeResults): string {
  return [
    KUSTOMIZE_HEADING,
    '',
    `A generated three-level overlay (\`scripts/bench/kustomize.ts\`): a base of ${count(results.objects - 1)} objects with commonLabels, a region overlay with a name prefix, a strategic-merge patch per StatefulSet and a generator, and a prod overlay with a namespace, images, replicas, a generator merge and a JSON patch; ${count(results.inputs)} input files, ${count(results.objects)} objects and ${count(results.bytes)} bytes built, ${count(results.problems)} problems. Target: under 50 ms with all checks. The third row analyzes the built text as one plain file (${count(results.findings)} findings); the last two go through the workspace as the editor does: the build's findings placed on the files they came from, and, after an edit of one base file, the three builds reading it (base, region, prod) built again with their parse cache and the ${count(results.filesAfterEdit)} files they read analyzed (target: under 150 ms).`,
    '',
    table(
      ['Step', 'Median'],
      [
        ['buildKustomization', milliseconds(results.build.median)],
        ['build, then the origin map', milliseconds(results.buildAndMap.median)],
        ['build, origin map, then analyze of the output', milliseconds(results.buildAndCheck.median)],
        ['rebuild after an edit of one base file, other files from the parse cache', milliseconds(results.rebuild.median)],
        ['prod build in the workspace, every input file analyzed', milliseconds(results.workspaceBuildAndCheck.median)],
        ['edit in a base → the builds reading it rebuilt → their files analyzed', milliseconds(results.baseEditToDiagnostics.median)],
      ],
    ),
    '',
    `A generated workspace of ${count(results.workspace.files)} files and ${count(results.workspace.kustomizations)} kustomizations (\`scripts/bench/kustomize-workspace.ts\`): 100 apps, each a base of 14 objects with commonLabels and a prod overlay with a namespace, a name prefix and four patches. Every file belongs to a build. The index of the files as plain YAML, as before builds joined it, against the same index followed by every build and the index of its output: first in the engine alone, then as the user waits for it, from a server's start on the files written to disk (for the plain index, the same bytes with each kustomization renamed). Target: within 1.5× of the plain index.`,
    '',
    table(
      ['Index', 'Median', 'Ratio'],
      [
        ['the files as plain YAML', milliseconds(results.workspace.plainIndex.median), '1×'],
        [`the files, then all ${count(results.workspace.kustomizations)} builds`, milliseconds(results.workspace.indexWithBuilds.median), times(results.workspace.indexWithBuilds.median / results.workspace.plainIndex.median)],
        ['server: the files as plain YAML, until "Indexed"', milliseconds(results.workspace.serverPlainIndex.median), '1×'],
        [`server: the files, until "Built ${count(results.workspace.kustomizations)} kustomizations"`, milliseconds(results.workspace.serverIndexWithBuilds.median), times(results.workspace.serverIndexWithBuilds.median / results.workspace.serverPlainIndex.median)],
      ],
    ),
  ].join('\n');
}

export function spliceKustomizeSection(markdown: string, section: string): string {
  return spliceSection(markdown, KUSTOMIZE_HEADING, section);
}
