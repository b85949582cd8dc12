import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCluster } from '../sim/k8s/sample.js';
import { SECRET_CANARY } from '../sim/k8s/sample-workloads.js';
import { type KubeSim, startKubeSim } from '../sim/k8s/server.js';
import { getObject, putObject } from '../sim/k8s/world.js';
import { freshTrailDir, git, statetrail } from './scan-helpers.js';

const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
const HMAC = { STATETRAIL_HMAC_KEY: 'kubernetes-drift-test-key' };
const K8S = 'provider["registry.terraform.io/hashicorp/kubernetes"]';
const WEB_LABELS = { app: 'web', 'app.kubernetes.io/name': 'web' };

/** A v4 state holding the shop's web Deployment (typed), its Service (a manifest) and a gone ConfigMap. */
function shopState(serial: number, image: string): string {
  const instance = (type: string, name: string, attributes: object, sensitive: object[] = []) => ({
    mode: 'managed',
    type,
    name,
    provider: K8S,
    instances: [{ schema_version: 1, attributes, sensitive_attributes: sensitive }],
  });
  const metadata = (name: string, labels: object = {}) => [
    { name, namespace: 'shop', labels, annotations: {}, generation: 4, uid: 'u' },
  ];
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop', labels: WEB_LABELS },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  };
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.8',
    serial,
    lineage: 'shop-lineage',
    outputs: {},
    resources: [
      instance('kubernetes_deployment_v1', 'web', {
        id: 'shop/web',
        metadata: metadata('web', WEB_LABELS),
        spec: [
          {
            replicas: '3',
            template: [{ spec: [{ container: [{ name: 'web', image }] }] }],
          },
        ],
      }),
      instance('kubernetes_manifest', 'web_service', {
        manifest: { value: service, type: ['object', {}] },
        object: { value: service, type: ['object', {}] },
      }),
      instance('kubernetes_config_map_v1', 'gone', {
        id: 'shop/gone',
        metadata: metadata('gone'),
        data: { a: '1' },
      }),
      instance(
        'kubernetes_secret_v1',
        'app',
        {
          id: 'shop/web-secrets',
          metadata: metadata('web-secrets'),
          type: 'Opaque',
          data: { password: SECRET_CANARY },
        },
        [[{ type: 'get_attr', value: 'data' }]],
      ),
    ],
  });
}

