import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { builtinTypes } from '../sim/k8s/catalog.js';
import { BROKEN_ANSWERS, type BrokenAnswer } from '../sim/k8s/faults.js';
import { worldKit } from '../sim/k8s/kit.js';
import { type KubeSim, startKubeSim } from '../sim/k8s/server.js';
import { createWorld, type KubeWorld } from '../sim/k8s/world.js';
import { freshTrailDir, git, scopeStatuses, statetrail } from './scan-helpers.js';

const HMAC = { STATETRAIL_HMAC_KEY: 'kubernetes-faults-test-key' };

/**
 * A cluster small enough to scan dozens of times: the core and apps groups, a namespace, a
 * ConfigMap, a Deployment.
 */
function smallWorld(): KubeWorld {
  const types = builtinTypes().filter((t) => t.group === '' || t.group === 'apps');
  const world = createWorld({ types });
  const kit = worldKit(world, 11);
  kit.add({ apiVersion: 'v1', kind: 'Namespace', name: 'shop' });
  kit.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: 'settings',
    namespace: 'shop',
    body: { data: { mode: 'fast' } },
  });
  kit.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'web',
    namespace: 'shop',
    body: {
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'ghcr.io/example/web:1.4.2' }] },
        },
      },
    },
  });
  return world;
}

// Where an answer breaks: one list call, and both discovery calls in both discovery modes.
const CALLS = [
  { call: 'the ConfigMap list', path: '/api/v1/configmaps', aggregated: true },
  { call: 'aggregated discovery of /api', path: '/api', aggregated: true },
  { call: 'aggregated discovery of /apis', path: '/apis', aggregated: true },
  { call: 'legacy discovery of /api', path: '/api', aggregated: false },
  { call: 'legacy discovery of /apis', path: '/apis', aggregated: false },
  { call: 'legacy discovery of /apis/apps/v1', path: '/apis/apps/v1', aggregated: false },
] as const;

const EXPECTED_CODE: Record<BrokenAnswer, string> = {
  html: 'malformed',
  empty: 'malformed',
  status: 'malformed',
  'items-null': 'malformed',
  'items-not-list': 'malformed',
  'items-missing': 'malformed',
  truncated: 'malformed',
  'repeat-continue': 'malformed',
  reset: 'unreachable',
  hang: 'unreachable',
  'server-error': 'unreachable',
  throttle: 'throttled',
  denied: 'denied',
};

const ROWS = CALLS.flatMap((call) =>
  BROKEN_ANSWERS.filter((fault) => fault !== 'repeat-continue' || call.path.endsWith('maps')).map(
    (fault) => ({ ...call, fault }),
  ),
);

