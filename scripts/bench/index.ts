// `npm run bench`: generates the inputs from a seed into a temporary folder, takes every
// measurement of issue 8 side by side, and writes bench/results.md.
//   --runs <n>     timed runs per figure (default 5), after at least --warm-up <n> untimed runs (default 1)
//   --quick        a smoke run: 1 run, no warm-up, a 200-file workspace, results on stdout only
//   --out <file>   where to write the results (default bench/results.md; none with --quick)
//   --seed <n>     the seed of the generated inputs
//   --helm         only the Helm renderer (section 5), put in place in the results file
//   --kustomize    only the kustomize build (section 6), put in place in the results file
//   --scale        only the monorepo scale (section 7: 20,000 files, lint --cache), put in place in the results file
import { existsSync, readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureAnalysis, type SizedInput } from './analysis';
import { helmCorpusMissing, measureHelm, renderHelmSection, spliceHelmSection } from './helm';
import { measureFile, startSession } from './editor';
import { measureKustomize, renderKustomizeSection, spliceKustomizeSection } from './kustomize';
import { generateManifestFile, generateWorkspace } from './inputs';
import { measureLint } from './lint';
import { measureScale, renderScaleSection, SCALE_FILES, spliceScaleSection } from './scale';
import { fileUri, type LspSession } from './lsp-session';
import { describeMachine } from './machine';
import { renderResults } from './report';
import { verdicts, type EditorResults, type EditorRow } from './results';
import { schemaDiagnostic } from './schema-probe';
import {
  CLI,
  exportSchema,
  nodeVersion,
  NODE_24,
  ourServer,
  packageVersion,
  ROOT,
  SERVER,
  YAML_LANGUAGE_SERVER_DELAY_MS,
  yamlLanguageServer,
  yamlLanguageServerMissing,
} from './servers';
import type { Repetitions } from './timing';
import { measureWorkspace, writeWorkspace } from './workspace';

const SIZES = [150, 3_000, 30_000];
const WORKSPACE_FILES = 2_000;
const QUICK_WORKSPACE_FILES = 200;
/** Enough for the charts and kustomizations the scale workspace always holds, and a few hundred files more. */
const QUICK_SCALE_FILES = 2_500;
const DEFAULT_SEED = 2026;

const started = performance.now();
const progress = (message: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

function wholeNumber(text: string | undefined, fallback: number, flag: string, minimum = 1): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < minimum) throw new Error(`--${flag} takes a whole number of at least ${minimum}, not '${text}'.`);
  return Number(text);
}

