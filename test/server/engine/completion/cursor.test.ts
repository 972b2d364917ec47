import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext } from '../../../../server/src/engine/completion/cursor';
import { withCursor } from '../../../helpers/positions';

const HEAD = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n';

/** The cursor context of a text marked with ‸, in a few readable fields. */
function contextOf(marked: string) {
  const { text, position } = withCursor(marked);
  const context = cursorContext(text, position);
  return (
    context && {
      role: context.role,
      path: context.path.join('.'),
      typed: context.typed,
      range: `${context.range.start.character}-${context.range.end.character}`,
      siblings: Object.keys(context.siblings).sort().join(','),
    }
  );
}

describe('cursor context on YAML being typed', () => {
  it('reads `serviceName: ` with nothing after it as its value', () => {
    assert.deepEqual(contextOf(`${HEAD}spec:\n  serviceName: ‸\n  replicas: 3\n`), {
      role: 'value',
      path: 'spec.serviceName',
      typed: '',
      range: '15-15',
      siblings: 'replicas,serviceName',
    });
  });

  it('reads `serviceName:` without its space, and notes the space is missing', () => {
    const { text, position } = withCursor(`${HEAD}spec:\n  serviceName:‸\n`);
    const context = cursorContext(text, position);
    assert.equal(context?.role, 'value');
    assert.equal(context?.needsSpace, true);
  });

  it('reads a new empty line inside a mapping as a key of that mapping', () => {
    assert.deepEqual(contextOf(`${HEAD}spec:\n  replicas: 3\n  ‸\n  selector:\n    matchLabels: {app: web}\n`), {
      role: 'key',
      path: 'spec',
      typed: '',
      range: '2-2',
      siblings: 'replicas,selector',
    });
  });

  it('reads a half-typed key, which makes the document invalid, with the whole word as the range', () => {
    assert.deepEqual(contextOf(`${HEAD}spec:\n  replicas: 3\n  podMan‸age\n  selector: {}\n`), {
      role: 'key',
      path: 'spec',
      typed: 'podMan',
      range: '2-11',
      siblings: 'replicas,selector',
    });
  });

  it('reads a key being renamed, keeping the colon and value after it', () => {
    const { text, position } = withCursor(`${HEAD}spec:\n  repl‸icas: 3\n`);
    const context = cursorContext(text, position);
    assert.equal(context?.hasColon, true);
    assert.deepEqual(context?.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } });
  });

  it('reads the first key of a new list item, and a deeper line of an item', () => {
    assert.deepEqual(contextOf(`${HEAD}spec:\n  template:\n    spec:\n      containers:\n        - ‸\n`), {
      role: 'key',
      path: 'spec.template.spec.containers.0',
      typed: '',
      range: '10-10',
      siblings: '',
    });
    assert.equal(
      contextOf(`${HEAD}spec:\n  template:\n    spec:\n      containers:\n        - name: a\n        - name: b\n          ‸\n`)?.path,
      'spec.template.spec.containers.1',
    );
  });

  it('reads a value after a list marker and inside quotes', () => {
    assert.deepEqual(contextOf(`${HEAD}spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          imagePullPolicy: "If‸"\n`), {
      role: 'value',
      path: 'spec.template.spec.containers.0.imagePullPolicy',
      typed: 'If',
      range: '28-30',
      siblings: 'imagePullPolicy,name',
    });
  });

  it('reads the item of a kind: List as the object', () => {
    const context = contextOf('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    spec:\n      ‸\n');
    assert.equal(context?.path, 'spec');
  });

  it('reads only the document of the cursor, whatever the errors in the others', () => {
    const context = contextOf(`a: [unclosed\n---\n${HEAD}spec:\n  ‸\n---\nb: {also: [broken\n`);
    assert.equal(context?.path, 'spec');
  });

  it('reads CRLF line endings like LF ones', () => {
    assert.deepEqual(contextOf(`${HEAD}spec:\n  replicas: 3\n  pod‸\n  selector: {}\n`.replace(/\n/g, '\r\n')), {
      role: 'key',
      path: 'spec',
      typed: 'pod',
      range: '2-5',
      siblings: 'replicas,selector',
    });
  });

  it('offers nothing in a comment, a block scalar, a flow collection or after a scalar', () => {
    assert.equal(contextOf(`${HEAD}spec:\n  # serviceName: ‸\n`), undefined);
    assert.equal(contextOf(`${HEAD}spec:\n  template:\n    spec:\n      containers:\n        - args:\n            - |\n              run ‸\n`), undefined);
    assert.equal(contextOf(`${HEAD}spec:\n  selector: {matchLabels: {app: ‸}}\n`), undefined);
    assert.equal(contextOf(`${HEAD}spec:\n  replicas: 3\n    ‸\n`), undefined);
  });
});
