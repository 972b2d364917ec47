/** The places of the example StatefulSet that the walkthrough's links jump to. */
export type ExampleFocus = 'partition' | 'password';

const TARGETS: Record<ExampleFocus, RegExp> = {
  // The key, where the hover works out which pods a rollout updates.
  partition: /^[ \t]*(partition):/dm,
  // The literal value of the password variable, where the quick fixes are offered.
  password: /- name: POSTGRES_PASSWORD[ \t]*\n[ \t]*value:[ \t]*(\S[^\n]*?)[ \t]*$/dm,
};

/** The zero-based line and character range of a focus in the example text. */
export function focusIn(text: string, focus: ExampleFocus): { line: number; start: number; end: number } | undefined {
  const indices = TARGETS[focus].exec(text)?.indices?.[1];
  if (!indices) return undefined;
  const [from, to] = indices;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  return { line: text.slice(0, from).split('\n').length - 1, start: from - lineStart, end: to - lineStart };
}

export function isExampleFocus(value: unknown): value is ExampleFocus {
  return value === 'partition' || value === 'password';
}
