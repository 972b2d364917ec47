import type { KubernetesVersion } from '../../config';
import type { Rope } from '../go/rope';

/**
 * A chart's files as the engine sees them: the text of every file under the chart's folder,
 * by path relative to it with `/` separators (`templates/statefulset.yaml`,
 * `charts/common/values.yaml`). Editors give unsaved text; the CLI reads the disk. Binary files
 * (packed subcharts) are listed with empty text.
 */
export interface ChartFiles {
  /** The chart folder's URI, without a trailing slash. */
  readonly rootUri: string;
  readonly files: ReadonlyMap<string, string>;
}

/** A values file applied after the chart's own, like `helm template -f`. */
export interface ValuesFile {
  readonly uri: string;
  readonly text: string;
}

export interface RenderOptions {
  /** `.Release.Name`; `release-name` when the user gives none, as `helm template` does. */
  readonly releaseName: string;
  readonly namespace: string;
  readonly kubernetesVersion: KubernetesVersion;
  /** Applied in order after the chart's `values.yaml`. */
  readonly valuesFiles: readonly ValuesFile[];
  /** `--set` expressions, in order, after the values files and `--set-json`. */
  readonly setValues: readonly string[];
  /** `--set-json` expressions, in order, right after the values files. */
  readonly setJsonValues?: readonly string[];
  /** `--set-string` expressions, in order, after `--set`. */
  readonly setStringValues?: readonly string[];
  /** `--set-file` expressions, in order, last; each path's text comes from `setFileTexts`. */
  readonly setFileValues?: readonly string[];
  /** The text of each file `setFileValues` names, by the path as written: the caller reads them, never the engine. */
  readonly setFileTexts?: ReadonlyMap<string, string>;
}

/** One template's output, before it is split into documents. */
export interface RenderedTemplate {
  /** Helm's name for it, which `# Source:` lines print: `mongodb/templates/standalone/dep-sts.yaml`. */
  readonly name: string;
  /** The template file's URI. */
  readonly uri: string;
  /** The template's text as the render read it: output offsets point into this version. */
  readonly source: string;
  /** The text it rendered to; every segment knows the template or values span that wrote it. */
  readonly output: Rope;
}

/** Something that kept a template, or the whole chart, from rendering. */
export interface RenderProblem {
  /** The file at fault: the template of the failing action, `Chart.yaml`, a values file… */
  readonly uri: string;
  /** Offsets in that file of the action or key at fault. */
  readonly start: number;
  readonly end: number;
  /** What Helm would print, for example `execution error at (x/templates/a.yaml:3:4): msg`. */
  readonly message: string;
  /** `info` for what is not rendered on purpose, such as a packed subchart. */
  readonly severity: 'error' | 'warning' | 'info';
  /** The rule that reports it. */
  readonly ruleId: 'helm-render-error' | 'helm-subchart-packed';
}

/** Everything a render of one chart gave: every template that rendered, and what failed. */
export interface ChartRender {
  readonly rootUri: string;
  /** The chart's name from `Chart.yaml`. */
  readonly chartName: string;
  /** The templates that rendered (not `_*` helpers, not NOTES.txt), in Helm's render order. */
  readonly templates: readonly RenderedTemplate[];
  readonly problems: readonly RenderProblem[];
}

/**
 * Renders one chart, as `helm template` would. Problems come back in the render, never as
 * exceptions, so that the rest of the chart is still checked.
 */
export type ChartRenderer = (files: ChartFiles, options: RenderOptions) => ChartRender;
