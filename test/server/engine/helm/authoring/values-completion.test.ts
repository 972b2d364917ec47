import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeValue, valuesCompletion } from '../../../../../server/src/engine/helm/authoring/values-completion';
import { readValues } from '../../../../../server/src/engine/helm/values/read-values';

const VALUES = 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1.25"\n  pullPolicy: IfNotPresent\nservice:\n  type: ClusterIP\n  port: 80\nlist: [a, b]\n"quoted": x\nempty: ~\n';
const { values } = readValues('file:///chart/values.yaml', VALUES);

describe('valuesCompletion', () => {
  it('offers the top-level keys after .Values., in values.yaml order, with values and key spans', () => {
    const text = '{{ .Values. }}';
    const result = valuesCompletion(text, text.indexOf(' }}'), values, VALUES)!;
    assert.deepEqual(result.path, []);
    assert.deepEqual(
      result.items.map((item) => [item.key, item.kind, item.detail]),
      [
        ['replicaCount', 'scalar', '1'],
        ['image', 'map', '{…} 3 keys'],
        ['service', 'map', '{…} 2 keys'],
        ['list', 'list', '[…] 2 items'],
        ['quoted', 'scalar', '"x"'],
        ['empty', 'scalar', 'null'],
      ],
    );
    const spans = result.items.map((item) => VALUES.slice(item.keySpan!.start, item.keySpan!.end));
    assert.deepEqual(spans, ['replicaCount', 'image', 'service', 'list', '"quoted"', 'empty']);
    assert.equal(result.items[0].keySpan!.uri, 'file:///chart/values.yaml');
  });

  it('offers nested keys after .Values.a. and $.Values.a., replacing a partly typed key', () => {
    const text = '{{ $.Values.image.re }}';
    const offset = text.indexOf(' }}');
    const result = valuesCompletion(text, offset, values)!;
    assert.deepEqual(result.path, ['image']);
    assert.deepEqual(result.items.map((item) => [item.key, item.detail]), [
      ['repository', '"nginx"'],
      ['tag', '"1.25"'],
      ['pullPolicy', '"IfNotPresent"'],
    ]);
    assert.equal(text.slice(result.replaceStart, result.replaceEnd), 're');
  });

  it('offers nothing outside {{ }}, after a path that is not a map, or after other fields', () => {
    assert.equal(valuesCompletion('name: .Values.', 14, values), undefined);
    const list = '{{ .Values.list. }}';
    assert.equal(valuesCompletion(list, list.indexOf(' }}'), values), undefined);
    const missing = '{{ .Values.nothing. }}';
    assert.equal(valuesCompletion(missing, missing.indexOf(' }}'), values), undefined);
    const other = '{{ .Chart.Values. }}';
    assert.equal(valuesCompletion(other, other.indexOf(' }}'), values), undefined);
    const closed = '{{ .Values.image }} .Values.';
    assert.equal(valuesCompletion(closed, closed.length, values), undefined);
  });

  it('prints long scalars shortened', () => {
    assert.equal(describeValue('x'.repeat(100)).length, 60);
    assert.equal(describeValue(true), 'true');
    assert.equal(describeValue(new Map([['a', 1]])), '{…} 1 key');
  });
});
