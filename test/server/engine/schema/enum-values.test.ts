import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedValues, ENUM_FIELDS } from '../../../../server/src/engine/schema/enum-values';
import { schemaAt } from '../../../../server/src/engine/schema/field-at-path';
import { typeEntry } from '../../../../server/src/engine/schema/field-table';
import { findingsOf } from '../../../helpers/rule-tester';

function valuesAt(path: (string | number)[]): string[] | undefined {
  const field = schemaAt('apps/v1.StatefulSet', path)?.field;
  return field && allowedValues(field)?.map((entry) => entry.value);
}

/** The values a rule's message lists as allowed: `'A', 'B' and 'C'`. */
function listedIn(message: string): string[] {
  const list = /(?:allowed values are|Operators are|use) ('.*')/i.exec(message)?.[1] ?? '';
  return [...list.matchAll(/'([^']*)'/g)].map((match) => match[1]);
}

const CONTAINER = ['spec', 'template', 'spec', 'containers', 0];

describe('the values of fixed-set fields', () => {
  it('agree with the lists the invalid-enum-value rule enforces', () => {
    const paths: Record<string, (string | number)[]> = {
      podManagementPolicy: ['spec', 'podManagementPolicy'],
      'updateStrategy.type': ['spec', 'updateStrategy', 'type'],
      'persistentVolumeClaimRetentionPolicy.whenDeleted': ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted'],
      'persistentVolumeClaimRetentionPolicy.whenScaled': ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenScaled'],
      imagePullPolicy: [...CONTAINER, 'imagePullPolicy'],
      'Port protocol': [...CONTAINER, 'ports', 0, 'protocol'],
      'livenessProbe.httpGet.scheme': [...CONTAINER, 'livenessProbe', 'httpGet', 'scheme'],
      'readinessProbe.httpGet.scheme': [...CONTAINER, 'readinessProbe', 'httpGet', 'scheme'],
    };
    const findings = ['spec-fields', 'container-fields'].flatMap((name) =>
      findingsOf('invalid-enum-value', { files: [`rules/invalid-enum-value/${name}.yaml`] }),
    );
    const checked = new Set<string>();
    for (const finding of findings) {
      const field = Object.keys(paths).find((name) => finding.message.startsWith(`${name} '`));
      assert.ok(field, `a path is known for: ${finding.message}`);
      assert.deepEqual(new Set(valuesAt(paths[field])), new Set(listedIn(finding.message)), finding.message);
      checked.add(field);
    }
    assert.equal(checked.size, Object.keys(paths).length);
  });

  it('agree with the selector operators and the restart policy the rules enforce', () => {
    const [operator] = findingsOf('selector-invalid', { files: ['rules/selector-invalid/operators.yaml'] });
    assert.deepEqual(valuesAt(['spec', 'selector', 'matchExpressions', 0, 'operator']), listedIn(operator.message));
    assert.deepEqual(valuesAt(['spec', 'template', 'spec', 'restartPolicy']), ['Always']);
  });

  it('keep the values the field table declares, such as apiVersion and kind', () => {
    assert.deepEqual(valuesAt(['apiVersion']), ['apps/v1']);
    assert.deepEqual(valuesAt(['kind']), ['StatefulSet']);
  });

  it('are listed only for string fields the table has, each with at least one word', () => {
    for (const key of ENUM_FIELDS) {
      const dot = key.lastIndexOf('.');
      const field = typeEntry(key.slice(0, dot))?.fields[key.slice(dot + 1)];
      assert.ok(field, `${key} is a field of the table`);
      const words = field.type === 'array' ? field.items : field;
      assert.equal(words.type, 'string', `${key} takes strings`);
      const values = allowedValues({ ownerType: key.slice(0, dot), name: key.slice(dot + 1), field }) ?? [];
      assert.ok(values.length > 0 && values.every((entry) => entry.value !== ''), key);
    }
  });
});
