import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, formatRange, testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/secret-ref-not-found';

testRule('secret-ref-not-found', {
  valid: [
    {
      name: 'keys from data, stringData and binaryData, a Secret without data, optional references, envFrom, a malformed name',
      files: [`${DIR}/resolved.yaml`, `${DIR}/objects.yaml`],
    },
    { name: 'a kustomize patch, whose overlay may generate the Secret', files: [`${DIR}/env-patch.yaml`, `${DIR}/kustomization.yaml`] },
  ],
  invalid: [
    {
      name: 'keys missing from a Secret and a ConfigMap defined in another file',
      files: [`${DIR}/missing-keys.yaml`, `${DIR}/objects.yaml`],
      findings: [
        {
          range: '24:24-24:35',
          message:
            "Secret 'db-credentials' (namespace 'shop') has no key 'db-password' (its keys: 'username', 'password'), so container 'db' cannot start. Use one of its keys, add 'db-password' to it, or set optional: true if the variable may be left out.",
          related: [{ file: `${DIR}/objects.yaml`, range: '4:9-4:23' }],
        },
        {
          range: '29:24-29:32',
          message:
            "ConfigMap 'app-config' (namespace 'shop') has no key 'loglevel' (its keys: 'log-level', 'logo.png'), so container 'db' cannot start. Use one of its keys, add 'loglevel' to it, or set optional: true if the variable may be left out.",
          related: [{ file: `${DIR}/objects.yaml`, range: '15:9-15:19' }],
        },
      ],
    },
  ],
});

describe('secret-ref-not-found for objects defined nowhere', () => {
  const files = [`${DIR}/missing-objects.yaml`, `${DIR}/api-token-in-shop.yaml`];

  it('reports each once, as information, naming the namespaces that do have one', () => {
    const findings = findingsOf('secret-ref-not-found', { files });
    assert.deepEqual(
      findings.map((finding) => ({ range: formatRange(finding.range), severity: finding.severity, message: finding.message })),
      [
        {
          range: '22:25-22:34',
          severity: 'info',
          message:
            "No Secret 'api-token' is defined in namespace 'default' in the workspace (there is one in 'shop'). If it is created another way, such as with kubectl create secret, ignore this; otherwise the pods cannot start until it exists.",
        },
        {
          range: '26:23-26:36',
          severity: 'info',
          message:
            "No ConfigMap 'feature-flags' is defined in namespace 'default' in the workspace. If it is created another way, such as with kubectl create configmap, ignore this; otherwise the pods cannot start until it exists.",
        },
      ],
    );
  });

  it('uses the level configured for the rule instead', () => {
    const findings = findingsOf('secret-ref-not-found', { files, config: { rules: { 'secret-ref-not-found': 'error' } } });
    assert.deepEqual(findings.map((finding) => finding.severity), ['error', 'error']);
  });
});
