import { URI, Utils } from 'vscode-uri';
import type { TemplateSource } from '../engine/helm/authoring/definitions';
import { relativePath, uriIn } from '../files/workspace-files';
import type { ServerContext } from './feature';

/** Files a chart's templates folder can hold; `.tpl` helpers are not YAML, so the workspace does not index them. */
const TEMPLATE_FILE = /\.(ya?ml|tpl|txt)$/;
/** A bound on the files read from disk for one request, against a huge or looping tree. */
const MAX_TEMPLATES = 2000;

/** The chart a document under `templates/` belongs to: the nearest ancestor folder with a Chart.yaml. */
export interface ChartOfTemplate {
  /** The chart's folder, as a URI. */
  readonly root: string;
}

/** The chart whose `templates/` folder (at any depth) holds the document, or undefined for other files. */
export function chartOfTemplate(context: ServerContext, uri: string): ChartOfTemplate | undefined {
  let folder = Utils.dirname(URI.parse(uri));
  let sawTemplates = false;
  for (let depth = 0; depth < 64; depth++) {
    if (sawTemplates && exists(context, Utils.joinPath(folder, 'Chart.yaml').toString())) return { root: folder.toString() };
    if (Utils.basename(folder) === 'templates') sawTemplates = true;
    const parent = Utils.dirname(folder);
    if (parent.path === folder.path) return undefined;
    folder = parent;
  }
  return undefined;
}

/** A file's text: the open document's, then the workspace index's, then the disk's. */
export function readText(context: ServerContext, uri: string): string | undefined {
  const open = context.documents.get(uri);
  if (open) return open.getText();
  const indexed = context.workspace.get(uri);
  if (indexed) return indexed.text;
  return context.disk?.readText(uri);
}

function exists(context: ServerContext, uri: string): boolean {
  return context.documents.get(uri) !== undefined || context.workspace.get(uri) !== undefined || (context.disk?.exists(uri) ?? false);
}

/** The templates of the chart and of the subcharts under its `charts/` folder, as Helm's one namespace of `define`s holds them. */
export function chartTemplates(context: ServerContext, chart: ChartOfTemplate): TemplateSource[] {
  const files = new Set<string>();
  if (context.disk) collectCharts(context.disk, chart.root, files, 0);
  // Without a disk, as in the browser, the chart's files are those its render read into the index.
  for (const uri of [...context.workspace.uris(), ...context.documents.keys()]) {
    if (files.size >= MAX_TEMPLATES) break;
    if (isChartTemplate(chart.root, uri)) files.add(uri);
  }
  return [...files].flatMap((uri) => {
    const text = readText(context, uri);
    return text === undefined ? [] : [{ uri, text }];
  });
}

/** Whether a file is a template of the chart at `root` or of a subchart below it. */
function isChartTemplate(root: string, uri: string): boolean {
  const relative = relativePath(root, uri);
  return relative !== undefined && TEMPLATE_FILE.test(relative) && /^(?:charts\/[^/]+\/)*templates\//.test(relative);
}

type Disk = NonNullable<ServerContext['disk']>;

function collectCharts(disk: Disk, root: string, files: Set<string>, depth: number): void {
  if (depth > 8) return;
  collectFiles(disk, uriIn(root, 'templates'), files, 0);
  const charts = uriIn(root, 'charts');
  for (const sub of disk.list(charts)) {
    if (disk.isFolder(uriIn(charts, sub))) collectCharts(disk, uriIn(charts, sub), files, depth + 1);
  }
}

function collectFiles(disk: Disk, folder: string, files: Set<string>, depth: number): void {
  if (depth > 8) return;
  for (const name of disk.list(folder)) {
    if (files.size >= MAX_TEMPLATES) return;
    const full = uriIn(folder, name);
    if (disk.isFolder(full)) collectFiles(disk, full, files, depth + 1);
    else if (TEMPLATE_FILE.test(name)) files.add(full);
  }
}
