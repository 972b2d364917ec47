import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rope } from '../../../../../server/src/engine/helm/go/rope';
import { setContainerSource, type GoValue } from '../../../../../server/src/engine/helm/go/values';
import { yamlKeyOrder } from '../../../../../server/src/engine/helm/functions/yaml-emit';
import { call, goError, map, ORIGIN, str } from './call';

const toYaml = (value: GoValue): string => str(call('toYaml', value));

describe('toYaml', () => {
  it('sorts keys, indents maps by two and leaves sequences unindented under their key', () => {
    const value = map({ b: map({ d: ['x', 'y'], c: map({ e: 1n }) }), a: 'plain' });
    assert.equal(toYaml(value), 'a: plain\nb:\n  c:\n    e: 1\n  d:\n  - x\n  - "y"');
  });

  it('quotes the strings YAML 1.1 would read as something else, with double quotes', () => {
    const value = ['8080', 'true', 'yes', 'on', 'Off', 'n', 'null', '~', '', '1.5', '0x1F', '1e3', '08', '12:30', '.inf', 'x8080'];
    assert.equal(
      toYaml(value),
      ['"8080"', '"true"', '"yes"', '"on"', '"Off"', '"n"', '"null"', '"~"', '""', '"1.5"', '"0x1F"', '"1e3"', '"08"', '"12:30"', '".inf"', 'x8080']
        .map((line) => '- ' + line)
        .join('\n'),
    );
    assert.equal(toYaml(map({ key: '' })), 'key: ""');
    assert.equal(toYaml(map({ on: 'x' })), '"on": x');
  });

  it('single-quotes what plain style cannot hold, and escapes in double quotes what is not printable', () => {
    assert.equal(toYaml(map({ a: 'a: b', b: '- x', c: '*ref', d: 'x #y', e: ' lead', f: "it's", g: "'q'", h: '{x}' })),
      "a: 'a: b'\nb: '- x'\nc: '*ref'\nd: 'x #y'\ne: ' lead'\nf: it's\ng: '''q'''\nh: '{x}'");
    assert.equal(toYaml(map({ t: 'a\tb', trailing: 'a ' })), 't: "a\\tb"\ntrailing: \'a \'');
  });

  it('writes strings with line breaks as literal blocks with the right chomping', () => {
    assert.equal(toYaml(map({ s: 'a\nb' })), 's: |-\n  a\n  b');
    assert.equal(toYaml(map({ s: 'a\nb\n' })), 's: |\n  a\n  b');
    assert.equal(toYaml(map({ s: 'a\n\nb' })), 's: |-\n  a\n\n  b');
    assert.equal(toYaml(map({ s: '  a\nb' })), 's: |2-\n    a\n  b');
    assert.equal(toYaml(map({ m: map({ s: 'x\ny' }), z: 1n })), 'm:\n  s: |-\n    x\n    y\nz: 1');
    assert.equal(toYaml(['x\ny']), '- |-\n  x\n  y');
  });

  it('folds long plain scalars at the first space past 80 columns', () => {
    const words = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt';
    assert.equal(toYaml(map({ long: words })), 'long: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp\n  qqqq rrrr ssss tttt');
    assert.equal(toYaml(map({ k: map({ long: words }) })), 'k:\n  long: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n    pppp qqqq rrrr ssss tttt');
    const spaced = 'trailing space \nthen a very long line that goes on and on and on past the eighty column limit';
    assert.equal(toYaml(map({ cfg: spaced })), 'cfg: "trailing space \\nthen a very long line that goes on and on and on past the eighty\n  column limit"');
    const unbroken = 'x'.repeat(120);
    assert.equal(toYaml(map({ u: unbroken })), 'u: ' + unbroken);
  });

  it('prints numbers as JSON then yaml.v2 leave them', () => {
    assert.equal(toYaml(map({ a: 1000000, b: 8080, c: 1.5, d: 1e21, e: 1234567.5, f: 0.000001, g: 42n, h: -3, i: 1e20 })),
      'a: 1000000\nb: 8080\nc: 1.5\nd: 1e+21\ne: 1.2345675e+06\nf: 1e-06\ng: 42\nh: -3\ni: 1e+20');
  });

  it('writes empty collections, nil and booleans inline', () => {
    assert.equal(toYaml(map({ a: map({}), b: [], c: null, d: false })), 'a: {}\nb: []\nc: null\nd: false');
    assert.equal(toYaml(new Map()), '{}');
    assert.equal(toYaml([]), '[]');
    assert.equal(toYaml(null), 'null');
    assert.equal(toYaml('text'), 'text');
  });

  it('writes lists of maps and of lists inline after the dash', () => {
    assert.equal(toYaml([map({ name: 'a', port: 80n }), ['x', 'z'], map({})]), '- name: a\n  port: 80\n- - x\n  - z\n- {}');
    assert.equal(toYaml(map({ env: [map({ name: 'A', value: '1' })] })), 'env:\n- name: A\n  value: "1"');
  });

  it("orders keys as yaml.v2 does: numbers by value, letters after other characters", () => {
    assert.deepEqual(['a10', 'a2', 'aB', 'a_b', 'B', 'a'].sort(yamlKeyOrder), ['B', 'a', 'a_b', 'a2', 'a10', 'aB']);
  });

  it('gives "" where the value cannot be encoded, and mustToYaml fails', () => {
    assert.equal(call('toYaml', map({ x: NaN })), '');
    assert.throws(() => call('mustToYaml', map({ x: NaN })), goError(/unsupported value/));
  });

  it('gives each scalar the origin of the values entry it came from', () => {
    const values = map({ image: 'nginx', port: 8080, nested: map({ tag: 'v1' }) });
    const imageSpan = { uri: 'file:///chart/values.yaml', start: 0, end: 12 };
    const portSpan = { uri: 'file:///chart/values.yaml', start: 13, end: 23 };
    const tagSpan = { uri: 'file:///chart/values.yaml', start: 34, end: 41 };
    setContainerSource(values, { uri: imageSpan.uri, entries: new Map([['image', imageSpan], ['port', portSpan]]) });
    setContainerSource(values.get('nested') as Map<string, GoValue>, { uri: tagSpan.uri, entries: new Map([['tag', tagSpan]]) });
    const rope = call('toYaml', values) as Rope;
    assert.equal(rope.text, 'image: nginx\nnested:\n  tag: v1\nport: 8080');
    const originOf = (text: string) => rope.segments.find((segment) => segment.text === text)?.origin;
    assert.deepEqual(originOf('nginx'), { ...ORIGIN, value: imageSpan });
    assert.deepEqual(originOf('8080'), { ...ORIGIN, value: portSpan });
    assert.deepEqual(originOf('v1'), { ...ORIGIN, value: tagSpan });
    assert.ok(rope.segments.every((segment) => segment.origin !== undefined));
    const list = ['a', 'b'];
    setContainerSource(list, { uri: imageSpan.uri, entries: new Map([[1, portSpan]]) });
    const listRope = call('toYaml', list) as Rope;
    assert.deepEqual(listRope.segments.find((segment) => segment.text === 'b')?.origin, { ...ORIGIN, value: portSpan });
    assert.deepEqual(listRope.segments.find((segment) => segment.text.includes('a'))?.origin, ORIGIN);
  });
});

