import { describe, expect, it } from 'vitest';
import {
  gvkOf,
  type KubeMetadata,
  type KubeObject,
  type KubeRecord,
} from '../../../lib/model/kube.js';
import { kubeOwnerOf } from '../../../lib/ownership/kube.js';
import { readFacts } from '../../../lib/ownership/kube-facts.js';
import { cleanObject } from '../../../lib/snapshot/kube/clean.js';

interface LiveOptions {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly namespace?: string | null;
  readonly name?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly ownerReferences?: KubeMetadata['ownerReferences'];
  readonly managers?: readonly string[];
}

/** A live object as the API returns it (managedFields included). */
function live(options: LiveOptions = {}): KubeObject {
  const namespace = options.namespace === undefined ? 'shop' : options.namespace;
  return {
    apiVersion: options.apiVersion ?? 'v1',
    kind: options.kind ?? 'ConfigMap',
    metadata: {
      name: options.name ?? 'app',
      ...(namespace !== null && { namespace }),
      uid: '6c1b0f2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
      resourceVersion: '1234',
      creationTimestamp: '2024-05-01T10:00:00Z',
      ...(options.labels && { labels: options.labels }),
      ...(options.annotations && { annotations: options.annotations }),
      ...(options.ownerReferences && { ownerReferences: options.ownerReferences }),
      managedFields: (options.managers ?? ['kubectl-client-side-apply']).map((manager, index) => ({
        manager,
        operation: 'Update',
        time: `2024-05-0${index + 1}T10:00:00Z`,
      })),
    },
  };
}

/** The record a scan makes: facts read from the live object, the cleaned object kept. */
function scanned(object: KubeObject): KubeRecord {
  const { group, version, kind } = gvkOf(object);
  const { namespace, name } = object.metadata;
  return {
    cluster: 'prod',
    group,
    version,
    kind,
    ...(namespace !== undefined && { namespace }),
    name,
    manifest: cleanObject(object, { hpaTargets: new Set() }),
    facts: readFacts(object),
  };
}

/** The same record read back from a trail checkout: the file only, no facts. */
function fromTrail(record: KubeRecord): KubeRecord {
  return { ...record, facts: { updates: [] } };
}

/** The owner of the scanned object, checked to be the same from the trail file alone. */
function ownerBothWays(object: KubeObject): string | undefined {
  const record = scanned(object);
  const owner = kubeOwnerOf(record);
  expect(kubeOwnerOf(fromTrail(record))).toBe(owner);
  return owner;
}

const REPLICA_SET = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: 'web-7d9c8b6f5',
  uid: '11111111-2222-3333-4444-555555555555',
  controller: true,
  blockOwnerDeletion: true,
};

describe('kubeOwnerOf: owner references', () => {
  it('names the controlling owner', () => {
    const pod = live({ kind: 'Pod', name: 'web-7d9c8b6f5-x2k4q', ownerReferences: [REPLICA_SET] });
    expect(ownerBothWays(pod)).toBe('ReplicaSet web-7d9c8b6f5 (owner reference)');
  });

  it('names an owner that is not a controller', () => {
    const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: 'parent', uid: 'u-1' };
    expect(ownerBothWays(live({ ownerReferences: [owner] }))).toBe(
      'ConfigMap parent (owner reference)',
    );
  });

  it('prefers the controller among several owners, from facts or from the file', () => {
    const other = { apiVersion: 'v1', kind: 'ConfigMap', name: 'parent', uid: 'u-1' };
    const object = live({ ownerReferences: [other, REPLICA_SET] });
    expect(ownerBothWays(object)).toBe('ReplicaSet web-7d9c8b6f5 (owner reference)');
  });

  it('comes before GitOps and Helm marks', () => {
    const object = live({
      ownerReferences: [REPLICA_SET],
      labels: { 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: {
        'meta.helm.sh/release-name': 'web',
        'argocd.argoproj.io/tracking-id': 'shop:/ConfigMap:shop/app',
      },
    });
    expect(ownerBothWays(object)).toBe('ReplicaSet web-7d9c8b6f5 (owner reference)');
  });
});

