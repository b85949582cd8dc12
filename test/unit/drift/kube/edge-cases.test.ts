import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../../../lib/drift/engine.js';
import { compareDeclared } from '../../../../lib/drift/kube/compare-declared.js';
import { renderJson } from '../../../../lib/drift/render/json.js';
import type { KubeObject, KubeRecord } from '../../../../lib/model/kube.js';
import { parseState } from '../../../../lib/terraform/parse-state.js';
import type { StateInstance } from '../../../../lib/terraform/state-instance.js';

const NOW = new Date('2026-11-22T10:00:00Z');
const PROVIDER = 'provider["registry.terraform.io/hashicorp/kubernetes"]';

function record(manifest: Record<string, unknown>, cluster = 'prod'): KubeRecord {
  const object = manifest as unknown as KubeObject;
  const [group, version] = object.apiVersion.includes('/')
    ? (object.apiVersion.split('/') as [string, string])
    : ['', object.apiVersion];
  return {
    cluster,
    group,
    version,
    kind: object.kind,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    name: object.metadata.name,
    manifest: object,
    facts: { updates: [] },
  };
}

function instance(type: string, name: string, attributes: Record<string, unknown>): StateInstance {
  return {
    state: 'k.tfstate',
    lineage: 'l',
    serial: 1,
    address: `${type}.${name}`,
    type,
    provider: PROVIDER,
    attributes,
    tainted: false,
    scopeHint: { cluster: 'prod' },
  };
}

/** A v4 state holding one instance of `type`, parsed as the drift step parses it. */
function parsed(type: string, attributes: object, sensitive: object[] = []): StateInstance[] {
  const state = {
    version: 4,
    terraform_version: '1.9.8',
    serial: 1,
    lineage: 'l',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type,
        name: 'r',
        provider: PROVIDER,
        instances: [{ schema_version: 1, attributes, sensitive_attributes: sensitive }],
      },
    ],
  };
  return parseState(JSON.stringify(state), 'k.tfstate', { cluster: 'prod' }).instances;
}

const manifest = (name: string, value: Record<string, unknown>) =>
  instance('kubernetes_manifest', name, { manifest: { value, type: ['object', {}] } });

const configMap = (name: string, namespace: string, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});

const drift = (records: KubeRecord[], instances: StateInstance[], kubeFilter?: object) =>
  computeDrift({
    resources: [],
    kubeRecords: records,
    instances,
    scopes: [{ scope: 'k8s/prod', complete: true }],
    ...(kubeFilter ? { kubeFilter: kubeFilter as never } : {}),
    now: NOW,
  });

describe('Kubernetes drift: secrets never shown', () => {
  it('masks a sensitive path inside a manifest stored as { value, type }, and never takes it from object', () => {
    const declared = {
      apiVersion: 'example.com/v1',
      kind: 'Database',
      metadata: { name: 'db', namespace: 'web' },
      spec: { dsn: 'postgres://u:hunter5@db/x', size: 2 },
    };
    const instances = parsed(
      'kubernetes_manifest',
      {
        manifest: { value: declared, type: ['object', {}] },
        object: { value: declared, type: ['object', {}] },
      },
      [
        [
          { type: 'get_attr', value: 'manifest' },
          { type: 'get_attr', value: 'spec' },
          { type: 'get_attr', value: 'dsn' },
        ],
      ],
    );
    const live = { ...declared, spec: { dsn: 'postgres://u:other@db/x', size: 3 } };
    const report = drift([record(live), record(configMap('x', 'web'))], instances);
    expect(report.changed[0]?.changes).toEqual([{ attribute: 'spec.size', state: 2, cloud: 3 }]);
    expect(renderJson(report)).not.toContain('hunter5');
  });

  it('masks a ConfigMap value under a secret-looking key in typed state', () => {
    const instances = parsed('kubernetes_config_map_v1', {
      id: 'web/app',
      metadata: [{ name: 'app', namespace: 'web' }],
      data: { dbPassword: 'hunter2-typed', 'db.password': 'hunter3', mode: 'a' },
    });
    const report = drift([record(configMap('app', 'web', { mode: 'b' }))], instances);
    const json = renderJson(report);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('hunter3');
    expect(report.changed[0]?.changes).toEqual([
      { attribute: 'data.mode', state: 'a', cloud: 'b' },
    ]);
  });
});

