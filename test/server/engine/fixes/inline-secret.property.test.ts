import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyFix, documentsOf, fixesOf, objectsOf, sessionOf, type Files } from '../../../helpers/fix-tester';

/*
 * Generated StatefulSets whose env vars hold credentials written in every YAML style people
 * use; each inline-secret fix must leave valid YAML, the credential in the Secret exactly once,
 * no trace of it in the StatefulSet, and every line it did not need to touch as it was.
 */

const URI = 'file:///work/app/statefulset.yaml';
/** Every credential starts with it, so a leftover is easy to find in any text. */
const MARK = 'Zq7!';

type ValueStyle = 'double' | 'single' | 'plain' | 'literal' | 'folded';
type EntryStyle = 'block' | 'value-first' | 'commented' | 'flow';

interface EnvSpec {
  name: string;
  value: string;
  valueStyle: ValueStyle;
  entryStyle: EntryStyle;
}

interface ManifestSpec {
  unit: number;
  indentSequences: boolean;
  crlf: boolean;
  namespace: string | undefined;
  containers: EnvSpec[][];
  /** The first credential is anchored and another variable aliases it. */
  alias: boolean;
}

const lineCharacter = fc.constantFrom(...'abcXYZ019 "\'\\#:-{}[],&*!|>%@`\té😀/='.split(''), 'é', '😀');
const line = fc.string({ unit: lineCharacter, maxLength: 12 });
const singleLine = line.map((body) => `${MARK}${body}!9`);
const multiLine = fc
  .tuple(fc.array(fc.string({ unit: fc.constantFrom(...'abcXYZ019+/=- #"\''.split('')), maxLength: 10 }), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([lines, trailing]) => `${MARK}${['', ...lines].join('\n').slice(1)}!9${trailing ? '\n' : ''}`);

/** The styles a value can be written in and read back exactly. */
function stylesFor(value: string, flow: boolean): ValueStyle[] {
  const styles: ValueStyle[] = ['double'];
  if (!/[\n\t]/.test(value)) styles.push('single');
  if (/^[A-Za-z0-9!][A-Za-z0-9!_.=/-]*$/.test(value)) styles.push('plain');
  if (!flow && value.includes('\n') && !/^[ \t]|\n[ \t]|[ \t]\n/.test(value)) styles.push('literal');
  if (!flow && !value.includes('\n') && !/^\s|\s$|\t| {2}/.test(value)) styles.push('folded');
  return styles;
}

const envSpec = (index: number) =>
  fc
    // `{{` would make the file a Helm template, which is not analysed.
    .tuple(fc.oneof(singleLine, multiLine).filter((value) => !value.includes('{{')), fc.constantFrom<EntryStyle>('block', 'value-first', 'commented', 'flow'), fc.nat())
    .map(([value, entryStyle, pick]) => {
      const flow = entryStyle === 'flow';
      const styles = stylesFor(value, flow);
      return { name: `DB_PASSWORD_${index}`, value, entryStyle, valueStyle: styles[pick % styles.length] };
    });

const manifestSpec: fc.Arbitrary<ManifestSpec> = fc
  .record({
    unit: fc.constantFrom(2, 4),
    indentSequences: fc.boolean(),
    crlf: fc.boolean(),
    namespace: fc.option(fc.constantFrom('data', 'shop'), { nil: undefined }),
    sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
    alias: fc.boolean(),
  })
  .chain(({ sizes, ...rest }) => {
    let counter = 0;
    const containers = sizes.map((size) => fc.tuple(...Array.from({ length: size }, () => envSpec(counter++))));
    return fc.tuple(...containers).map((generated) => ({ ...rest, containers: generated }));
  });

function scalar(env: EnvSpec, indent: string): string {
  const { value } = env;
  switch (env.valueStyle) {
    case 'single':
      return `'${value.replace(/'/g, "''")}'`;
    case 'plain':
      return value;
    case 'literal': {
      const body = value.replace(/\n$/, '');
      return [value.endsWith('\n') ? '|' : '|-', ...body.split('\n').map((text) => (text === '' ? '' : indent + text))].join('\n');
    }
    case 'folded':
      return `>-\n${indent}${value}`;
    default:
      return JSON.stringify(value);
  }
}

/** Writes the manifest in the spec's styles, with comments, a non-secret variable and a Service. */
function render(spec: ManifestSpec): string {
  const pad = (level: number, extra = 0) => ' '.repeat(level * spec.unit + extra);
  const seqShift = spec.indentSequences ? spec.unit : 0;
  const lines = ['# Generated for a property test.', 'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', `${pad(1)}name: app`];
  if (spec.namespace) lines.push(`${pad(1)}namespace: ${spec.namespace}`);
  lines.push('spec:', `${pad(1)}serviceName: app`, `${pad(1)}selector:`, `${pad(2)}matchLabels:`, `${pad(3)}app: app`);
  lines.push(`${pad(1)}template:`, `${pad(2)}metadata:`, `${pad(3)}labels:`, `${pad(4)}app: app`, `${pad(2)}spec:`, `${pad(3)}containers:`);
  const dash = 3 * spec.unit + seqShift;
  spec.containers.forEach((envs, containerIndex) => {
    lines.push(`${' '.repeat(dash)}- name: c${containerIndex}`, `${' '.repeat(dash + 2)}image: example/app:1.0`, `${' '.repeat(dash + 2)}env:`);
    const envDash = dash + 2 + seqShift;
    const at = (extra: number) => ' '.repeat(envDash + extra);
    lines.push(`${at(0)}- name: PLAIN_SETTING`, `${at(2)}value: keep-me  # not a credential`);
    envs.forEach((env, envIndex) => {
      const anchored = spec.alias && containerIndex === 0 && envIndex === 0;
      const value = `${anchored ? '&pw ' : ''}${scalar(env, at(2 + spec.unit))}`;
      if (env.entryStyle === 'flow') lines.push(`${at(0)}- {name: ${env.name}, value: ${value}}`);
      else if (env.entryStyle === 'value-first') lines.push(`${at(0)}- value: ${value}`, `${at(2)}name: ${env.name}`);
      else lines.push(`${at(0)}- name: ${env.name}`, ...(env.entryStyle === 'commented' ? [`${at(2)}# read at start-up`] : []), `${at(2)}value: ${value}`);
    });
    if (spec.alias && containerIndex === spec.containers.length - 1) lines.push(`${at(0)}- name: COPY_PASSWORD`, `${at(2)}value: *pw`);
  });
  lines.push('---', 'apiVersion: v1', 'kind: Service', 'metadata:', `${pad(1)}name: app`, 'spec:', `${pad(1)}clusterIP: None`, `${pad(1)}selector:`, `${pad(2)}app: app`, '');
  const text = lines.join('\n');
  return spec.crlf ? text.replace(/\n/g, '\r\n') : text;
}

function statefulSetOf(files: Files): Record<string, any> {
  return objectsOf(files, 'StatefulSet')[0];
}

function envsOf(statefulSet: Record<string, any>): Record<string, any>[] {
  return statefulSet.spec.template.spec.containers.flatMap((container: { env: Record<string, any>[] }) => container.env);
}

function envNamed(envs: Record<string, any>[], name: string): Record<string, any> {
  const env = envs.find((candidate) => candidate.name === name);
  assert.ok(env, `env var ${name} exists`);
  return env;
}

function checkResult(spec: ManifestSpec, files: Files, moved: readonly EnvSpec[]): void {
  const statefulSet = statefulSetOf(files);
  const secrets = objectsOf(files, 'Secret');
  assert.equal(secrets.length, 1, 'one Secret');
  const [secret] = secrets;
  assert.equal(secret.type, 'Opaque');
  assert.equal(secret.metadata.namespace, spec.namespace);
  const envs = envsOf(statefulSet);
  const referenced = new Set<string>();
  for (const env of moved) {
    const written = envNamed(envs, env.name);
    assert.equal(written.value, undefined, `${env.name} holds no value`);
    const ref = written.valueFrom.secretKeyRef;
    assert.equal(ref.name, secret.metadata.name);
    assert.equal(secret.stringData[ref.key], env.value, `the Secret holds ${env.name} exactly`);
    referenced.add(ref.key);
  }
  assert.deepEqual(Object.keys(secret.stringData).sort(), [...referenced].sort(), 'the Secret holds the moved credentials and nothing else');
  assert.equal(envNamed(envs, 'PLAIN_SETTING').value, 'keep-me');
  if (spec.crlf) for (const text of files.values()) assert.ok(!/(?<!\r)\n/.test(text), 'CRLF everywhere');
}

describe('inline-secret fixes on generated StatefulSets', () => {
  it('move every credential out, exactly, and leave the rest of the text alone', () => {
    fc.assert(
      fc.property(manifestSpec, (spec) => {
        const text = render(spec);
        const all = spec.containers.flat();
        // The generator writes what it means: the env vars read back as generated.
        const generated = envsOf(documentsOf(text)[0] as Record<string, any>);
        for (const env of all) assert.equal(envNamed(generated, env.name).value, env.value);

        const session = sessionOf(new Map([[URI, text]]));
        const reported = session.findings.filter((finding) => finding.ruleId === 'inline-secret');
        assert.equal(reported.length, all.length + (spec.alias ? 1 : 0), 'every credential is reported');

        const fixes = fixesOf(session, 'inline-secret');
        const moveAll = fixes.find((fix) => fix.id === 'secret-all');
        if (all.length > 1 || moveAll) {
          assert.ok(moveAll, 'move all is offered');
          const result = applyFix(session, moveAll);
          assert.ok(!result.files.get(URI)!.includes(MARK), 'no trace of any credential in the StatefulSet file');
          checkResult(spec, result.files, all);
          if (spec.alias) {
            const envs = envsOf(statefulSetOf(result.files));
            assert.deepEqual(envNamed(envs, 'COPY_PASSWORD').valueFrom, envNamed(envs, all[0].name).valueFrom);
          }
        }

        for (const env of all) {
          for (const id of ['secret-new-file', 'secret-this-file']) {
            const fix = fixes.find((candidate) => candidate.id === id && candidate.title.includes(`'${env.name}'`));
            assert.ok(fix, `${id} is offered for ${env.name}`);
            const result = applyFix(session, fix);
            checkResult(spec, result.files, [env]);
            assert.equal(result.created.length, id === 'secret-new-file' ? 1 : 0);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
