import type { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExportFilter } from '../../../../../lib/model/kube-filter.js';
import { collectCluster } from '../../../../../lib/sources/k8s/collect-cluster.js';
import { renderKubeRecord } from '../../../../../lib/sources/k8s/render.js';
import { SECRET_CANARY } from '../../../../sim/k8s/sample-workloads.js';
import type { KubeSim } from '../../../../sim/k8s/server.js';
import { putObject } from '../../../../sim/k8s/world.js';
import { sampleSim } from './sample-sim.js';

let sim: KubeSim;
const NO_WAIT = { backoffMs: () => 0 };
let kc: KubeConfig;
beforeAll(async () => {
  ({ sim, kc } = await sampleSim());
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.resetCalls();
  sim.world.aggregatedDiscovery = true;
});

const hmacKey = new TextEncoder().encode('collect-cluster-test-key-0123456789');
const filter = ExportFilter.parse({});
const decoder = new TextDecoder();

function rendered(records: Parameters<typeof renderKubeRecord>[0][]) {
  return records.map((record) => {
    const file = renderKubeRecord(record);
    return { path: file.path, text: decoder.decode(file.bytes) };
  });
}

describe('Function: collectCluster', () => {
  it('exports the cluster as one complete scope with cleaned, fingerprinted files', async () => {
    const result = await collectCluster({ kc, cluster: 'sim', filter, hmacKey });
    expect(result.scopes).toEqual([{ scope: 'k8s/sim', complete: true }]);
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.calls['kubernetes']).toBe(sim.calls.length);
    const files = rendered([...result.records]);
    const paths = files.map((f) => f.path);
    expect(paths).toContain('k8s/sim/shop/apps/Deployment/web.yaml');
    expect(paths).toContain('k8s/sim/shop/core/Secret/web-secrets.yaml');
    expect(paths).toContain('k8s/sim/shop/example.com/Widget/alpha.yaml');
    expect(paths).toEqual([...paths].sort());
    for (const { text } of files) {
      expect(text).not.toContain(SECRET_CANARY);
      expect(text).not.toContain(Buffer.from(SECRET_CANARY).toString('base64'));
      expect(text).not.toContain('managedFields');
      expect(text).not.toMatch(/^status:/m);
    }
  });

  it('leaves the noise out', async () => {
    const result = await collectCluster({ kc, cluster: 'sim', filter, hmacKey });
    const kinds = new Set(result.records.map((r) => `${r.group}/${r.kind}`));
    for (const noise of [
      '/Event',
      'events.k8s.io/Event',
      'coordination.k8s.io/Lease',
      'discovery.k8s.io/EndpointSlice',
      '/Node',
      'metrics.k8s.io/PodMetrics',
    ])
      expect(kinds).not.toContain(noise);
    const owned = result.records.filter(
      (r) => (r.kind === 'Pod' || r.kind === 'ReplicaSet') && r.facts.controller !== undefined,
    );
    expect(owned).toEqual([]);
    const secrets = result.records.filter((r) => r.kind === 'Secret').map((r) => r.name);
    expect(secrets).not.toContain('sh.helm.release.v1.web.v1');
    expect(secrets).not.toContain('web-token');
    // Noise types are not even listed.
    expect(sim.calls.some((c) => c.path.endsWith('/leases') || c.path.endsWith('/events'))).toBe(
      false,
    );
  });

  it('drops the replicas of a workload an HPA scales', async () => {
    const result = await collectCluster({ kc, cluster: 'sim', filter, hmacKey });
    const web = result.records.find((r) => r.kind === 'Deployment' && r.name === 'web');
    expect(web?.manifest['spec']).not.toHaveProperty('replicas');
  });

  it('skips Secrets with one warning when no HMAC key is configured, keeping the scope incomplete', async () => {
    const result = await collectCluster({ kc, cluster: 'sim', filter });
    expect(result.records.filter((r) => r.kind === 'Secret')).toEqual([]);
    // Unknown, not gone: files an earlier run wrote with a key must not be removed.
    expect(result.scopes).toEqual([{ scope: 'k8s/sim', complete: false }]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'failed', operation: 'export secrets' }),
    ]);
    expect(rendered([...result.records]).some((f) => f.text.includes(SECRET_CANARY))).toBe(false);
  });

  it('keeps the cluster scope incomplete when a type is denied, and lists the rest', async () => {
    sim.faults.forbid({ resource: 'secrets' });
    const result = await collectCluster({ kc, cluster: 'sim', filter, hmacKey });
    expect(result.scopes).toEqual([{ scope: 'k8s/sim', complete: false }]);
    expect(result.failures).toEqual([
      expect.objectContaining({ group: '', resource: 'secrets', reason: 'forbidden' }),
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'denied', operation: 'list secrets' }),
    ]);
    expect(result.records.some((r) => r.kind === 'Secret')).toBe(false);
    expect(result.records.some((r) => r.kind === 'Deployment')).toBe(true);
  });

  it.each([true, false])(
    'keeps the cluster scope incomplete when a group is unavailable (aggregated %s)',
    async (aggregated) => {
      sim.world.aggregatedDiscovery = aggregated;
      sim.faults.unavailable({ group: 'example.com' });
      const result = await collectCluster({ kc, cluster: 'sim', filter, hmacKey, retry: NO_WAIT });
      expect(result.scopes).toEqual([{ scope: 'k8s/sim', complete: false }]);
      expect(result.failures).toEqual([
        expect.objectContaining({
          group: 'example.com',
          reason: aggregated ? 'stale' : 'unavailable',
        }),
      ]);
      expect(result.warnings).toEqual([expect.objectContaining({ code: 'unreachable' })]);
      expect(result.records.some((r) => r.kind === 'ConfigMap')).toBe(true);
    },
  );

  it('stays complete when only an excluded group (metrics) is unavailable', async () => {
    sim.faults.unavailable({ group: 'metrics.k8s.io' });
    const result = await collectCluster({ kc, cluster: 'sim', filter, hmacKey, retry: NO_WAIT });
    expect(result.scopes).toEqual([{ scope: 'k8s/sim', complete: true }]);
  });

  it('restarts an expired listing and still completes', async () => {
    sim.faults.expireContinue({ resource: 'configmaps', count: 1 });
    const whole = await collectCluster({ kc, cluster: 'sim', filter, hmacKey });
    const paged = await collectCluster({ kc, cluster: 'sim', filter, hmacKey, limit: 2 });
    expect(paged.scopes).toEqual([{ scope: 'k8s/sim', complete: true }]);
    expect(paged.records).toEqual(whole.records);
  });

  it('reports an unreachable cluster as an incomplete scope', async () => {
    const other = await sampleSim();
    await other.sim.close();
    const result = await collectCluster({ kc: other.kc, cluster: 'gone', filter, hmacKey });
    expect(result.scopes).toEqual([{ scope: 'k8s/gone', complete: false }]);
    expect(result.records).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unreachable' })]);
  });
});

