import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { offsetAt } from '../../../../server/src/engine/document/document-at';
import { locate } from '../../../../server/src/engine/document/locate';
import { SourceFile } from '../../../../server/src/engine/document/source-file';
import { FIXTURES } from '../../../helpers/rule-tester';
import { positionOf } from '../../../helpers/positions';

function fixture(name: string): SourceFile {
  return new SourceFile(`file:///fixtures/${name}`, readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** Kind, name, path and role at the `occurrence`-th `needle`, `shift` characters in. */
function at(file: SourceFile, needle: string, shift = 0, occurrence = 0) {
  const location = locate(file, positionOf(file.text, needle, shift, occurrence));
  return location && { object: `${location.resource.kind}/${location.resource.name}`, path: location.path.join('.'), role: location.role };
}

describe('locate', () => {
  const web = fixture('hover/web-partition-3.yaml');

  it('finds a key and its path, on its first and last character', () => {
    const expected = { object: 'StatefulSet/web', path: 'spec.updateStrategy.rollingUpdate.partition', role: 'key' };
    assert.deepEqual(at(web, 'partition'), expected);
    assert.deepEqual(at(web, 'partition', 'partition'.length), expected);
  });

  it('finds a value, with the path of its key', () => {
    assert.deepEqual(at(web, 'partition: 3', 'partition: '.length), {
      object: 'StatefulSet/web',
      path: 'spec.updateStrategy.rollingUpdate.partition',
      role: 'value',
    });
  });

  it('gives the range of the key or value under the cursor', () => {
    const location = locate(web, positionOf(web.text, 'replicas: 5', 'replicas: '.length));
    assert.deepEqual(location?.range, { start: { line: 6, character: 12 }, end: { line: 6, character: 13 } });
  });

  it('walks list items by index', () => {
    assert.deepEqual(at(web, 'mountPath'), {
      object: 'StatefulSet/web',
      path: 'spec.template.spec.containers.0.volumeMounts.0.mountPath',
      role: 'key',
    });
    assert.deepEqual(at(web, 'ReadWriteOnce', 1), {
      object: 'StatefulSet/web',
      path: 'spec.volumeClaimTemplates.0.spec.accessModes.0',
      role: 'value',
    });
  });

  it('answers nothing on indentation or a list marker', () => {
    assert.equal(locate(web, { line: 8, character: 0 }), undefined);
    assert.equal(at(web, '- name: nginx'), undefined);
  });

  it('reads each document of a file as its own object', () => {
    const file = fixture('hover/web-partition-at-replicas.yaml');
    assert.equal(at(file, 'partition', 0, 0)?.object, 'StatefulSet/web');
    assert.equal(at(file, 'partition', 0, 1)?.object, 'StatefulSet/cache');
  });

  it('reads the items of a kind: List, flow style and aliases', () => {
    const file = fixture('hover/list-anchors-and-flow.yaml');
    assert.deepEqual(at(file, 'clusterIP'), { object: 'Service/zk', path: 'spec.clusterIP', role: 'key' });
    assert.deepEqual(at(file, 'selector: *labels', 'selector: '.length), { object: 'Service/zk', path: 'spec.selector', role: 'value' });
    assert.deepEqual(at(file, 'replicas: &count 3', 'replicas: &count '.length), {
      object: 'StatefulSet/zk',
      path: 'spec.replicas',
      role: 'value',
    });
    assert.deepEqual(at(file, 'containerPort'), {
      object: 'StatefulSet/zk',
      path: 'spec.template.spec.containers.0.ports.0.containerPort',
      role: 'key',
    });
    assert.deepEqual(at(file, 'OnDelete'), { object: 'StatefulSet/zk', path: 'spec.updateStrategy.type', role: 'value' });
  });

  it('still reads a document that does not parse as a whole, and its neighbours', () => {
    const file = fixture('hover/broken-document.yaml');
    assert.deepEqual(at(file, 'replicas'), { object: 'StatefulSet/db', path: 'spec.replicas', role: 'key' });
    assert.deepEqual(at(file, 'clusterIP'), { object: 'Service/broken', path: 'spec.clusterIP', role: 'key' });
  });

  it('answers nothing on the blank lines an unclosed quote runs over', () => {
    const file = new SourceFile('file:///open-quote.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "db\n\n');
    assert.equal(at(file, 'db')?.path, 'metadata.name');
    assert.equal(locate(file, { line: 4, character: 0 }), undefined);
  });

  it('answers nothing in a file it does not read', () => {
    const helm = new SourceFile('file:///chart/templates/sts.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: {{ .Values.replicas }}\n');
    assert.equal(locate(helm, { line: 3, character: 3 }), undefined);
  });
});

describe('offsetAt', () => {
  it('clamps positions past the end of a line or of the text', () => {
    assert.equal(offsetAt('ab\r\ncd', { line: 0, character: 9 }), 2);
    assert.equal(offsetAt('ab\ncd', { line: 5, character: 0 }), 5);
  });
});
