/**
 * What a build reports about its inputs, by UTF-16 offsets into the file at fault, so that rules
 * and the CLI can place it on the exact line. The codes name the rule that will publish them.
 */
export interface BuildProblem {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: BuildProblemCode;
}

export type BuildProblemCode =
  /** A path in resources, components, patches or generator files that does not exist. */
  | 'kustomize-path-not-found'
  /** A field or feature the in-process build leaves out (vars, replacements, plugins, remote bases). */
  | 'kustomize-not-built'
  /** A kustomization, resource or patch that kustomize itself would reject. */
  | 'kustomize-invalid';

export class Problems {
  readonly list: BuildProblem[] = [];

  add(uri: string, span: readonly [number, number] | undefined, severity: BuildProblem['severity'], code: BuildProblemCode, message: string): void {
    const [start, end] = span ?? [0, 0];
    if (this.list.some((problem) => problem.uri === uri && problem.start === start && problem.message === message)) return;
    this.list.push({ uri, start, end, message, severity, code });
  }
}