describe('Kubernetes drift: matching', () => {
  it('ignores a namespace put on a cluster-scoped kind (kubectl_manifest override_namespace)', () => {
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'ingress-nginx' },
      rules: [],
    };
    const kubectl = instance('kubectl_manifest', 'cr', {
      api_version: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      name: 'ingress-nginx',
      namespace: 'ingress',
      override_namespace: 'ingress',
      yaml_body_parsed: 'kind: ClusterRole\nmetadata:\n  name: ingress-nginx\nrules: []\n',
    });
    const report = drift([record(role), record(configMap('x', 'ingress'))], [kubectl]);
    expect(report.missing).toEqual([]);
    expect(report.summary.managed).toBe(1);
    expect(report.unmanaged.map((e) => e.id)).toEqual(['ingress/x']);
  });

  it('finds a manifest that names no namespace where the server put it', () => {
    const declared = configMap('app', 'default', { a: '1' });
    const { namespace: _, ...metadata } = declared.metadata;
    const state = instance('kubernetes_manifest', 'app', {
      manifest: { value: { ...declared, metadata }, type: ['object', {}] },
      object: { value: declared, type: ['object', {}] },
    });
    const report = drift([record(declared)], [state]);
    expect(report.summary.managed).toBe(1);
    expect(report.unmanaged).toEqual([]);
  });
});

describe('Kubernetes drift: what cannot be reported missing', () => {
  const existing = [
    record(configMap('other', 'vault')),
    record({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'web' },
      type: 'Opaque',
    }),
  ];

  it('a Secret the configured export filter leaves out', () => {
    const secret = manifest('vault', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'root', namespace: 'vault' },
      type: 'Opaque',
    });
    expect(drift(existing, [secret]).missing).toHaveLength(1);
    const filter = {
      include: [],
      exclude: [{ namespace: 'vault', kind: 'Secret' }],
      defaultExclusions: true,
    };
    expect(drift(existing, [secret], filter).missing).toEqual([]);
  });

  it('a kubectl_manifest token Secret (its type survives masking)', () => {
    const token = instance('kubectl_manifest', 'tok', {
      api_version: 'v1',
      kind: 'Secret',
      name: 'tok',
      namespace: 'web',
      yaml_body_parsed:
        'apiVersion: v1\nkind: Secret\ntype: kubernetes.io/service-account-token\nmetadata:\n  name: tok\n',
    });
    const instances = parsed('kubectl_manifest', token.attributes);
    expect(drift(existing, instances).missing).toEqual([]);
  });

  it('a malformed declaration does not break the comparison', () => {
    const odd = manifest('odd', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j', namespace: 'web', ownerReferences: 'x', labels: 'y' },
    });
    const jobs = [
      ...existing,
      record({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'k', namespace: 'web' } }),
    ];
    expect(() => drift(jobs, [odd])).not.toThrow();
  });
});

describe('compareDeclared: lists and zero values', () => {
  const pod = (mounts: object[], extra: object = {}) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'web' },
      spec: { containers: [{ name: 'app', image: 'a:1', volumeMounts: mounts, ...extra }] },
    }) as unknown as KubeObject;

  it('matches items that share a name by their other merge key (a volume mounted twice)', () => {
    const mounts = [
      { name: 'cfg', mountPath: '/etc/a.conf', subPath: 'a.conf' },
      { name: 'cfg', mountPath: '/etc/b.conf', subPath: 'b.conf' },
    ];
    const live = pod([...mounts].reverse());
    expect(compareDeclared(pod(mounts) as unknown as Record<string, unknown>, live)).toEqual([]);
  });

  it('reads false, 0 and "" the API server omits as equal to absent', () => {
    const declared = pod([], { stdin: false, tty: false, workingDir: '' });
    const spec = (declared as unknown as { spec: Record<string, unknown> }).spec;
    spec['hostNetwork'] = false;
    spec['terminationGracePeriodSeconds'] = 0;
    expect(compareDeclared(declared as unknown as Record<string, unknown>, pod([]))).toEqual([]);
  });

  it('never takes an inherited property for a live field', () => {
    const declared = { ...configMap('c', 'web'), data: { toString: 'x' } };
    expect(compareDeclared(declared, configMap('c', 'web') as unknown as KubeObject)).toEqual([
      { attribute: 'data.toString', state: 'x', cloud: null },
    ]);
  });
});