/** Both servers run at once and are timed in turn on each file, so that a change in the machine's load hits both. */
async function editorResults(inputs: SizedInput[], folder: string, repetitions: Repetitions): Promise<EditorResults> {
  const ours = await startSession(ourServer(), async (session) => {
    await session.logMatching(/Indexed \d+ YAML files/);
  });
  const skipped = yamlLanguageServerMissing();
  let schemaCheck: string | undefined;
  let theirs: LspSession | undefined;
  try {
    if (skipped) {
      progress(`Skipping yaml-language-server: ${skipped}`);
    } else {
      const schema = path.join(folder, 'kube-stateful.schema.json');
      exportSchema(schema);
      theirs = await startSession(yamlLanguageServer(schema, ['statefulsets-*.yaml']), async (session) => {
        schemaCheck = await schemaDiagnostic(session, path.join(folder, 'statefulsets-probe.yaml'));
      });
    }
    const rows: EditorRow[] = [];
    for (const input of inputs) {
      progress(`Timing diagnostics over stdio on ${input.lines} lines…`);
      const figures = await measureFile(ours, input, repetitions);
      rows.push({ lines: input.lines, ours: figures, yamlLanguageServer: theirs && (await measureFile(theirs, input, repetitions)) });
    }
    return { rows, yamlLanguageServerSkipped: skipped, schemaCheck, yamlLanguageServerDelay: YAML_LANGUAGE_SERVER_DELAY_MS };
  } finally {
    await Promise.all([ours.shutdown(), theirs?.shutdown()]);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      'warm-up': { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      seed: { type: 'string' },
      helm: { type: 'boolean', default: false },
      kustomize: { type: 'boolean', default: false },
      scale: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  const repetitions: Repetitions = {
    runs: wholeNumber(values.runs, quick ? 1 : 5, 'runs'),
    warmUp: wholeNumber(values['warm-up'], quick ? 0 : 1, 'warm-up', 0),
  };
  const seed = wholeNumber(values.seed, DEFAULT_SEED, 'seed', 0);
  const out = values.out ?? (quick ? undefined : path.join(ROOT, 'bench', 'results.md'));
  const helmSection = async (): Promise<string> => {
    const missing = helmCorpusMissing();
    if (missing) return renderHelmSection(missing);
    progress('Timing the Helm renderer on the corpus charts…');
    return renderHelmSection(await measureHelm(repetitions));
  };
  const kustomizeSection = async (): Promise<string> => {
    progress('Timing the kustomize build of a three-level overlay…');
    return renderKustomizeSection(await measureKustomize(repetitions));
  };
  const scaleSection = async (): Promise<string> => {
    const load = describeMachine().loadAverage;
    return renderScaleSection(await measureScale(seed, quick ? QUICK_SCALE_FILES : SCALE_FILES, repetitions, progress), load);
  };
  if (values.helm || values.kustomize || values.scale) {
    const [section, splice] = values.helm
      ? [await helmSection(), spliceHelmSection]
      : values.kustomize
        ? [await kustomizeSection(), spliceKustomizeSection]
        : [await scaleSection(), spliceScaleSection];
    if (!out) process.stdout.write(`${section}\n`);
    else writeFileSync(out, splice(existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmark results\n', section));
    return;
  }

  for (const built of [SERVER, CLI]) {
    if (!existsSync(built)) throw new Error(`${path.relative(ROOT, built)} is missing: run npm run build first (npm run bench does).`);
  }

  const folder = mkdtempSync(path.join(tmpdir(), 'kube-stateful-bench-'));
  try {
    progress(`Generating inputs from seed ${seed} in ${folder}…`);
    const inputs: SizedInput[] = SIZES.map((lines) => {
      const file = path.join(folder, `statefulsets-${lines}.yaml`);
      const text = generateManifestFile(seed, lines);
      writeFileSync(file, text);
      return { lines, file, uri: fileUri(file), text };
    });
    const workspaceFolder = path.join(folder, 'workspace');
    const files = generateWorkspace(seed, quick ? QUICK_WORKSPACE_FILES : WORKSPACE_FILES);
    writeWorkspace(workspaceFolder, files);

    const machine = describeMachine();
    progress('Timing bare parse and engine analysis…');
    const analysis = await measureAnalysis(inputs, repetitions);
    const editor = await editorResults(inputs, folder, repetitions);
    progress(`Timing a workspace of ${files.length} files…`);
    const workspace = await measureWorkspace(workspaceFolder, path.join(folder, 'single-file-workspace'), files, repetitions);
    progress('Timing kube-stateful lint…');
    const lint = await measureLint(workspaceFolder, files.length, workspace.parse, repetitions);

    const results = {
      environment: {
        date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        seed,
        ...repetitions,
        duration: (performance.now() - started) / 1000,
        ...machine,
        node: process.version,
        yamlLanguageServerNode: editor.yamlLanguageServerSkipped ? undefined : nodeVersion(NODE_24),
        yamlVersion: packageVersion('yaml'),
        yamlLanguageServerVersion: packageVersion('yaml-language-server'),
      },
      analysis,
      editor,
      workspace,
      lint,
    };
    const markdown = spliceScaleSection(spliceKustomizeSection(spliceHelmSection(renderResults(results), await helmSection()), await kustomizeSection()), await scaleSection());
    if (out) {
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, markdown);
      progress(`Wrote ${path.relative(process.cwd(), out)}.`);
    } else {
      process.stdout.write(markdown);
    }
    for (const verdict of verdicts(results)) {
      progress(`${verdict.met === undefined ? 'not measured' : verdict.met ? 'met    ' : 'NOT MET'}  ${verdict.target}: ${verdict.figure}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
