import { describe, expect, it } from 'vitest';
import { toKubeRecord } from '../../../../lib/sources/k8s/record.js';
import { kubeObject, TEST_KEY } from './fixtures.js';

describe('Function: toKubeRecord', () => {
  it('reads the facts from the live object and writes the cleaned one', () => {
    const object = kubeObject('rbac.authorization.k8s.io/v1', 'ClusterRole', {
      metadata: {
        name: 'system:node',
        namespace: undefined,
        uid: 'u',
        managedFields: [
          { manager: 'kube-apiserver', operation: 'Update', time: '2026-01-01T00:00:00Z' },
        ],
      },
      rules: [],
    });
    const result = toKubeRecord(object, { cluster: 'prod', key: TEST_KEY, hpaTargets: new Set() });
    expect(result).toEqual({
      outcome: 'record',
      record: {
        cluster: 'prod',
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'ClusterRole',
        name: 'system:node',
        manifest: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRole',
          metadata: { name: 'system:node' },
          rules: [],
        },
        facts: {
          updates: [
            { manager: 'kube-apiserver', operation: 'Update', time: '2026-01-01T00:00:00Z' },
          ],
        },
      },
    });
    if (result.outcome === 'record') expect(result.record).not.toHaveProperty('namespace');
  });

  it('gives core objects the group ""', () => {
    const result = toKubeRecord(kubeObject('v1', 'ConfigMap'), {
      cluster: 'prod',
      hpaTargets: new Set(),
    });
    expect(result).toMatchObject({ record: { group: '', version: 'v1', namespace: 'shop' } });
  });
});
