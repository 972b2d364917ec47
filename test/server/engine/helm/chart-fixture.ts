import type { ChartRender, RenderProblem } from '../../../../server/src/engine/helm/chart/chart-render';
import type { CallFrame, Origin, SourceSpan } from '../../../../server/src/engine/helm/go/origin';
import { Rope } from '../../../../server/src/engine/helm/go/rope';

export const ROOT = 'file:///charts/db';
export const uriOf = (path: string) => `${ROOT}/${path}`;

/** A StatefulSet's spec from `replicas` on, for templates that vary only above it. */
export const POD_SPEC = `  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: db
`;

/** A StatefulSet template with no action, governed by the Service `db`. */
export const LITERAL_STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
${POD_SPEC}`;

/** The Service `db`, headless or not. */
export const serviceText = (headless: boolean) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
${headless ? '  clusterIP: None\n' : ''}  selector:
    app: db
  ports:
    - port: 5432
`;

/** The span of the `occurrence`-th `needle` in `text`, in the file `uri`. */
export function spanOf(uri: string, text: string, needle: string, occurrence = 1): SourceSpan {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`${JSON.stringify(needle)} is not in ${uri}`);
  return { uri, start, end: start + needle.length };
}

/**
 * A template's output as a renderer would make it: the text between actions is copied with its
 * span, and each action is replaced by the rope given for its text (which keeps its own origins,
 * such as a helper's lines), or by nothing.
 */
export function renderTemplate(uri: string, text: string, actions: Record<string, Rope> = {}): Rope {
  const parts: Rope[] = [];
  let position = 0;
  for (const match of text.matchAll(/\{\{-?(.*?)-?\}\}\n?/g)) {
    const start = match.index;
    const actionEnd = start + match[0].trimEnd().length;
    if (start > position) parts.push(Rope.of(text.slice(position, start), { kind: 'text', span: { uri, start: position, end: start }, frames: [] }));
    const action = text.slice(start, actionEnd);
    const output = actions[action];
    if (output) parts.push(output.withDefaultOrigin({ kind: 'action', span: { uri, start, end: actionEnd }, frames: [] }));
    // A trimmed action's line break goes with it, as `{{- … -}}` would drop it.
    position = actionEnd + (match[0].endsWith('\n') && action.endsWith('-}}') ? 1 : 0);
  }
  if (position < text.length) parts.push(Rope.of(text.slice(position), { kind: 'text', span: { uri, start: position, end: text.length }, frames: [] }));
  return Rope.concat(parts);
}

/** Output written by a helper's span, reached through `frames`. */
export function fromHelper(text: string, span: SourceSpan, frames: CallFrame[], value?: SourceSpan): Rope {
  const origin: Origin = { kind: 'action', span, frames, ...(value ? { value } : {}) };
  return Rope.of(text, origin);
}

/** A render of the templates at `path`; `source` is the template text it read, when a test needs it. */
export function chartRender(templates: { path: string; output: Rope; source?: string }[], problems: RenderProblem[] = []): ChartRender {
  return {
    rootUri: ROOT,
    chartName: 'db',
    templates: templates.map(({ path, output, source = '' }) => ({ name: `db/${path}`, uri: uriOf(path), source, output })),
    problems,
  };
}