describe('statetrail scan --state with Kubernetes objects in Terraform', () => {
  let sim: KubeSim;
  let dir: string;
  let trail: string;
  let cluster: string;
  const statePath = () => join(dir, 'shop.tfstate');

  beforeAll(async () => {
    sim = await startKubeSim(sampleCluster());
    dir = await mkdtemp(join(tmpdir(), 'kube-drift-'));
    await writeFile(join(dir, 'kubeconfig'), sim.kubeconfig());
    trail = await freshTrailDir();
    const first = await statetrail(
      ['scan', '--kubeconfig', join(dir, 'kubeconfig'), '--trail', trail, '--format', 'json'],
      { env: HMAC },
    );
    cluster = JSON.parse(first.stdout).scopes[0].scope.split('/')[1];
    const config = {
      trail,
      kubernetes: { clusters: [{ kubeconfig: join(dir, 'kubeconfig') }] },
      terraform: { states: [{ location: statePath(), cluster }] },
    };
    await writeFile(join(dir, 'statetrail.json'), JSON.stringify(config));
    await writeFile(statePath(), shopState(7, 'ghcr.io/example/web:1.4.2'));
  });
  afterAll(async () => {
    await sim.close();
  });

  const scan = () =>
    statetrail(['scan', '--config', join(dir, 'statetrail.json'), '--format', 'json'], {
      env: HMAC,
    });

  it('matches the codified objects, reports the one gone from the cluster, and leaks no secret', async () => {
    const run = await scan();
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(SECRET_CANARY);
    const report = JSON.parse(run.stdout).drift;
    expect(report.changed).toEqual([]);
    expect(report.missing).toEqual([
      {
        address: 'kubernetes_config_map_v1.gone',
        type: 'kubernetes_config_map_v1',
        id: 'shop/gone',
        state: statePath(),
      },
    ]);
    // web (typed), its Service (manifest), the Secret: managed; nothing of the shop reported twice.
    expect(report.summary.managed).toBe(3);
    const paths = [...report.unmanaged, ...report.managedElsewhere].map(
      (e: { path: string }) => e.path,
    );
    expect(paths).not.toContain(`k8s/${cluster}/shop/apps/Deployment/web.yaml`);
    // The first comparison records the states (fingerprints, no values) so that the next change
    // Terraform makes can be explained, and the notification ledger its baseline; an unchanged
    // rescan then commits nothing.
    expect(git(trail, 'show', '--name-status', '--format=', 'HEAD')).toBe(
      'A\t.statetrail/notified.json\nA\t.statetrail/terraform.json',
    );
    expect(git(trail, 'log', '-1', '--format=%s')).toBe(
      'scan: no resource changed; statetrail records updated',
    );
    const recorded = git(trail, 'show', 'HEAD:.statetrail/terraform.json');
    expect(recorded).toContain('"object": "apps/Deployment/shop/web"');
    expect(recorded).not.toContain(SECRET_CANARY);
    const head = git(trail, 'rev-parse', 'HEAD');
    await scan();
    expect(git(trail, 'rev-parse', 'HEAD')).toBe(head);
    expect(report.managedElsewhere).toContainEqual(
      expect.objectContaining({
        id: 'shop/kube-root-ca.crt',
        managedBy: 'Kubernetes (system object)',
      }),
    );
  });

  it('explains an image Terraform rolled out, with the state serial that did it', async () => {
    const web = getObject(sim.world, DEPLOYMENTS, 'shop', 'web');
    if (!web) throw new Error('the sample has no shop/web Deployment');
    const rolled = structuredClone(web) as unknown as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    const [container] = rolled.spec.template.spec.containers;
    if (container) container.image = 'ghcr.io/example/web:1.5.0';
    putObject(sim.world, DEPLOYMENTS, rolled as unknown as typeof web);
    await writeFile(statePath(), shopState(8, 'ghcr.io/example/web:1.5.0'));
    const run = await scan();
    expect(JSON.parse(run.stdout).drift.changed).toEqual([]);
    const message = git(trail, 'log', '-1', '--format=%B');
    expect(message).toContain(
      `M k8s/${cluster}/shop/apps/Deployment/web.yaml [explained: kubernetes_deployment_v1.web, serial 8]`,
    );
    expect(message).toContain(`State-Serial: ${statePath()} 8`);
  });

  it('reports an image changed by hand as drift against state, and classes the commit so', async () => {
    const web = getObject(sim.world, DEPLOYMENTS, 'shop', 'web');
    if (!web) throw new Error('the sample has no shop/web Deployment');
    const edited = structuredClone(web) as unknown as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    const [container] = edited.spec.template.spec.containers;
    if (container) container.image = 'ghcr.io/example/web:debug';
    putObject(sim.world, DEPLOYMENTS, edited as unknown as typeof web);
    const run = await scan();
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).drift.changed).toEqual([
      {
        address: 'kubernetes_deployment_v1.web',
        type: 'kubernetes_deployment_v1',
        id: 'shop/web',
        path: `k8s/${cluster}/shop/apps/Deployment/web.yaml`,
        changes: [
          {
            attribute: 'spec.template.spec.container.image.web',
            state: 'ghcr.io/example/web:1.5.0',
            cloud: 'ghcr.io/example/web:debug',
          },
        ],
      },
    ]);
    expect(git(trail, 'log', '-1', '--format=%B')).toContain(
      `M k8s/${cluster}/shop/apps/Deployment/web.yaml [drift]`,
    );
  });

  it('gives the same comparison offline from the trail checkout with drift --snapshot', async () => {
    const run = await statetrail(
      ['drift', '--snapshot', trail, '--state', statePath(), '--format', 'json'],
      { env: HMAC },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.changed.map((e: { address: string }) => e.address)).toEqual([
      'kubernetes_deployment_v1.web',
    ]);
    // No cluster is named for the state here: nothing can be proven missing.
    expect(report.missing).toEqual([]);
    expect(run.stdout).not.toContain(SECRET_CANARY);
  });

  it('takes the states and their cluster from the config file with drift --config', async () => {
    const run = await statetrail(
      ['drift', '--snapshot', trail, '--config', join(dir, 'statetrail.json'), '--format', 'json'],
      { env: HMAC },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.missing.map((e: { id: string }) => e.id)).toEqual(['shop/gone']);
    expect(report.changed.map((e: { address: string }) => e.address)).toEqual([
      'kubernetes_deployment_v1.web',
    ]);
  });
});
