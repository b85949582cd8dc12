import { describe, expect, it } from 'vitest';
import { gvkOf, type KubeObject } from '../../../../lib/model/kube.js';
import { ExportFilter } from '../../../../lib/model/kube-filter.js';
import { isExported, isNoise, noiseReason } from '../../../../lib/snapshot/kube/noise.js';
import { kubeObject } from '../../sources/k8s/fixtures.js';

const controlled = {
  ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true }],
};

const NOISE: readonly [string, KubeObject][] = [
  ['a core Event', kubeObject('v1', 'Event')],
  ['an events.k8s.io Event', kubeObject('events.k8s.io/v1', 'Event')],
  ['a Lease', kubeObject('coordination.k8s.io/v1', 'Lease')],
  ['Endpoints', kubeObject('v1', 'Endpoints')],
  ['an EndpointSlice', kubeObject('discovery.k8s.io/v1', 'EndpointSlice')],
  ['a PodMetrics', kubeObject('metrics.k8s.io/v1beta1', 'PodMetrics')],
  ['a controlled Pod', kubeObject('v1', 'Pod', { metadata: controlled })],
  ['a controlled ReplicaSet', kubeObject('apps/v1', 'ReplicaSet', { metadata: controlled })],
  ['a ControllerRevision', kubeObject('apps/v1', 'ControllerRevision', { metadata: controlled })],
  ['a CronJob Job', kubeObject('batch/v1', 'Job', { metadata: controlled })],
  ['a Node', kubeObject('v1', 'Node')],
  ['a CSINode', kubeObject('storage.k8s.io/v1', 'CSINode')],
  ['a VolumeAttachment', kubeObject('storage.k8s.io/v1', 'VolumeAttachment')],
  ['a CSR', kubeObject('certificates.k8s.io/v1', 'CertificateSigningRequest')],
  ['a CertificateRequest', kubeObject('cert-manager.io/v1', 'CertificateRequest')],
  ['an ACME Order', kubeObject('acme.cert-manager.io/v1', 'Order')],
  ['a TokenReview', kubeObject('authentication.k8s.io/v1', 'TokenReview')],
  ['a SubjectAccessReview', kubeObject('authorization.k8s.io/v1', 'SubjectAccessReview')],
  [
    'a service-account token Secret',
    kubeObject('v1', 'Secret', { type: 'kubernetes.io/service-account-token' }),
  ],
  ['a Helm release Secret', kubeObject('v1', 'Secret', { type: 'helm.sh/release.v1' })],
  [
    'the cluster-autoscaler status ConfigMap',
    kubeObject('v1', 'ConfigMap', { metadata: { name: 'cluster-autoscaler-status' } }),
  ],
  [
    'a Tiller release ConfigMap',
    kubeObject('v1', 'ConfigMap', { metadata: { labels: { OWNER: 'TILLER' } } }),
  ],
];

const KEPT: readonly [string, KubeObject][] = [
  ['a bare Pod', kubeObject('v1', 'Pod')],
  ['a bare Job', kubeObject('batch/v1', 'Job')],
  ['a Deployment', kubeObject('apps/v1', 'Deployment')],
  ['a CronJob', kubeObject('batch/v1', 'CronJob')],
  ['an Opaque Secret', kubeObject('v1', 'Secret', { type: 'Opaque' })],
  ['a ConfigMap', kubeObject('v1', 'ConfigMap')],
  ['a Certificate', kubeObject('cert-manager.io/v1', 'Certificate')],
  ['a ClusterRole', kubeObject('rbac.authorization.k8s.io/v1', 'ClusterRole')],
  ['an Event-like CRD kind', kubeObject('example.com/v1', 'Event')],
];

const DEFAULTS = ExportFilter.parse({});

describe('Function: isNoise', () => {
  it.each(NOISE)('leaves out %s', (_name, object) => {
    expect(isNoise(object)).toBe(true);
    expect(noiseReason(object)).toEqual(expect.any(String));
    expect(isExported(object, gvkOf(object), DEFAULTS)).toBe(false);
  });

  it.each(KEPT)('keeps %s', (_name, object) => {
    expect(isNoise(object)).toBe(false);
    expect(isExported(object, gvkOf(object), DEFAULTS)).toBe(true);
  });
});

describe('Function: isExported', () => {
  const web = kubeObject('apps/v1', 'Deployment', { metadata: { labels: { tier: 'front' } } });
  const role = kubeObject('rbac.authorization.k8s.io/v1', 'ClusterRole', {
    metadata: { namespace: undefined, name: 'r' },
  });
  const configMap = kubeObject('v1', 'ConfigMap', { metadata: { namespace: 'review-42' } });

  it.each([
    [
      'exports only what an include rule names',
      { include: [{ kind: 'Deployment' }] },
      [true, false, false],
    ],
    ['reads core as the core group', { include: [{ group: 'core' }] }, [false, false, true]],
    [
      'matches cluster-scoped objects as _cluster',
      { include: [{ namespace: '_cluster' }] },
      [false, true, false],
    ],
    [
      'excludes namespaces by wildcard',
      { exclude: [{ namespace: 'review-*' }] },
      [true, true, false],
    ],
    ['excludes groups by wildcard', { exclude: [{ group: 'rbac.*' }] }, [true, false, true]],
    [
      'matches labels, * for any value',
      { include: [{ labels: { tier: '*' } }] },
      [true, false, false],
    ],
    [
      'matches label values exactly',
      { exclude: [{ labels: { tier: 'back' } }] },
      [true, true, true],
    ],
  ])('%s', (_name, input, expected) => {
    const filter = ExportFilter.parse(input);
    const results = [web, role, configMap].map((object) =>
      isExported(object, gvkOf(object), filter),
    );
    expect(results).toEqual(expected);
  });

  it('exports noise when the default exclusions are off', () => {
    const event = kubeObject('v1', 'Event');
    expect(isExported(event, gvkOf(event), ExportFilter.parse({ defaultExclusions: false }))).toBe(
      true,
    );
  });

  it('rejects unknown filter fields', () => {
    expect(ExportFilter.safeParse({ include: [{ resource: 'pods' }] }).success).toBe(false);
  });
});
