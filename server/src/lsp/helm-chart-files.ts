import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { TemplateSource } from '../engine/helm/authoring/definitions';
import type { ServerContext } from './feature';

/** Files a chart's templates folder can hold; `.tpl` helpers are not YAML, so the workspace does not index them. */
const TEMPLATE_FILE = /\.(ya?ml|tpl|txt)$/;
/** A bound on the files read from disk for one request, against a huge or looping tree. */
const MAX_TEMPLATES = 2000;

/** The chart a document under `templates/` belongs to: the nearest ancestor folder with a Chart.yaml. */
export interface ChartOfTemplate {
  /** The chart's folder on disk. */
  readonly root: string;
}

/** The chart whose `templates/` folder (at any depth) holds the document, or undefined for other files. */
export function chartOfTemplate(context: ServerContext, uri: string): ChartOfTemplate | undefined {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return undefined;
  const file = parsed.fsPath;
  let folder = path.dirname(file);
  let sawTemplates = false;
  for (let depth = 0; depth < 64; depth++) {
    if (sawTemplates && exists(context, path.join(folder, 'Chart.yaml'))) return { root: folder };
    if (path.basename(folder) === 'templates') sawTemplates = true;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  return undefined;
}

/** A file's text: the open document's, then the workspace index's, then the disk's. */
export function readText(context: ServerContext, file: string): string | undefined {
  const uri = URI.file(file).toString();
  const open = context.documents.get(uri);
  if (open) return open.getText();
  const indexed = context.workspace.get(uri);
  if (indexed) return indexed.text;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function exists(context: ServerContext, file: string): boolean {
  const uri = URI.file(file).toString();
  return context.documents.get(uri) !== undefined || context.workspace.get(uri) !== undefined || existsSync(file);
}

/** The templates of the chart and of the subcharts under its `charts/` folder, as Helm's one namespace of `define`s holds them. */
export function chartTemplates(context: ServerContext, chart: ChartOfTemplate): TemplateSource[] {
  const files: string[] = [];
  collectCharts(chart.root, files, 0);
  return files.flatMap((file) => {
    const text = readText(context, file);
    return text === undefined ? [] : [{ uri: URI.file(file).toString(), text }];
  });
}

function collectCharts(root: string, files: string[], depth: number): void {
  if (depth > 8) return;
  collectFiles(path.join(root, 'templates'), files, 0);
  for (const sub of entries(path.join(root, 'charts'))) {
    if (isDirectory(path.join(root, 'charts', sub))) collectCharts(path.join(root, 'charts', sub), files, depth + 1);
  }
}

function collectFiles(folder: string, files: string[], depth: number): void {
  if (depth > 8) return;
  for (const name of entries(folder)) {
    if (files.length >= MAX_TEMPLATES) return;
    const full = path.join(folder, name);
    if (isDirectory(full)) collectFiles(full, files, depth + 1);
    else if (TEMPLATE_FILE.test(name)) files.push(full);
  }
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
