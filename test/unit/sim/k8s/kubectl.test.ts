import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCluster } from '../../../sim/k8s/sample.js';
import { type KubeSim, startKubeSim } from '../../../sim/k8s/server.js';
import { type Kubectl, kubectlFor } from './kubectl.js';

const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('the Kubernetes sim, read by the real kubectl 1.32', () => {
  let sim: KubeSim;
  let kubectl: Kubectl;

  beforeAll(async () => {
    sim = await startKubeSim(sampleCluster());
    kubectl = await kubectlFor(sim);
  });
  afterAll(async () => {
    await kubectl.dispose();
    await sim.close();
  });

  it('lists the listable resources through aggregated discovery, skipping subresources', async () => {
    sim.resetCalls();
    const names = (await kubectl('api-resources', '--verbs=list', '-o', 'name')).trim().split('\n');
    expect(names).toEqual(
      expect.arrayContaining([
        'configmaps',
        'secrets',
        'deployments.apps',
        'events',
        'events.events.k8s.io',
        'horizontalpodautoscalers.autoscaling',
        'ingresses.networking.k8s.io',
        'widgets.example.com',
        'nodes.metrics.k8s.io',
      ]),
    );
    expect(names.some((n) => n.includes('/'))).toBe(false);
    expect(names).not.toContain('tokenreviews.authentication.k8s.io');
    expect(names).not.toContain('bindings');
    const apis = sim.calls.find((c) => c.path === '/apis');
    expect(apis?.accept).toBe(AGGREGATED);
    expect(sim.calls.some((c) => c.path === '/apis/apps/v1')).toBe(false);
  });

  it('falls back to per-group discovery when the server has no aggregated discovery', async () => {
    sim.world.aggregatedDiscovery = false;
    sim.resetCalls();
    try {
      const names = (await kubectl('api-resources', '--verbs=list', '-o', 'name')).split('\n');
      expect(names).toEqual(expect.arrayContaining(['deployments.apps', 'widgets.example.com']));
      expect(sim.calls.map((c) => c.path)).toEqual(
        expect.arrayContaining(['/api/v1', '/apis/apps/v1', '/apis/example.com/v1']),
      );
    } finally {
      sim.world.aggregatedDiscovery = true;
    }
  });

  it('gets every Deployment in all namespaces as JSON', async () => {
    const list = JSON.parse(await kubectl('get', 'deployments', '-A', '-o', 'json'));
    const names = list.items.map(
      (d: { metadata: { namespace: string; name: string } }) =>
        `${d.metadata.namespace}/${d.metadata.name}`,
    );
    expect(names).toEqual(['shop/cart', 'shop/web']);
    expect(list.items[1].kind).toBe('Deployment');
    // kubectl hides managedFields unless asked; the sim serves them.
    expect(list.items[1].metadata.managedFields).toBeUndefined();
    expect(list.items[1].metadata.annotations).toHaveProperty([
      'kubectl.kubernetes.io/last-applied-configuration',
    ]);
  });

  it('pages through ConfigMaps two at a time with continue tokens', async () => {
    sim.resetCalls();
    const list = JSON.parse(
      await kubectl('get', 'configmaps', '-A', '--chunk-size=2', '-o', 'json'),
    );
    const pages = sim.calls.filter((c) => c.path === '/api/v1/configmaps');
    expect(list.items.length).toBe(10);
    expect(pages.length).toBe(5);
    expect(pages.every((c) => c.query.limit === '2')).toBe(true);
    expect(pages.slice(1).every((c) => typeof c.query.continue === 'string')).toBe(true);
  });
});
