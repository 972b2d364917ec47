import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import generated from '../../../../server/src/engine/schema/field-table.generated.json';
import { FIELD_TABLE } from '../../../../server/src/engine/schema/field-table';
import type { FieldTable } from '../../../../server/src/engine/schema/field-table-types';
import { OVERLAY_FIELDS } from '../../../../server/src/engine/schema/overlay';

const GENERATED = generated as FieldTable;

describe('schema overlay', () => {
  it('extends only types that kubernetes-types defines, with fields it lacks', () => {
    for (const field of OVERLAY_FIELDS) {
      const typeId = field.slice(0, field.lastIndexOf('.'));
      const name = field.slice(field.lastIndexOf('.') + 1);
      assert.ok(GENERATED.types[typeId], `${typeId} exists in the generated table`);
      assert.equal(GENERATED.types[typeId].fields[name], undefined, `${field} is new, not a copy`);
      assert.ok(FIELD_TABLE.types[typeId].fields[name].since, `${field} says when it was added`);
    }
  });

  it('points every object field of the final table at a type it has', () => {
    for (const [typeId, entry] of Object.entries(FIELD_TABLE.types)) {
      for (const [name, field] of Object.entries(entry.fields)) {
        let shape: { type: string; ref?: string; items?: unknown; values?: unknown } = field;
        while (shape.type === 'array' || shape.type === 'map') shape = (shape.type === 'array' ? shape.items : shape.values) as typeof shape;
        if (shape.type === 'object') assert.ok(FIELD_TABLE.types[shape.ref!], `${typeId}.${name} refers to ${shape.ref}`);
      }
    }
  });

  it('makes serviceName optional and a container image required', () => {
    assert.equal(FIELD_TABLE.types['apps/v1.StatefulSetSpec'].fields.serviceName.required, false);
    assert.equal(FIELD_TABLE.types['core/v1.Container'].fields.image.required, true);
  });
});