describe('kubeOwnerOf: GitOps and Helm', () => {
  it('names the Argo CD application from its tracking annotation', () => {
    const object = live({
      annotations: { 'argocd.argoproj.io/tracking-id': 'shop-app:apps/Deployment:shop/web' },
      managers: ['argocd-controller'],
    });
    expect(ownerBothWays(object)).toBe('Argo CD application shop-app');
  });

  it('names the Argo CD application from its instance label when Argo CD applied it', () => {
    const record = scanned(
      live({
        labels: { 'app.kubernetes.io/instance': 'shop-app' },
        managers: ['argocd-controller'],
      }),
    );
    expect(kubeOwnerOf(record)).toBe('Argo CD application shop-app');
    // The instance label alone (a Helm and Kustomize convention too) does not name Argo CD.
    expect(kubeOwnerOf(fromTrail(record))).toBeUndefined();
  });

  it('prefers Argo CD over the Helm chart it deploys', () => {
    const object = live({
      labels: { 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: {
        'argocd.argoproj.io/tracking-id': 'shop-app:/ConfigMap:shop/app',
        'meta.helm.sh/release-name': 'web',
        'meta.helm.sh/release-namespace': 'shop',
      },
    });
    expect(ownerBothWays(object)).toBe('Argo CD application shop-app');
  });

  it('names the Flux Kustomization', () => {
    const object = live({
      labels: {
        'kustomize.toolkit.fluxcd.io/name': 'apps',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      },
      managers: ['kustomize-controller'],
    });
    expect(ownerBothWays(object)).toBe('Flux Kustomization flux-system/apps');
  });

  it('names the Flux HelmRelease over the Helm release it installs', () => {
    const object = live({
      labels: {
        'helm.toolkit.fluxcd.io/name': 'podinfo',
        'helm.toolkit.fluxcd.io/namespace': 'shop',
        'app.kubernetes.io/managed-by': 'Helm',
      },
      annotations: { 'meta.helm.sh/release-name': 'podinfo' },
      managers: ['helm-controller'],
    });
    expect(ownerBothWays(object)).toBe('Flux HelmRelease shop/podinfo');
  });

  it('names the Helm release', () => {
    const object = live({
      labels: { 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: {
        'meta.helm.sh/release-name': 'nginx',
        'meta.helm.sh/release-namespace': 'ingress',
      },
      managers: ['helm'],
    });
    expect(ownerBothWays(object)).toBe('Helm release ingress/nginx');
  });

  it('does not name Helm from the managed-by label alone', () => {
    expect(ownerBothWays(live({ labels: { 'app.kubernetes.io/managed-by': 'Helm' } }))).toBe(
      undefined,
    );
  });

  it('uses the facts a scan gives even when the file has no marks', () => {
    const record = scanned(live());
    const withFacts: KubeRecord = {
      ...record,
      facts: { ...record.facts, gitOps: { tool: 'flux', detail: 'Kustomization infra/base' } },
    };
    expect(kubeOwnerOf(withFacts)).toBe('Flux Kustomization infra/base');
  });
});

describe('kubeOwnerOf: EKS', () => {
  it('names the EKS component', () => {
    const object = live({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'kube-system',
      name: 'coredns',
      labels: { 'eks.amazonaws.com/component': 'coredns', 'k8s-app': 'kube-dns' },
      managers: ['eks'],
    });
    expect(ownerBothWays(object)).toBe('EKS (coredns)');
  });
});

describe('kubeOwnerOf: Kubernetes system objects', () => {
  const SYSTEM = 'Kubernetes (system object)';
  const cluster = null;

  it.each<[string, LiveOptions]>([
    [
      'a system: ClusterRole',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        namespace: cluster,
        name: 'system:controller:deployment-controller',
      },
    ],
    [
      'a system: ClusterRoleBinding',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        namespace: cluster,
        name: 'system:node-proxier',
      },
    ],
    [
      'an RBAC default without a system: name',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        namespace: cluster,
        name: 'cluster-admin',
        labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
      },
    ],
    ['the default Namespace', { kind: 'Namespace', namespace: cluster, name: 'default' }],
    ['the kube-system Namespace', { kind: 'Namespace', namespace: cluster, name: 'kube-system' }],
    ['the kube-public Namespace', { kind: 'Namespace', namespace: cluster, name: 'kube-public' }],
    [
      'the kube-node-lease Namespace',
      { kind: 'Namespace', namespace: cluster, name: 'kube-node-lease' },
    ],
    ['the default ServiceAccount of any namespace', { kind: 'ServiceAccount', name: 'default' }],
    ['kube-root-ca.crt of any namespace', { kind: 'ConfigMap', name: 'kube-root-ca.crt' }],
    ['default/kubernetes', { kind: 'Service', namespace: 'default', name: 'kubernetes' }],
    [
      'an APF object the API server keeps up to date',
      {
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1',
        kind: 'FlowSchema',
        namespace: cluster,
        name: 'workload-leader-election',
        annotations: { 'apf.kubernetes.io/autoupdate-spec': 'true' },
      },
    ],
    [
      'an APIService the aggregator manages',
      {
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        namespace: cluster,
        name: 'v1.apps',
        labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' },
      },
    ],
    [
      'a system- PriorityClass',
      {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        namespace: cluster,
        name: 'system-node-critical',
      },
    ],
  ])('%s', (_label, options) => {
    expect(ownerBothWays(live(options))).toBe(SYSTEM);
  });

  it.each<[string, LiveOptions]>([
    ['a user Namespace', { kind: 'Namespace', namespace: cluster, name: 'shop' }],
    ['a ServiceAccount not named default', { kind: 'ServiceAccount', name: 'builder' }],
    ['a Service named kubernetes outside default', { kind: 'Service', name: 'kubernetes' }],
    ['a user ConfigMap in kube-system', { namespace: 'kube-system', name: 'my-settings' }],
    [
      'an APF object the user keeps',
      {
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1',
        kind: 'FlowSchema',
        namespace: cluster,
        name: 'mine',
        annotations: { 'apf.kubernetes.io/autoupdate-spec': 'false' },
      },
    ],
    [
      'a user PriorityClass',
      {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        namespace: cluster,
        name: 'high-priority',
      },
    ],
    [
      'a user ClusterRole',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        namespace: cluster,
        name: 'shop-reader',
      },
    ],
    [
      'an object of another group named like a core system object',
      { apiVersion: 'example.com/v1', kind: 'ServiceAccount', name: 'default' },
    ],
  ])('not %s', (_label, options) => {
    expect(ownerBothWays(live(options))).toBeUndefined();
  });
});