describe('Function: collectCluster (odd names)', () => {
  it('writes reserved and 253-character names, and turns an unwritable one into a warning', async () => {
    const { sim: odd, kc: oddKc } = await sampleSim();
    try {
      const gvr = { group: '', version: 'v1', resource: 'configmaps' };
      const configMap = (namespace: string, name: string) => ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace },
        data: { a: 'b' },
      });
      putObject(odd.world, gvr, configMap('_cluster', 'settings'));
      putObject(odd.world, gvr, configMap('shop', 'x'.repeat(253)));
      putObject(odd.world, gvr, configMap('shop', 'bad\ud800'));
      const result = await collectCluster({ kc: oddKc, cluster: 'sim', filter, hmacKey });
      const paths = rendered([...result.records]).map((f) => f.path);
      expect(paths).toContain('k8s/sim/%5Fcluster/core/ConfigMap/settings.yaml');
      expect(
        paths.some((p) => p.startsWith(`k8s/sim/shop/core/ConfigMap/${'x'.repeat(233)}~`)),
      ).toBe(true);
      expect(result.records.some((r) => r.name === 'bad\ud800')).toBe(false);
      expect(result.warnings).toEqual([
        expect.objectContaining({
          code: 'failed',
          operation: 'write trail file',
          message: expect.stringContaining(
            '"ConfigMap" "bad\\ud800" in namespace "shop" not written',
          ),
        }),
      ]);
      // Unknown, not gone: nothing of the scope may be removed.
      expect(result.scopes).toEqual([{ scope: 'k8s/sim', complete: false }]);
    } finally {
      await odd.close();
    }
  });
});
