import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capabilitiesObject, chartObject, releaseObject } from '../../../../../server/src/engine/helm/chart/builtin-objects';
import { filesObject } from '../../../../../server/src/engine/helm/chart/files-object';
import { loadChart } from '../../../../../server/src/engine/helm/chart/load-chart';
import { GoStruct, type GoFunction, type GoValue } from '../../../../../server/src/engine/helm/go/values';

const call = (object: GoValue, method: string, ...args: GoValue[]): GoValue => ((object as GoStruct).methods.get(method) as GoFunction)(...args);
const field = (object: GoValue, name: string): GoValue => (object as GoStruct).fields.get(name)!;

describe('Helm built-in objects', () => {
  it('gives .Release as helm template does', () => {
    const release = releaseObject('release-name', 'default');
    assert.equal(release.get('Revision'), 1n);
    assert.equal(release.get('IsInstall'), true);
    assert.equal(release.get('Service'), 'Helm');
  });

  it('gives .Chart with Go field names and zero values for missing fields', () => {
    const { chart } = loadChart({ rootUri: 'file:///c', files: new Map([['Chart.yaml', 'name: c\nappVersion: 1.2.3\ndependencies:\n- name: common\n']]) });
    const object = chartObject(chart, true);
    assert.equal(field(object, 'AppVersion'), '1.2.3');
    assert.equal(field(object, 'Description'), '');
    assert.equal(field(object, 'IsRoot'), true);
    assert.equal(field((field(object, 'Dependencies') as GoValue[])[0]!, 'Name'), 'common');
  });

  it('knows the built-in APIs of the Kubernetes version, and no custom resources', () => {
    const capabilities = capabilitiesObject({ major: 1, minor: 34 });
    assert.equal(field(field(capabilities, 'KubeVersion'), 'Version'), 'v1.34.0');
    assert.equal(field(field(capabilities, 'KubeVersion'), 'Minor'), '34');
    const apis = field(capabilities, 'APIVersions');
    assert.equal(call(apis, 'Has', 'policy/v1'), true);
    assert.equal(call(apis, 'Has', 'apps/v1/StatefulSet'), true);
    assert.equal(call(apis, 'Has', 'policy/v1beta1'), false);
    assert.equal(call(apis, 'Has', 'monitoring.coreos.com/v1'), false);
    assert.equal(call(apis, 'Has', 'security.openshift.io/v1'), false);
  });

  it('serves .Files with Get, Lines, Glob, AsConfig and AsSecrets', () => {
    const files = filesObject(new Map([['files/a.sh', 'echo a\n'], ['files/b.sql', 'x\ny\n'], ['conf/c.txt', 'c']]), (value) => [...(value as Map<string, GoValue>)].map(([k, v]) => `${k}: ${String(v)}`).join('\n'));
    assert.equal(call(files, 'Get', 'files/a.sh'), 'echo a\n');
    assert.equal(call(files, 'Get', 'missing'), '');
    assert.deepEqual(call(files, 'Lines', 'files/b.sql'), ['x', 'y']);
    const glob = call(files, 'Glob', 'files/*.{sh,sql}');
    assert.equal(call(glob, 'AsConfig'), 'a.sh: echo a\n\nb.sql: x\ny\n');
    assert.equal(call(call(files, 'Glob', 'conf/*'), 'AsSecrets'), 'c.txt: Yw==');
  });
});