describe('kubeOwnerOf: control-plane writers', () => {
  it('names the control plane when only it wrote the object', () => {
    const object = live({
      kind: 'Endpoints',
      name: 'web',
      managers: ['kube-controller-manager', 'kube-apiserver', 'kube-controller-manager'],
    });
    expect(kubeOwnerOf(scanned(object))).toBe(
      'Kubernetes control plane (kube-apiserver, kube-controller-manager)',
    );
  });

  it('does not name it when someone else wrote the object too', () => {
    const object = live({ managers: ['kube-controller-manager', 'kubectl-edit'] });
    expect(kubeOwnerOf(scanned(object))).toBeUndefined();
  });

  it('does not name it for a manager whose name only starts like one', () => {
    expect(kubeOwnerOf(scanned(live({ managers: ['kubelet-custom'] })))).toBeUndefined();
    expect(kubeOwnerOf(scanned(live({ managers: ['eks-user-tool'] })))).toBeUndefined();
  });
});

describe('kubeOwnerOf: nobody', () => {
  it('is undefined for an object nobody manages', () => {
    const object = live({
      labels: { app: 'web', 'app.kubernetes.io/instance': 'web' },
      annotations: { note: 'hand-made' },
      managers: ['kubectl-client-side-apply', 'terraform'],
    });
    expect(ownerBothWays(object)).toBeUndefined();
  });

  it('is undefined for an object with no writers recorded', () => {
    const record = scanned(live());
    expect(kubeOwnerOf({ ...record, facts: { updates: [] } })).toBeUndefined();
  });
});
