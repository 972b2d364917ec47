import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverDefault } from '../../../../server/src/engine/schema/server-defaults';

const V1_34 = { major: 1, minor: 34 };
const V1_35 = { major: 1, minor: 35 };

const valueOf = (typeId: string, field: string, version = V1_34) => {
  const fallback = serverDefault(typeId, field, version);
  return fallback && 'value' in fallback ? fallback.value : undefined;
};

describe('server defaults', () => {
  it('are those SetDefaults_StatefulSet applies', () => {
    assert.equal(valueOf('apps/v1.StatefulSetSpec', 'podManagementPolicy'), 'OrderedReady');
    assert.equal(valueOf('apps/v1.StatefulSetUpdateStrategy', 'type'), 'RollingUpdate');
    assert.equal(valueOf('apps/v1.RollingUpdateStatefulSetStrategy', 'partition'), '0');
    assert.equal(valueOf('apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy', 'whenDeleted'), 'Retain');
    assert.equal(valueOf('apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy', 'whenScaled'), 'Retain');
    assert.equal(valueOf('apps/v1.StatefulSetSpec', 'replicas'), '1');
    assert.equal(valueOf('apps/v1.StatefulSetSpec', 'revisionHistoryLimit'), '10');
  });

  it('make the maxUnavailable default depend on its feature gate before 1.35', () => {
    assert.match(serverDefault('apps/v1.RollingUpdateStatefulSetStrategy', 'maxUnavailable', V1_34)?.note ?? '', /MaxUnavailableStatefulSet feature gate/);
    assert.deepEqual(serverDefault('apps/v1.RollingUpdateStatefulSetStrategy', 'maxUnavailable', V1_35), { value: '1' });
  });

  it('leave fields without a server default undefined', () => {
    assert.equal(serverDefault('apps/v1.StatefulSetSpec', 'serviceName', V1_34), undefined);
  });
});
