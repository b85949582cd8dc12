import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleCluster } from '../../../sim/k8s/sample.js';
import { type KubeSim, startKubeSim } from '../../../sim/k8s/server.js';
import { EXPIRED_CONTINUE_MESSAGE } from '../../../sim/k8s/status.js';
import { SIM_USER } from '../../../sim/k8s/world.js';
import { simGet } from './sim-http.js';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

describe('the Kubernetes sim protocol', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim(sampleCluster());
  });
  afterEach(() => sim.faults.clear());
  afterAll(() => sim.close());

  it('answers a missing or unknown token with a 401 Status', async () => {
    for (const token of [null, 'wrong']) {
      const reply = await simGet(sim, '/api/v1/configmaps', {}, token);
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    }
  });

  it('publishes legacy discovery with preferred versions and subresources', async () => {
    const groups = (await simGet(sim, '/apis')).body as {
      groups: Array<{ name: string; preferredVersion: { version: string } }>;
    };
    expect(groups.groups.find((g) => g.name === 'autoscaling')?.preferredVersion.version).toBe(
      'v2',
    );
    const apps = (await simGet(sim, '/apis/apps/v1')).body as {
      resources: Array<{ name: string }>;
    };
    expect(apps.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['deployments', 'deployments/status', 'deployments/scale']),
    );
    const core = (await simGet(sim, '/api/v1')).body as { resources: Array<{ name: string }> };
    expect(core.resources.map((r) => r.name)).toContain('pods/log');
  });

  it('answers aggregated discovery with its exact content type, or plain JSON when switched off', async () => {
    const accept = `${V2},application/json`;
    const reply = await simGet(sim, '/apis', { accept });
    expect(reply.contentType).toBe(V2);
    expect(reply.body).toMatchObject({
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
    });
    sim.world.aggregatedDiscovery = false;
    try {
      const plain = await simGet(sim, '/apis', { accept });
      expect(plain.contentType).toBe('application/json');
      expect(plain.body).toMatchObject({ kind: 'APIGroupList' });
    } finally {
      sim.world.aggregatedDiscovery = true;
    }
  });

  it('lists without apiVersion and kind on built-in items, with them on custom resources', async () => {
    const deploys = (await simGet(sim, '/apis/apps/v1/deployments')).body as {
      kind: string;
      items: object[];
    };
    expect(deploys.kind).toBe('DeploymentList');
    expect(deploys.items[0]).not.toHaveProperty('kind');
    const widgets = (await simGet(sim, '/apis/example.com/v1/namespaces/shop/widgets')).body as {
      items: object[];
    };
    expect(widgets.items).toHaveLength(2);
    expect(widgets.items[0]).toMatchObject({ apiVersion: 'example.com/v1', kind: 'Widget' });
  });

  it('gets single objects, colon names included, and 404s a missing one', async () => {
    const role = await simGet(
      sim,
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:controller:foo',
    );
    expect(role.body).toMatchObject({
      kind: 'ClusterRole',
      metadata: { name: 'system:controller:foo' },
    });
    const missing = await simGet(sim, '/api/v1/namespaces/shop/configmaps/nope');
    expect(missing.body).toMatchObject({
      reason: 'NotFound',
      message: 'configmaps "nope" not found',
    });
  });

  it('expires a continue token with the real 410 Status', async () => {
    const first = (await simGet(sim, '/api/v1/configmaps?limit=2')).body as {
      metadata: { continue: string };
    };
    sim.faults.expireContinue({ resource: 'configmaps', count: 1 });
    const reply = await simGet(
      sim,
      `/api/v1/configmaps?limit=2&continue=${first.metadata.continue}`,
    );
    expect(reply.status).toBe(410);
    expect(reply.body).toMatchObject({
      reason: 'Expired',
      message: EXPIRED_CONTINUE_MESSAGE,
      code: 410,
    });
    const again = await simGet(
      sim,
      `/api/v1/configmaps?limit=2&continue=${first.metadata.continue}`,
    );
    expect(again.status).toBe(200);
  });

  it('forbids a resource with the RBAC message', async () => {
    sim.faults.forbid({ resource: 'deployments', group: 'apps' });
    const reply = await simGet(sim, '/apis/apps/v1/deployments');
    expect(reply.body).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: `deployments.apps is forbidden: User "${SIM_USER}" cannot list resource "deployments" in API group "apps" at the cluster scope`,
      details: { group: 'apps', kind: 'deployments' },
    });
  });

  it('makes a whole group unavailable: 503 on discovery and lists, Stale when aggregated', async () => {
    sim.faults.unavailable({ group: 'metrics.k8s.io' });
    expect((await simGet(sim, '/apis/metrics.k8s.io/v1beta1')).status).toBe(503);
    const list = await simGet(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    expect(list.body).toMatchObject({
      code: 503,
      message: 'the server is currently unable to handle the request',
    });
    const aggregated = (await simGet(sim, '/apis', { accept: V2 })).body as {
      items: Array<{ metadata: { name: string }; versions: Array<{ freshness: string }> }>;
    };
    const metrics = aggregated.items.find((i) => i.metadata.name === 'metrics.k8s.io');
    expect(metrics?.versions[0]?.freshness).toBe('Stale');
  });
});
