import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../../../lib/drift/engine.js';
import { parseIgnore } from '../../../../lib/drift/ignore.js';
import type { KubeRecord } from '../../../../lib/model/kube.js';
import type { StateInstance } from '../../../../lib/terraform/state-instance.js';

const NOW = new Date('2026-11-22T10:00:00Z');
const COMPLETE = [{ scope: 'k8s/prod', complete: true }];

function configMap(name: string, data: Record<string, string>, namespace = 'web'): KubeRecord {
  return {
    cluster: 'prod',
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    namespace,
    name,
    manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data },
    facts: { updates: [] },
  };
}

function typedConfigMap(
  state: string,
  address: string,
  name: string,
  data: Record<string, string>,
  cluster: string | null = 'prod',
): StateInstance {
  return {
    state,
    lineage: 'l',
    serial: 3,
    address,
    type: 'kubernetes_config_map_v1',
    provider: 'provider["registry.terraform.io/hashicorp/kubernetes"]',
    attributes: { id: `web/${name}`, metadata: [{ name, namespace: 'web' }], data },
    tainted: false,
    ...(cluster ? { scopeHint: { cluster } } : {}),
  };
}

const drift = (records: KubeRecord[], instances: StateInstance[], ignore?: string) =>
  computeDrift({
    resources: [],
    kubeRecords: records,
    instances,
    scopes: COMPLETE,
    ...(ignore ? { ignore: parseIgnore(ignore, 'test-ignore') } : {}),
    now: NOW,
  });

describe('computeDrift: Kubernetes objects held by two states', () => {
  it('reports a changed object once, with both addresses', () => {
    const report = drift(
      [configMap('app', { mode: 'prod' })],
      [
        typedConfigMap('b.tfstate', 'kubernetes_config_map_v1.b', 'app', { mode: 'dev' }),
        typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.a', 'app', { mode: 'dev' }),
      ],
    );
    expect(report.summary.managed).toBe(1);
    expect(report.changed).toEqual([
      {
        address: 'kubernetes_config_map_v1.a',
        addresses: ['kubernetes_config_map_v1.a', 'kubernetes_config_map_v1.b'],
        type: 'kubernetes_config_map_v1',
        id: 'web/app',
        path: 'k8s/prod/web/core/ConfigMap/app.yaml',
        changes: [{ attribute: 'data.mode', state: 'dev', cloud: 'prod' }],
      },
    ]);
  });

  it('reports a missing object once, with both addresses', () => {
    const report = drift(
      [configMap('other', {})],
      [
        typedConfigMap('b.tfstate', 'kubernetes_config_map_v1.b', 'gone', {}),
        typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.a', 'gone', {}),
      ],
    );
    expect(report.missing).toEqual([
      {
        address: 'kubernetes_config_map_v1.a',
        addresses: ['kubernetes_config_map_v1.a', 'kubernetes_config_map_v1.b'],
        type: 'kubernetes_config_map_v1',
        id: 'web/gone',
        state: 'a.tfstate',
      },
    ]);
  });
});

describe('computeDrift: Kubernetes objects and ignore rules', () => {
  const records = [configMap('app', { mode: 'prod', extra: 'x' }), configMap('loose', {})];
  const instances = [
    typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.app', 'app', { mode: 'dev' }),
    typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.gone', 'gone', {}),
  ];

  it('reports all three without rules', () => {
    const report = drift(records, instances);
    expect(report.changed).toHaveLength(1);
    expect(report.missing).toHaveLength(1);
    expect(report.unmanaged.map((e) => e.id)).toEqual(['web/loose']);
  });

  it('ignores by type and namespace/name, and by one attribute', () => {
    const report = drift(
      records,
      instances,
      'kubernetes_config_map_v1.web/loose\nkubernetes_config_map_v1.web/gone\nkubernetes_config_map_v1.web/app.data.extra\n',
    );
    expect(report.unmanaged).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.changed[0]?.changes).toEqual([
      { attribute: 'data.mode', state: 'dev', cloud: 'prod' },
    ]);
  });
});

describe('computeDrift: an instance whose state names no cluster', () => {
  it('matches the one cluster holding the object, and is never missing', () => {
    const staging = { ...configMap('app', { mode: 'prod' }), cluster: 'staging' };
    const report = computeDrift({
      resources: [],
      kubeRecords: [configMap('app', { mode: 'prod' }), configMap('only-prod', {}), staging],
      instances: [
        typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.only', 'only-prod', {}, null),
        typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.app', 'app', {}, null),
        typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.gone', 'gone', {}, null),
      ],
      scopes: [...COMPLETE, { scope: 'k8s/staging', complete: true }],
      now: NOW,
    });
    expect(report.summary.managed).toBe(1);
    expect(report.missing).toEqual([]);
    // `app` is in both clusters: which one the state means cannot be told, so neither is called
    // unmanaged (nor managed).
    expect(report.unmanaged).toEqual([]);
    expect(report.summary.total).toBe(1);
  });
});

describe('computeDrift: masked values in a compared map', () => {
  it("hides only the masked key: the ConfigMap's other keys still compare", () => {
    const report = drift(
      [configMap('app', { DB_PASSWORD: 'hunter2-live', mode: 'prod' })],
      [
        typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.app', 'app', {
          DB_PASSWORD: '(sensitive)',
          mode: 'dev',
        }),
      ],
    );
    expect(report.changed[0]?.changes).toEqual([
      { attribute: 'data.mode', state: 'dev', cloud: 'prod' },
    ]);
  });

  it('compares nothing of a map masked whole', () => {
    const instance = typedConfigMap('a.tfstate', 'kubernetes_config_map_v1.app', 'app', {});
    const masked = { ...instance, attributes: { ...instance.attributes, data: '(sensitive)' } };
    const report = drift([configMap('app', { mode: 'prod' })], [masked]);
    expect(report.changed).toEqual([]);
    expect(report.summary.managed).toBe(1);
  });
});
