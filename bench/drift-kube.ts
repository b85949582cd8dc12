/** Times `computeDrift` on n Kubernetes objects and n matching Kubernetes-provider instances. */
import { computeDrift } from '../lib/drift/engine.js';
import type { KubeRecord } from '../lib/model/kube.js';
import type { StateInstance } from '../lib/terraform/state-instance.js';

const PROVIDER = 'provider["registry.terraform.io/hashicorp/kubernetes"]';

// Even: a Deployment and its `kubernetes_manifest`; odd: a ConfigMap and `kubernetes_config_map_v1`.
function pair(i: number): [KubeRecord, StateInstance] {
  const namespace = `team-${i % 50}`;
  const name = `app-${i}`;
  const base = {
    state: 'bench.tfstate',
    lineage: 'l',
    serial: 1,
    provider: PROVIDER,
    tainted: false,
  };
  if (i % 2 === 0) {
    const manifest = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels: { app: name, team: namespace } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            containers: [
              {
                name: 'app',
                image: `registry.example.com/${name}:1.0`,
                ports: [{ containerPort: 8080 }],
                resources: { limits: { cpu: '500m', memory: '256Mi' } },
              },
            ],
          },
        },
      },
    };
    const live = structuredClone(manifest) as typeof manifest & Record<string, unknown>;
    Object.assign(live.spec, { revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    return [
      {
        cluster: 'prod',
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        namespace,
        name,
        manifest: live,
        facts: { updates: [] },
      },
      {
        ...base,
        address: `kubernetes_manifest.app["${name}"]`,
        type: 'kubernetes_manifest',
        attributes: {
          manifest: { value: manifest, type: ['object', {}] },
          object: { value: manifest, type: ['object', {}] },
        },
        scopeHint: { cluster: 'prod' },
      },
    ];
  }
  const data = { LOG_LEVEL: 'info', REGION: 'eu-west-1', FEATURE: String(i % 7 === 0) };
  return [
    {
      cluster: 'prod',
      group: '',
      version: 'v1',
      kind: 'ConfigMap',
      namespace,
      name,
      manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data },
      facts: { updates: [] },
    },
    {
      ...base,
      address: `kubernetes_config_map_v1.app["${name}"]`,
      type: 'kubernetes_config_map_v1',
      attributes: {
        id: `${namespace}/${name}`,
        metadata: [{ name, namespace, labels: {}, annotations: {} }],
        data,
      },
      scopeHint: { cluster: 'prod' },
    },
  ];
}

/** One timed `computeDrift` over Kubernetes objects only. */
export interface KubeDriftBenchResult {
  readonly n: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly managed: number;
}

/** Builds n objects and n instances (half manifests, half typed) and times one comparison. */
export function runKubeDriftBench(n: number): KubeDriftBenchResult {
  const pairs = JSON.parse(JSON.stringify(Array.from({ length: n }, (_, i) => pair(i)))) as [
    KubeRecord,
    StateInstance,
  ][];
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = computeDrift({
    resources: [],
    kubeRecords: pairs.map(([r]) => r),
    instances: pairs.map(([, s]) => s),
    scopes: [{ scope: 'k8s/prod', complete: true }],
    now: new Date(0),
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { n, ms, cpuMs: (used.user + used.system) / 1000, managed: report.summary.managed };
}

/** The bench's lines: time per object. */
export function formatKubeDriftBench(result: KubeDriftBenchResult): string[] {
  const row = (name: string, ms: number) =>
    `  ${name.padEnd(6)} ${ms.toFixed(0).padStart(7)} ms ${((ms * 1000) / result.n).toFixed(2).padStart(8)} µs/object`;
  return [
    `drift, ${result.n} Kubernetes objects against ${result.n} instances (${result.managed} managed)`,
    row('wall', result.ms),
    row('CPU', result.cpuMs),
  ];
}
