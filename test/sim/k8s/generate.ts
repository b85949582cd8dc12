import { mulberry32, pick } from '../aws/random.js';
import { defineCustomResource } from './crd.js';
import { type WorldKit, worldKit } from './kit.js';
import type { Writer } from './meta.js';
import { countObjects, createWorld, type KubeWorld, type WorldOptions } from './world.js';

/** Options of {@link generateCluster}. */
export interface GenerateOptions extends WorldOptions {
  seed: number;
  /** How many objects the world holds in the end, namespaces and the CRD included. */
  objects: number;
  /** Objects per namespace, roughly (default 250). */
  perNamespace?: number;
}

const WRITERS: readonly (readonly Writer[])[] = [
  [{ manager: 'kubectl-client-side-apply' }],
  [{ manager: 'helm' }],
  [{ manager: 'argocd-controller', operation: 'Apply' }],
  [{ manager: 'kustomize-controller', operation: 'Apply' }],
];

type Maker = (kit: WorldKit, ns: string, n: number, writers: readonly Writer[]) => void;

// Weighted like a real cluster: mostly ConfigMaps and Secrets, some workloads, a few cluster objects.
const MAKERS: readonly Maker[] = [
  configMap,
  configMap,
  configMap,
  configMap,
  configMap,
  configMap,
  configMap,
  secret,
  secret,
  secret,
  secret,
  deployment,
  deployment,
  service,
  service,
  serviceAccount,
  serviceAccount,
  role,
  widget,
  clusterRole,
];

/** A deterministic cluster of exactly `objects` objects spread over namespaces, fast at 20k. */
export function generateCluster(options: GenerateOptions): KubeWorld {
  const world = createWorld(options);
  const random = mulberry32(options.seed);
  const kit = worldKit(world, options.seed);
  defineCustomResource(kit, {
    group: 'example.com',
    versions: ['v1'],
    kind: 'Widget',
    plural: 'widgets',
    scope: 'Namespaced',
  });
  const perNamespace = options.perNamespace ?? 250;
  const namespaces = Array.from(
    { length: Math.max(1, Math.ceil(options.objects / perNamespace)) },
    (_, i) => `team-${String(i).padStart(3, '0')}`,
  );
  for (const name of namespaces) {
    if (countObjects(world) >= options.objects) break;
    kit.add({
      apiVersion: 'v1',
      kind: 'Namespace',
      name,
      body: { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
    });
  }
  for (let n = 0; countObjects(world) < options.objects; n++) {
    const ns = namespaces[n % namespaces.length] as string;
    pick(random, MAKERS)(kit, ns, n, pick(random, WRITERS));
  }
  return world;
}

function configMap(kit: WorldKit, namespace: string, n: number, writers: readonly Writer[]): void {
  kit.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: `config-${n}`,
    namespace,
    writers,
    createdAt: n / 10,
    labels: { app: `app-${n % 50}` },
    body: { data: { 'settings.yaml': `replicas: ${n % 7}\nlevel: info\n`, INDEX: String(n) } },
  });
}

function secret(kit: WorldKit, namespace: string, n: number, writers: readonly Writer[]): void {
  kit.add({
    apiVersion: 'v1',
    kind: 'Secret',
    name: `secret-${n}`,
    namespace,
    writers,
    createdAt: n / 10,
    body: { type: 'Opaque', data: { password: Buffer.from(`generated-${n}`).toString('base64') } },
  });
}

function deployment(kit: WorldKit, namespace: string, n: number, writers: readonly Writer[]): void {
  const labels = { app: `app-${n}` };
  kit.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: `app-${n}`,
    namespace,
    labels,
    generation: 1 + (n % 3),
    createdAt: n / 10,
    writers: [
      ...writers,
      { manager: 'kube-controller-manager', subresource: 'status', minutes: 1 },
    ],
    body: {
      spec: {
        replicas: 1 + (n % 4),
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [{ name: 'main', image: `registry.example.com/app-${n % 40}:1.${n % 9}` }],
          },
        },
      },
      status: {
        observedGeneration: 1 + (n % 3),
        replicas: 1 + (n % 4),
        readyReplicas: 1 + (n % 4),
      },
    },
  });
}

function service(kit: WorldKit, namespace: string, n: number, writers: readonly Writer[]): void {
  const ip = `10.96.${(n >> 8) & 255}.${n & 255}`;
  kit.add({
    apiVersion: 'v1',
    kind: 'Service',
    name: `svc-${n}`,
    namespace,
    writers,
    createdAt: n / 10,
    body: {
      spec: {
        type: 'ClusterIP',
        clusterIP: ip,
        clusterIPs: [ip],
        ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: `app-${n}` },
      },
      status: { loadBalancer: {} },
    },
  });
}

function serviceAccount(
  kit: WorldKit,
  namespace: string,
  n: number,
  writers: readonly Writer[],
): void {
  kit.add({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: `sa-${n}`,
    namespace,
    writers,
    createdAt: n / 10,
  });
}

function role(kit: WorldKit, namespace: string, n: number, writers: readonly Writer[]): void {
  kit.add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    name: `role-${n}`,
    namespace,
    writers,
    createdAt: n / 10,
    body: { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] },
  });
}

function widget(kit: WorldKit, namespace: string, n: number, writers: readonly Writer[]): void {
  kit.add({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    name: `widget-${n}`,
    namespace,
    writers,
    generation: 1,
    createdAt: n / 10,
    body: { spec: { size: n % 5 } },
  });
}

function clusterRole(
  kit: WorldKit,
  _namespace: string,
  n: number,
  writers: readonly Writer[],
): void {
  kit.add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    name: `team:role:${n}`,
    writers,
    createdAt: n / 10,
    body: { rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }] },
  });
}
