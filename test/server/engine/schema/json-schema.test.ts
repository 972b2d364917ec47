import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseQuantity } from '../../../../server/src/engine/kubernetes/quantity';
import { schemaProblems } from '../../../../server/src/engine/schema/check-schema';
import { FIELD_TABLE } from '../../../../server/src/engine/schema/field-table';
import { definitionName, jsonSchema } from '../../../../server/src/engine/schema/json-schema';
import { SourceFile } from '../../../../server/src/engine/document/source-file';
import { validate, type SchemaNode } from '../../../helpers/json-schema-check';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const schema = jsonSchema() as SchemaNode;

/** The objects of a YAML text, read as the checks read them (YAML 1.1, merge keys). */
function objectsOf(text: string): Record<string, unknown>[] {
  return new SourceFile('file:///test.yaml', text).resources.map((resource) => resource.object as Record<string, unknown>);
}

function errorsFor(text: string): string[] {
  return objectsOf(text).flatMap((object) => validate(schema, object));
}

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources:
            requests: { cpu: 250m, memory: 64Mi }
  volumeClaimTemplates:
    - metadata:
        name: www
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
`;

function quantityPattern(): string {
  const requests = schema.definitions!['io.k8s.api.core.v1.ResourceRequirements'].properties!.requests;
  return (requests.additionalProperties as SchemaNode).anyOf![0].pattern!;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

describe('the JSON Schema of the field table', () => {
  it('is a draft-07 schema choosing the object type by apiVersion and kind', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const titles = (schema.oneOf ?? []).map((branch) => branch.title);
    assert.deepEqual(titles, [
      'StatefulSet (apps/v1)',
      'Service (v1)',
      'Secret (v1)',
      'ConfigMap (v1)',
      'PersistentVolumeClaim (v1)',
      'PodDisruptionBudget (policy/v1)',
      'HorizontalPodAutoscaler (autoscaling/v2)',
      'StorageClass (storage.k8s.io/v1)',
      'Any other kind',
    ]);
  });

  it('has one definition per type of the table, under its Kubernetes OpenAPI name', () => {
    const names = Object.keys(schema.definitions ?? {});
    assert.equal(names.length, Object.keys(FIELD_TABLE.types).length);
    assert.ok(names.includes('io.k8s.api.apps.v1.StatefulSetSpec'));
    assert.ok(names.includes('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'));
    assert.equal(definitionName('core/v1.Container'), 'io.k8s.api.core.v1.Container');
  });

  it('keeps the field descriptions, for hovers in editors that use the schema', () => {
    const spec = schema.definitions!['io.k8s.api.apps.v1.StatefulSetSpec'];
    assert.match(String(spec.properties!.podManagementPolicy.description), /podManagementPolicy controls how pods are created/);
  });

  it('accepts a valid StatefulSet and the web example', () => {
    assert.deepEqual(errorsFor(STATEFULSET), []);
    for (const file of yamlFiles(path.join(ROOT, 'examples', 'web'))) {
      assert.deepEqual(errorsFor(readFileSync(file, 'utf8')), [], file);
    }
  });

  it('reports a mistyped field, a value of the wrong type and a missing required field', () => {
    const typo = errorsFor(STATEFULSET.replace('serviceName', 'servicename'));
    assert.ok(typo.some((error) => error.includes("/spec/servicename: not allowed")), typo.join('\n'));
    const quoted = errorsFor(STATEFULSET.replace('replicas: 3', 'replicas: "3"'));
    assert.ok(quoted.some((error) => error.includes('/spec/replicas: expected integer or null')), quoted.join('\n'));
    const noSelector = errorsFor(STATEFULSET.replace('  selector:\n    matchLabels: { app: web }\n', ''));
    assert.ok(noSelector.some((error) => error.includes("missing required property 'selector'")), noSelector.join('\n'));
  });

  it('reports a size the API server cannot parse', () => {
    const errors = errorsFor(STATEFULSET.replace('storage: 1Gi', 'storage: 1GB'));
    assert.ok(errors.some((error) => error.includes('/requests/storage')), errors.join('\n'));
  });

  it('accepts objects of kinds it does not describe, and empty fields', () => {
    assert.deepEqual(errorsFor('apiVersion: apps/v1\nkind: Deployment\nspec:\n  anything: [1, 2]\n'), []);
    assert.deepEqual(errorsFor('apiVersion: example.com/v1\nkind: StatefulSet\nspec: 3\n'), []);
    assert.deepEqual(errorsFor(STATEFULSET.replace('replicas: 3', 'replicas:')), []);
  });

  it('matches its quantity pattern with exactly the sizes the API server parses', () => {
    const pattern = new RegExp(quantityPattern());
    const pieces = ['', '0', '1', '12', '.', '.5', '1.', '+', '-', 'e', 'E', 'e3', 'E-2', 'm', 'Mi', 'Gi', 'k', 'K', 'Ki', 'i', 'x'];
    const piece = fc.constantFrom(...pieces);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(pattern.test(text), parseQuantity(text) !== undefined, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the schema checks on every object of the rule fixtures and examples', () => {
    // The schema checks leave the syntax of sizes to the rules on sizes: compare the shapes only.
    const shapes = JSON.parse(JSON.stringify(schema).replaceAll(`,"pattern":${JSON.stringify(quantityPattern())}`, '')) as SchemaNode;
    assert.notEqual(JSON.stringify(shapes), JSON.stringify(schema));
    const files = [...yamlFiles(path.join(ROOT, 'test', 'fixtures', 'rules')), ...yamlFiles(path.join(ROOT, 'examples'))];
    const disagreements: string[] = [];
    let compared = 0;
    for (const file of files) {
      const source = new SourceFile('file:///test.yaml', readFileSync(file, 'utf8'));
      for (const resource of source.resources) {
        if (source.syntaxProblems.length > 0) continue;
        compared++;
        const ours = schemaProblems(resource).length === 0;
        const errors = validate(shapes, resource.object);
        if (ours !== (errors.length === 0)) {
          const verdict = errors.join('; ') || 'valid for the schema';
          disagreements.push(`${path.relative(ROOT, file)} ${resource.kind} ${resource.name}: ${verdict}`);
        }
      }
    }
    assert.ok(compared > 100, `${compared} objects compared`);
    assert.deepEqual(disagreements, []);
  });
});