describe('statetrail scan against a Kubernetes API server that answers badly', () => {
  let broken: KubeSim;
  let healthy: KubeSim;
  let dir: string;
  let trail: string;
  let config: string;
  let baseline: string;

  beforeAll(async () => {
    broken = await startKubeSim(smallWorld());
    healthy = await startKubeSim(smallWorld());
    dir = await mkdtemp(join(tmpdir(), 'kube-faults-'));
    // Both kubeconfigs name their cluster `sim`, as two kubeadm clusters both say `kubernetes`.
    await writeFile(join(dir, 'broken.yaml'), broken.kubeconfig());
    await writeFile(join(dir, 'healthy.yaml'), healthy.kubeconfig());
    config = join(dir, 'statetrail.yaml');
    await writeFile(
      config,
      stringify({
        kubernetes: {
          clusters: [
            { kubeconfig: join(dir, 'broken.yaml'), name: 'broken', requestTimeoutSeconds: 1.5 },
            { kubeconfig: join(dir, 'healthy.yaml'), name: 'healthy' },
          ],
        },
      }),
    );
    trail = await freshTrailDir();
    const first = await scan();
    expect(first.code).toBe(0);
    baseline = git(trail, 'ls-files', 'k8s');
  });
  afterAll(async () => {
    await broken.close();
    await healthy.close();
  });

  const scan = () =>
    statetrail(['scan', '--config', config, '--trail', trail, '--format', 'json'], { env: HMAC });

  it('exports both clusters of one name under the names the config gives them', () => {
    expect(baseline).toContain('k8s/broken/shop/core/ConfigMap/settings.yaml');
    expect(baseline).toContain('k8s/healthy/shop/apps/Deployment/web.yaml');
  });

  it.each(ROWS)(
    'keeps every file when $call answers $fault',
    async ({ path, fault, aggregated }) => {
      broken.faults.clear();
      broken.world.aggregatedDiscovery = aggregated;
      broken.faults.breakAnswer({ path, fault });
      const run = await scan();
      broken.faults.clear();
      broken.world.aggregatedDiscovery = true;
      expect([0, 1]).toContain(run.code);
      const report = JSON.parse(run.stdout);
      expect(scopeStatuses(report)).toEqual([
        { scope: 'k8s/broken', complete: false },
        { scope: 'k8s/healthy', complete: true },
      ]);
      const warnings = report.warnings.filter((w: { scope?: string }) => w.scope === 'k8s/broken');
      expect(warnings).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: EXPECTED_CODE[fault] })]),
      );
      for (const warning of warnings) expect(warning.message).toContain('k8s/broken');
      expect(git(trail, 'ls-files', 'k8s')).toBe(baseline);
    },
  );

  it('still exports the cluster in full once the server answers well again', async () => {
    const run = await scan();
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scopes.every((s: { complete: boolean }) => s.complete)).toBe(
      true,
    );
  });

  it('refuses, with exit 2, two clusters that would share one trail directory', async () => {
    const clash = join(dir, 'clash.yaml');
    await writeFile(
      clash,
      stringify({
        kubernetes: {
          clusters: [
            { kubeconfig: join(dir, 'broken.yaml') },
            { kubeconfig: join(dir, 'healthy.yaml') },
          ],
        },
      }),
    );
    const head = git(trail, 'rev-parse', 'HEAD');
    const run = await statetrail(['scan', '--config', clash, '--trail', trail], { env: HMAC });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('would share the trail directory k8s/sim/');
    expect(run.stderr).toContain(join(dir, 'broken.yaml'));
    expect(git(trail, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('never lets another cluster of the same name take over a directory in a later run', async () => {
    // A second kubeconfig whose cluster is also called `sim`, scanned alone, under no name.
    const alone = await freshTrailDir();
    const first = await statetrail(
      ['scan', '--kubeconfig', join(dir, 'healthy.yaml'), '--trail', alone],
      { env: HMAC },
    );
    expect(first.code).toBe(0);
    const files = git(alone, 'ls-files', 'k8s/sim');
    expect(files).toContain('k8s/sim/shop/core/ConfigMap/settings.yaml');
    const other = await statetrail(
      ['scan', '--kubeconfig', join(dir, 'broken.yaml'), '--trail', alone, '--format', 'json'],
      { env: HMAC },
    );
    // Nothing of the scan could be recorded: exit 2, and the trail is as it was.
    expect(other.code).toBe(2);
    const report = JSON.parse(other.stdout);
    expect(scopeStatuses(report)).toEqual([{ scope: 'k8s/sim', complete: false }]);
    expect(report.warnings.map((w: { message: string }) => w.message).join('\n')).toContain(
      "k8s/sim holds another cluster's files",
    );
    expect(git(alone, 'ls-files', 'k8s/sim')).toBe(files);
  });

  it('warns, naming kubeconfig and context, when the exec credential plugin fails, and commits the rest', async () => {
    const kc = parse(broken.kubeconfig());
    kc.users = [
      {
        name: 'sim',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: join(dir, 'no-such-sso-helper'),
            interactiveMode: 'Never',
          },
        },
      },
    ];
    await writeFile(join(dir, 'exec.yaml'), stringify(kc));
    const execConfig = join(dir, 'exec-config.yaml');
    await writeFile(
      execConfig,
      stringify({
        kubernetes: {
          clusters: [
            { kubeconfig: join(dir, 'exec.yaml'), name: 'broken' },
            { kubeconfig: join(dir, 'healthy.yaml'), name: 'healthy' },
          ],
        },
      }),
    );
    const run = await statetrail(
      ['scan', '--config', execConfig, '--trail', trail, '--format', 'json'],
      { env: HMAC },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(scopeStatuses(report)).toEqual([
      { scope: 'k8s/broken', complete: false },
      { scope: 'k8s/healthy', complete: true },
    ]);
    const warning = report.warnings.find((w: { scope?: string }) => w.scope === 'k8s/broken');
    expect(warning.message).toContain(`kubeconfig ${join(dir, 'exec.yaml')}, context sim`);
    expect(git(trail, 'ls-files', 'k8s')).toBe(baseline);
  });
});
