import fc from 'fast-check';
import { stringify } from 'yaml';
import { generatedManifests } from './manifests';
import type { Seed } from './seeds';

/*
 * The inputs of the fuzz: arbitrary text, YAML renderings of arbitrary values, generated
 * manifests, and edits of real files of the kind a person typing (or a broken tool) makes.
 */

/** Pieces of YAML syntax and of manifests, so that random text often parses part of the way. */
const YAML_PIECES = [
  ...'-:?[]{},#&*!|>\'"%@` \t\n'.split(''),
  '\r\n', '\r', ': ', '- ', '\n  ', '\n    ', '---\n', '...\n', '<<: ', '&a ', '*a', '!!str ', '!!binary ', '? ', '|-\n  ', '>+\n',
  'apiVersion: apps/v1\n', 'kind: StatefulSet\n', 'kind: Service\n', 'kind: List\nitems:\n', 'metadata:\n  name: web\n',
  'spec:\n', 'serviceName: web\n', 'replicas: 3\n', 'selector:\n  matchLabels:\n    app: web\n', 'template:\n', 'containers:\n',
  '- name: c\n', 'env:\n', '- name: DB_PASSWORD\n  value: ', 'clusterIP: None\n', 'volumeClaimTemplates:\n', '{{ .Values.x }}',
  'yes', 'on', '0755', '0x1F', '1e3', '~', 'null', '.inf', '\u0000', '\ufeff', '\u2028', 'é', '😀', '\ud800',
];

const yamlPiece = fc.constantFrom(...YAML_PIECES);

/** Text of any kind: every code unit, lone surrogates and control characters included. */
export const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.oneof(yamlPiece, fc.string({ minLength: 1, maxLength: 3 })), maxLength: 60 }),
);

/** YAML written from arbitrary values, in block, flow or JSON style. */
export const yamlValueText = fc
  .tuple(
    fc.anything({ maxDepth: 4, maxKeys: 6, withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
    fc.constantFrom('block', 'flow', 'json'),
    fc.constantFrom(2, 4),
  )
  .map(([value, style, indent]) => {
    if (style === 'json') return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
    return stringify(value, { indent, collectionStyle: style === 'flow' ? 'flow' : 'any', version: '1.1' }) ?? '';
  });

/** Manifests generated from the schema, one integer each. */
export const manifestText = fc.integer().map((seed) => generatedManifests(seed));

export type Mutation =
  | { kind: 'delete-lines' | 'duplicate-lines'; at: number; count: number }
  | { kind: 'indent'; at: number; count: number; delta: number; tab: boolean }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'line-endings'; crlf: boolean }
  | { kind: 'bom' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-lines', 'duplicate-lines'), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('indent'), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }), delta: fc.integer({ min: -4, max: 4 }), tab: fc.boolean() }),
  fc.record({ kind: fc.constant('swap-lines'), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: fc.oneof(yamlPiece, fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('line-endings'), crlf: fc.boolean() }),
  fc.constant({ kind: 'bom' as const }),
);

/** Applies one edit; positions wrap around the text, so any number fits any file. */
export function mutate(text: string, edit: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % lines.length;
  switch (edit.kind) {
    case 'delete-lines':
      lines.splice(line(edit.at), edit.count);
      return lines.join('\n');
    case 'duplicate-lines': {
      const start = line(edit.at);
      lines.splice(start, 0, ...lines.slice(start, start + edit.count));
      return lines.join('\n');
    }
    case 'indent': {
      const start = line(edit.at);
      for (let i = start; i < Math.min(start + edit.count, lines.length); i++) {
        if (edit.delta > 0) lines[i] = (edit.tab ? '\t' : ' '.repeat(edit.delta)) + lines[i];
        else lines[i] = lines[i].replace(new RegExp(`^ {0,${-edit.delta}}`), '');
      }
      return lines.join('\n');
    }
    case 'swap-lines': {
      const [a, b] = [line(edit.at), line(edit.other)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, edit.at % (text.length + 1));
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.count);
    }
    case 'line-endings':
      return edit.crlf ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n');
    case 'bom':
      return '\ufeff' + text;
  }
}

/** A seed file (given as its index) with a few edits applied in turn. */
export function mutatedSeed(seeds: readonly Seed[]) {
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([index, edits]) => ({
    seed: seeds[index],
    text: edits.reduce(mutate, seeds[index].text),
  }));
}
