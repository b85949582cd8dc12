import type { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KubeResourceType } from '../../../../../lib/sources/k8s/discover.js';
import { listAll } from '../../../../../lib/sources/k8s/list.js';
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

const configMaps: KubeResourceType = {
  group: '',
  version: 'v1',
  resource: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
};
const deployments: KubeResourceType = {
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  kind: 'Deployment',
  namespaced: true,
};

describe('Function: listAll', () => {
  it('lists a type across all namespaces with apiVersion and kind on every item', async () => {
    const outcome = await listAll(kc, deployments);
    expect(outcome.outcome).toBe('listed');
    if (outcome.outcome !== 'listed') return;
    expect(outcome.objects.length).toBeGreaterThan(0);
    for (const object of outcome.objects) {
      expect(object).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
    }
    expect(sim.calls).toEqual([
      expect.objectContaining({ path: '/apis/apps/v1/deployments', query: { limit: '500' } }),
    ]);
  });

  it('follows continue tokens page by page', async () => {
    const whole = await listAll(kc, configMaps);
    sim.resetCalls();
    const paged = await listAll(kc, configMaps, { limit: 2 });
    expect(paged).toEqual(whole);
    if (paged.outcome !== 'listed') throw new Error('not listed');
    expect(sim.calls.length).toBe(Math.ceil(paged.objects.length / 2));
    expect(sim.calls.slice(1).every((c) => c.query['continue'] !== undefined)).toBe(true);
  });

  it('restarts the listing from the start when a continue token expires', async () => {
    const whole = await listAll(kc, configMaps);
    sim.faults.expireContinue({ resource: 'configmaps', count: 1 });
    const paged = await listAll(kc, configMaps, { limit: 2 });
    expect(paged).toEqual({ ...whole, restarts: 1 });
  });

  it('fails the type after too many expired tokens', async () => {
    sim.faults.expireContinue({ resource: 'configmaps', count: 10 });
    const outcome = await listAll(kc, configMaps, { limit: 2, maxRestarts: 2 });
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'expired', status: 410 });
  });

  it('turns a denied list into a failure', async () => {
    sim.faults.forbid({ resource: 'deployments', group: 'apps' });
    const outcome = await listAll(kc, deployments);
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'forbidden', status: 403 });
  });

  it('turns an unavailable group into a failure', async () => {
    sim.faults.unavailable({ group: 'apps' });
    const outcome = await listAll(kc, deployments);
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'unavailable', status: 503 });
  });
});
