import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonValue, applySetValue, setFilePaths } from '../../../../../server/src/engine/helm/values/set-values';
import type { GoMap } from '../../../../../server/src/engine/helm/go/values';

describe('--set-string', () => {
  it('keeps every value a string, in lists too', () => {
    const values: GoMap = new Map();
    assert.equal(applySetValue(values, 'tag=1.10,n=8080,t=true,z=null,l={1,x}', 'set-string'), undefined);
    assert.equal(values.get('tag'), '1.10');
    assert.equal(values.get('n'), '8080');
    assert.equal(values.get('t'), 'true');
    assert.equal(values.get('z'), 'null');
    assert.deepEqual(values.get('l'), ['1', 'x']);
  });
});

describe('--set-file', () => {
  it('sets the text the caller read for each path, and names the paths to read', () => {
    const texts = new Map([['conf/a.sh', 'echo a\n'], ['b,c.txt', 'b']]);
    const values: GoMap = new Map();
    assert.deepEqual(setFilePaths('script=conf/a.sh,other=b\\,c.txt'), ['conf/a.sh', 'b,c.txt']);
    assert.equal(applySetValue(values, 'script=conf/a.sh,other=b\\,c.txt', 'set-file', (path) => texts.get(path)), undefined);
    assert.deepEqual(values, new Map([['script', 'echo a\n'], ['other', 'b']]));
  });

  it('reports a path with no text as Go reports a missing file', () => {
    assert.equal(applySetValue(new Map(), 'a=missing.txt', 'set-file'), 'open missing.txt: no such file or directory');
  });
});

describe('--set-json', () => {
  it('reads each value as JSON, commas inside it included, numbers as float64', () => {
    const values: GoMap = new Map();
    assert.equal(applyJsonValue(values, 'a.b={"x":1,"y":[true,null]},n=8080,s="v,w",gone=null'), undefined);
    assert.deepEqual(values.get('a'), new Map([['b', new Map<string, unknown>([['x', 1], ['y', [true, null]]])]]));
    assert.equal(values.get('n'), 8080);
    assert.equal(values.get('s'), 'v,w');
    assert.equal(values.get('gone'), null);
  });

  it('reports a value that is not JSON by its key, without echoing the value', () => {
    const error = applyJsonValue(new Map(), 'auth.password={secret');
    assert.equal(error, 'invalid JSON after "auth.password="');
    assert.match(applyJsonValue(new Map(), 'a') ?? '', /no value/);
  });
});
