import type { Placed, WorldKit } from './kit.js';

/** The value of the sample's Opaque Secret: an exporter must never write it anywhere. */
export const SECRET_CANARY = 'canary-7f3e9d1c-do-not-export';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const WEB_LABELS = { app: 'web', 'app.kubernetes.io/name': 'web' };
const CSA = { manager: 'kubectl-client-side-apply' } as const;
const KCM = { manager: 'kube-controller-manager' } as const;

/** The shop namespace's web app: Deployment, ReplicaSets, Pods, Service, HPA, config, secrets. */
export function addWebApp(kit: WorldKit): Placed {
  const ns = 'shop';
  const template = {
    metadata: { labels: WEB_LABELS },
    spec: {
      containers: [
        { name: 'web', image: 'ghcr.io/example/web:1.4.2', ports: [{ containerPort: 8080 }] },
      ],
    },
  };
  const deploy = kit.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'web',
    namespace: ns,
    labels: WEB_LABELS,
    annotations: { 'deployment.kubernetes.io/revision': '2' },
    generation: 4,
    createdAt: 60,
    writers: [CSA, { ...KCM, minutes: 30 }, { ...KCM, subresource: 'status', minutes: 31 }],
    body: {
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        template,
      },
      status: {
        observedGeneration: 4,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            lastUpdateTime: kit.factory.time(91),
            lastTransitionTime: kit.factory.time(91),
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
        ],
      },
    },
  });
  const current = replicaSet(kit, deploy, 'web-7d9f8b6c5d', 3, '2', template);
  replicaSet(kit, deploy, 'web-5c8d7f9b4', 0, '1', template);
  for (const suffix of ['x2k4p', 'm9qzt', 'h7c3w'])
    kit.add({
      apiVersion: 'v1',
      kind: 'Pod',
      name: `web-7d9f8b6c5d-${suffix}`,
      namespace: ns,
      labels: { ...WEB_LABELS, 'pod-template-hash': '7d9f8b6c5d' },
      owner: current,
      createdAt: 90,
      writers: [KCM, { manager: 'kubelet', subresource: 'status', minutes: 0.5 }],
      body: {
        spec: {
          ...template.spec,
          nodeName: 'node-a',
          serviceAccountName: 'web',
          restartPolicy: 'Always',
        },
        status: {
          phase: 'Running',
          podIP: '10.244.1.17',
          hostIP: '172.18.0.3',
          qosClass: 'BestEffort',
        },
      },
    });
  const svc = kit.add({
    apiVersion: 'v1',
    kind: 'Service',
    name: 'web',
    namespace: ns,
    labels: WEB_LABELS,
    createdAt: 60,
    body: {
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        ipFamilies: ['IPv4'],
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: 'web' },
        sessionAffinity: 'None',
      },
      status: { loadBalancer: {} },
    },
  });
  kit.add({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    name: 'web-8fk2j',
    namespace: ns,
    labels: {
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    },
    owner: svc,
    createdAt: 60,
    writers: [{ manager: 'kube-controller-manager', minutes: 31 }],
    body: {
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.17'], conditions: { ready: true }, nodeName: 'node-a' }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  });
  addWebAutoscaler(kit, ns);
  addWebConfig(kit, ns);
  return deploy;
}

function replicaSet(
  kit: WorldKit,
  owner: Placed,
  name: string,
  replicas: number,
  revision: string,
  template: Record<string, unknown>,
): Placed {
  const hash = name.slice('web-'.length);
  return kit.add({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name,
    namespace: 'shop',
    labels: { ...WEB_LABELS, 'pod-template-hash': hash },
    annotations: {
      'deployment.kubernetes.io/revision': revision,
      'deployment.kubernetes.io/desired-replicas': '3',
    },
    owner,
    generation: 1,
    createdAt: revision === '1' ? 60 : 90,
    writers: [KCM, { ...KCM, subresource: 'status', minutes: 1 }],
    body: {
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
        template,
      },
      status: {
        replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        observedGeneration: 1,
      },
    },
  });
}

function addWebAutoscaler(kit: WorldKit, ns: string): void {
  const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
  const common = {
    kind: 'HorizontalPodAutoscaler',
    name: 'web',
    namespace: ns,
    createdAt: 61,
  } as const;
  const writers = [CSA, { ...KCM, subresource: 'status', minutes: 200 }] as const;
  kit.add({
    ...common,
    apiVersion: 'autoscaling/v2',
    writers,
    body: {
      spec: {
        scaleTargetRef: target,
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
          },
        ],
      },
      status: { currentReplicas: 3, desiredReplicas: 3, lastScaleTime: kit.factory.time(260) },
    },
  });
  // The same object as autoscaling/v1 shows it: the exporter must pick the preferred version only.
  kit.add({
    ...common,
    apiVersion: 'autoscaling/v1',
    writers,
    body: {
      spec: {
        scaleTargetRef: target,
        minReplicas: 2,
        maxReplicas: 10,
        targetCPUUtilizationPercentage: 70,
      },
      status: { currentReplicas: 3, desiredReplicas: 3 },
    },
  });
}

function addWebConfig(kit: WorldKit, ns: string): void {
  kit.add({ apiVersion: 'v1', kind: 'ServiceAccount', name: 'web', namespace: ns, createdAt: 60 });
  kit.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: 'web-config',
    namespace: ns,
    labels: WEB_LABELS,
    createdAt: 60,
    body: { data: { LOG_LEVEL: 'info', 'app.yaml': 'features:\n  checkout: true\n' } },
  });
  kit.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    // The real API server rejects non-DNS names; the sim keeps one to test file naming.
    name: 'menü-café-☕',
    namespace: ns,
    createdAt: 62,
    body: { data: { greeting: 'Grüß Gott, 世界 🌍' } },
  });
  kit.add({
    apiVersion: 'v1',
    kind: 'Secret',
    name: 'web-secrets',
    namespace: ns,
    createdAt: 60,
    body: { type: 'Opaque', data: { password: b64(SECRET_CANARY), username: b64('web') } },
  });
  kit.add({
    apiVersion: 'v1',
    kind: 'Secret',
    name: 'web-token',
    namespace: ns,
    annotations: {
      'kubernetes.io/service-account.name': 'web',
      'kubernetes.io/service-account.uid': kit.factory.uid(),
    },
    createdAt: 60,
    writers: [CSA, { ...KCM, minutes: 0.1 }],
    body: {
      type: 'kubernetes.io/service-account-token',
      data: {
        token: b64('eyJhbGciOiJSUzI1NiJ9.sim.sig'),
        'ca.crt': b64('-----BEGIN CERTIFICATE-----\n'),
        namespace: b64(ns),
      },
    },
  });
  kit.add({
    apiVersion: 'v1',
    kind: 'Secret',
    name: 'sh.helm.release.v1.web.v1',
    namespace: ns,
    labels: { name: 'web', owner: 'helm', status: 'deployed', version: '1' },
    createdAt: 55,
    writers: [{ manager: 'helm' }],
    body: {
      type: 'helm.sh/release.v1',
      data: { release: b64('H4sIAAAAAAAC/6tWKkktLlGyUlAqS8wpTVWqBQBQ3AKMFAAAAA==') },
    },
  });
}