describe('JSON and YAML readers and writers', () => {
  it('writes JSON as Go does: sorted keys, HTML escaped, Go number text', () => {
    const rope = call('toJson', map({ b: [1, 'x<y'], a: 1000000, c: null, d: 1.5, e: 3n })) as Rope;
    assert.equal(rope.text, '{"a":1000000,"b":[1,"x\\u003cy"],"c":null,"d":1.5,"e":3}');
    assert.equal(rope.segments[0]!.origin, ORIGIN);
    assert.equal(str(call('toPrettyJson', map({ a: [1], b: map({}) }))), '{\n  "a": [\n    1\n  ],\n  "b": {}\n}');
    assert.equal(str(call('toRawJson', map({ a: '<&>' }))), '{"a":"<&>"}');
    assert.equal(call('toJson', map({ x: Infinity })), '');
  });

  it('reads YAML with YAML 1.1 scalars and numbers as float64', () => {
    const read = call('fromYaml', 'a: 1\nb: yes\nc: [x, on]\nd: "08"\ne:\n  f: ~') as Map<string, GoValue>;
    assert.deepEqual(read, map({ a: 1, b: true, c: ['x', true], d: '08', e: map({ f: null }) }));
    assert.deepEqual(call('fromYaml', ''), new Map());
  });

  it('puts a read error under the Error key, as Helm does', () => {
    const broken = call('fromYaml', 'a: [') as Map<string, GoValue>;
    assert.equal(typeof broken.get('Error'), 'string');
    const list = call('fromYaml', '- a\n- b') as Map<string, GoValue>;
    assert.match(String(list.get('Error')), /cannot unmarshal array/);
    assert.deepEqual(call('fromYamlArray', '- a\n- 2'), ['a', 2]);
    assert.deepEqual(call('fromJson', '{"a": [1, "x"]}'), map({ a: [1, 'x'] }));
    assert.ok((call('fromJson', '{') as Map<string, GoValue>).has('Error'));
    assert.deepEqual(call('fromJsonArray', '[1, {"a": true}]'), [1, map({ a: true })]);
  });

  it('writes TOML with tables after the scalars', () => {
    assert.equal(call('toToml', map({ b: map({ c: 'x' }), a: 1n, f: 2 })), 'a = 1\nf = 2.0\n\n[b]\nc = "x"\n');
  });
});
