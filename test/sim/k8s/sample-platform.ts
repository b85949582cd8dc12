import { defineCustomResource } from './crd.js';
import type { Placed, WorldKit } from './kit.js';
import { putObject } from './world.js';

const SYSTEM = { manager: 'kube-apiserver' } as const;
const KCM = { manager: 'kube-controller-manager' } as const;

/** Namespaces (with their kube-root-ca.crt ConfigMaps) and the default ServiceAccounts. */
export function addNamespaces(kit: WorldKit, names: readonly string[]): void {
  for (const name of names) {
    const system = name === 'default' || name.startsWith('kube-');
    kit.add({
      apiVersion: 'v1',
      kind: 'Namespace',
      name,
      labels: { 'kubernetes.io/metadata.name': name },
      writers: [system ? SYSTEM : { manager: 'kubectl-client-side-apply' }],
      createdAt: system ? 0 : 30,
      body: { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
    });
    kit.add({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'kube-root-ca.crt',
      namespace: name,
      annotations: {
        'kubernetes.io/description':
          'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
      },
      writers: [KCM],
      body: {
        data: {
          'ca.crt':
            '-----BEGIN CERTIFICATE-----\nMIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAV\n-----END CERTIFICATE-----\n',
        },
      },
    });
    kit.add({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      name: 'default',
      namespace: name,
      writers: [KCM],
    });
  }
}

/** RBAC with colon names (`system:controller:foo`) and an aggregated ClusterRole. */
export function addRbac(kit: WorldKit): void {
  const bootstrap = {
    labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    writers: [SYSTEM],
  };
  kit.add({
    ...bootstrap,
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    name: 'system:controller:foo',
    body: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }] },
  });
  kit.add({
    ...bootstrap,
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'system:controller:foo',
    body: {
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'system:controller:foo',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'foo-controller', namespace: 'kube-system' }],
    },
  });
  kit.add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    name: 'shop-view',
    writers: [{ manager: 'kubectl-client-side-apply' }, { ...KCM, minutes: 0.2 }],
    body: {
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { 'shop.example.com/aggregate-to-view': 'true' } }],
      },
      rules: [{ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['get', 'list'] }],
    },
  });
}

/** Nodes with status heartbeats, their Leases, a leader-election Lease, and metrics. */
export function addNodes(kit: WorldKit, names: readonly string[]): void {
  for (const [i, name] of names.entries()) {
    kit.add({
      apiVersion: 'v1',
      kind: 'Node',
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'm6i.large',
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      writers: [
        { manager: 'kubelet' },
        { manager: 'kubelet', subresource: 'status', minutes: 500 },
      ],
      body: {
        spec: {
          podCIDR: `10.244.${i}.0/24`,
          providerID: `aws:///eu-west-1a/i-0abc${i}def012345678`,
        },
        status: {
          addresses: [
            { type: 'InternalIP', address: `172.18.0.${i + 3}` },
            { type: 'Hostname', address: name },
          ],
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              lastHeartbeatTime: kit.factory.time(500),
              reason: 'KubeletReady',
            },
          ],
          nodeInfo: {
            kubeletVersion: 'v1.32.4',
            osImage: 'Bottlerocket OS 1.30.0',
            architecture: 'amd64',
          },
        },
      },
    });
    kit.add({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      name,
      namespace: 'kube-node-lease',
      writers: [{ manager: 'kubelet', minutes: 500 }],
      body: {
        spec: {
          holderIdentity: name,
          leaseDurationSeconds: 40,
          renewTime: `${kit.factory.time(500).slice(0, -1)}.123456Z`,
        },
      },
    });
    putObject(
      kit.world,
      { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'nodes' },
      {
        metadata: {
          name,
          creationTimestamp: kit.factory.time(500),
          labels: { 'kubernetes.io/hostname': name },
        },
        timestamp: kit.factory.time(499.5),
        window: '20.05s',
        usage: { cpu: `${120 + i * 40}m`, memory: `${1800 + i * 100}Mi` },
      },
    );
  }
  kit.add({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    name: 'kube-controller-manager',
    namespace: 'kube-system',
    writers: [{ manager: 'kube-controller-manager', minutes: 500 }],
    body: {
      spec: { holderIdentity: 'ip-172-18-0-2_5f0c', leaseDurationSeconds: 15, leaseTransitions: 2 },
    },
  });
}

/** One occurrence recorded twice, as core/v1 and as events.k8s.io/v1 serve it. */
export function addEvents(kit: WorldKit, about: Placed): void {
  const name = `${about.metadata.name}.181a2b3c4d5e6f70`;
  const ns = about.metadata.namespace as string;
  const ref = {
    apiVersion: about.apiVersion,
    kind: about.kind,
    name: about.metadata.name,
    namespace: ns,
    uid: about.metadata.uid,
  };
  const writers = [{ manager: 'kube-controller-manager', minutes: 90 }];
  const message = 'Scaled up replica set web-7d9f8b6c5d to 3';
  kit.add({
    apiVersion: 'v1',
    kind: 'Event',
    name,
    namespace: ns,
    writers,
    createdAt: 90,
    body: {
      involvedObject: ref,
      reason: 'ScalingReplicaSet',
      message,
      source: { component: 'deployment-controller' },
      firstTimestamp: kit.factory.time(90),
      lastTimestamp: kit.factory.time(90),
      count: 1,
      type: 'Normal',
      reportingComponent: 'deployment-controller',
    },
  });
  kit.add({
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    name,
    namespace: ns,
    writers,
    createdAt: 90,
    body: {
      regarding: ref,
      reason: 'ScalingReplicaSet',
      note: message,
      type: 'Normal',
      reportingController: 'deployment-controller',
      deprecatedFirstTimestamp: kit.factory.time(90),
      deprecatedLastTimestamp: kit.factory.time(90),
      deprecatedCount: 1,
    },
  });
}

/** A ValidatingWebhookConfiguration whose caBundle the cert-manager injector rewrites. */
export function addWebhook(kit: WorldKit): void {
  kit.add({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    name: 'policy-webhook',
    annotations: { 'cert-manager.io/inject-ca-from': 'kube-system/policy-webhook' },
    writers: [{ manager: 'helm' }, { manager: 'cainjector', minutes: 2 }],
    body: {
      webhooks: [
        {
          name: 'validate.policy.example.com',
          admissionReviewVersions: ['v1'],
          clientConfig: {
            service: {
              name: 'policy-webhook',
              namespace: 'kube-system',
              path: '/validate',
              port: 443,
            },
            caBundle: Buffer.from(
              '-----BEGIN CERTIFICATE-----\nMIIBsim\n-----END CERTIFICATE-----\n',
            ).toString('base64'),
          },
          rules: [
            {
              apiGroups: ['apps'],
              apiVersions: ['v1'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['deployments'],
              scope: '*',
            },
          ],
          failurePolicy: 'Fail',
          sideEffects: 'None',
          timeoutSeconds: 10,
        },
      ],
    },
  });
}

/** The `widgets.example.com` CRD and two Widgets. */
export function addWidgets(kit: WorldKit): void {
  defineCustomResource(kit, {
    group: 'example.com',
    versions: ['v1'],
    kind: 'Widget',
    plural: 'widgets',
    scope: 'Namespaced',
    shortNames: ['wd'],
  });
  for (const [name, size] of [
    ['alpha', 1],
    ['beta', 2],
  ] as const)
    kit.add({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      name,
      namespace: 'shop',
      generation: 1,
      body: { spec: { size, color: name === 'alpha' ? 'red' : 'blue' }, status: { ready: true } },
    });
}
