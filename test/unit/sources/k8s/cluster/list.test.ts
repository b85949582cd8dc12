import type { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KubeResourceType } from '../../../../../lib/sources/k8s/discover.js';
import { kubeHttp } from '../../../../../lib/sources/k8s/http.js';
import { listAll } from '../../../../../lib/sources/k8s/list.js';
import type { KubeSim } from '../../../../sim/k8s/server.js';
import { sampleSim } from './sample-sim.js';

const NO_WAIT = { backoffMs: () => 0 };
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
    const outcome = await listAll(kubeHttp(kc, { retry: NO_WAIT }), deployments);
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'unavailable', status: 503 });
  });

  it('lists an empty collection (items: []) as listed with no objects', async () => {
    const outcome = await listAll(kc, {
      group: 'apps',
      version: 'v1',
      resource: 'controllerrevisions',
      kind: 'ControllerRevision',
      namespaced: true,
    });
    expect(outcome).toMatchObject({ outcome: 'listed', objects: [] });
  });

  it.each([
    ['items-null', 'null items'],
    ['items-missing', 'no items'],
    ['items-not-list', 'non-list items'],
    ['status', 'a Status'],
    ['html', 'not a JSON object'],
  ] as const)('fails the type, never lists it empty, when a 200 has %s', async (fault, text) => {
    sim.faults.breakAnswer({ path: '/api/v1/configmaps', fault });
    const outcome = await listAll(kc, configMaps);
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'malformed', status: 200 });
    if (outcome.outcome === 'failed') expect(outcome.message).toContain(text);
  });

  it('fails the type when the server repeats a continue token', async () => {
    sim.faults.breakAnswer({ path: '/api/v1/configmaps', fault: 'repeat-continue' });
    const outcome = await listAll(kc, configMaps, { limit: 2 });
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'malformed' });
    expect(sim.calls.filter((c) => c.path === '/api/v1/configmaps')).toHaveLength(2);
  });

  it('fails the type past the page bound', async () => {
    const outcome = await listAll(kc, configMaps, { limit: 1, maxPages: 2 });
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'malformed' });
    if (outcome.outcome === 'failed') expect(outcome.message).toContain('more than 2 pages');
  });

  it('fails the type, within the request timeout, when the server never answers', async () => {
    sim.faults.breakAnswer({ path: '/api/v1/configmaps', fault: 'hang' });
    const outcome = await listAll(kubeHttp(kc, { timeoutMs: 100 }), configMaps);
    expect(outcome).toMatchObject({ outcome: 'failed', reason: 'unavailable', status: 0 });
    if (outcome.outcome === 'failed') expect(outcome.message).toContain('timed out after 100 ms');
  });

  it('retries a throttled or failing call, honouring Retry-After, and lists the type', async () => {
    const waits: (number | undefined)[] = [];
    const http = kubeHttp(kc, {
      retry: {
        backoffMs: (_attempt, retryAfter) => {
          waits.push(retryAfter);
          return 0;
        },
      },
    });
    sim.faults.breakAnswer({ path: '/api/v1/configmaps', fault: 'throttle', times: 2 });
    expect(await listAll(http, configMaps)).toMatchObject({ outcome: 'listed' });
    sim.faults.breakAnswer({ path: '/api/v1/configmaps', fault: 'server-error', times: 1 });
    expect(await listAll(http, configMaps)).toMatchObject({ outcome: 'listed' });
    // The sim's 429 says Retry-After: 1; its 500 says nothing.
    expect(waits).toEqual([1, 1, undefined]);
    expect(http.calls()).toBe(5);
  });

  it('throttled answers that go on fail the type as throttled, after 4 attempts', async () => {
    sim.faults.breakAnswer({ path: '/api/v1/configmaps', fault: 'throttle' });
    const http = kubeHttp(kc, { retry: NO_WAIT });
    expect(await listAll(http, configMaps)).toMatchObject({ reason: 'throttled', status: 429 });
    expect(http.calls()).toBe(4);
  });
});
