import type { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AGGREGATED_ACCEPT,
  type Discovery,
  discoverResources,
} from '../../../../../lib/sources/k8s/discover.js';
import { kubeHttp } from '../../../../../lib/sources/k8s/http.js';
import type { KubeSim } from '../../../../sim/k8s/server.js';
import { sampleSim } from './sample-sim.js';

let sim: KubeSim;
let kc: KubeConfig;
beforeAll(async () => {
  ({ sim, kc } = await sampleSim());
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.resetCalls();
});

const names = (d: Discovery) =>
  d.resources.map((t) => `${t.group === '' ? 'core' : t.group}/${t.version}/${t.resource}`);

describe.each([true, false])('Function: discoverResources (aggregated %s)', (aggregated) => {
  beforeEach(() => {
    sim.world.aggregatedDiscovery = aggregated;
  });

  it('finds every listable type in its preferred version', async () => {
    const found = await discoverResources(kc);
    expect(found.mode).toBe(aggregated ? 'aggregated' : 'legacy');
    const listed = names(found);
    expect(listed).toEqual(
      expect.arrayContaining([
        'core/v1/configmaps',
        'core/v1/secrets',
        'apps/v1/deployments',
        'autoscaling/v2/horizontalpodautoscalers',
        'example.com/v1/widgets',
      ]),
    );
    expect(listed).not.toContain('autoscaling/v1/horizontalpodautoscalers');
    expect(found.failures).toEqual([]);
    expect(found.resources.find((t) => t.resource === 'namespaces')?.namespaced).toBe(false);
    expect(found.resources.find((t) => t.resource === 'widgets')).toMatchObject({
      kind: 'Widget',
      namespaced: true,
    });
  });

  it('leaves out subresources and types that cannot be listed', async () => {
    const listed = names(await discoverResources(kc));
    expect(listed.some((n) => n.includes('/status') || n.includes('pods/log'))).toBe(false);
    expect(listed.filter((n) => n.split('/').length !== 3)).toEqual([]);
    expect(listed).not.toContain('core/v1/bindings');
    expect(listed.some((n) => n.endsWith('/tokenreviews'))).toBe(false);
  });

  it('exports a kind served by two groups once, from the newer group', async () => {
    const events = (await discoverResources(kc)).resources.filter((t) => t.kind === 'Event');
    expect(events.map((t) => t.group)).toEqual(['events.k8s.io']);
  });

  it('reports an unavailable group instead of throwing', async () => {
    sim.faults.unavailable({ group: 'metrics.k8s.io' });
    const found = await discoverResources(kubeHttp(kc, { retry: { backoffMs: () => 0 } }));
    expect(found.failures).toEqual([
      expect.objectContaining({
        group: 'metrics.k8s.io',
        reason: aggregated ? 'stale' : 'unavailable',
      }),
    ]);
    expect(names(found).some((n) => n.startsWith('metrics.k8s.io/'))).toBe(false);
    expect(names(found)).toContain('apps/v1/deployments');
  });
});

describe('Function: discoverResources (requests)', () => {
  it('asks for aggregated discovery with the Accept header kubectl sends', async () => {
    sim.world.aggregatedDiscovery = true;
    await discoverResources(kc);
    expect(sim.calls.map((c) => c.path).sort()).toEqual(['/api', '/apis']);
    expect(sim.calls.every((c) => c.accept === AGGREGATED_ACCEPT)).toBe(true);
  });
});
