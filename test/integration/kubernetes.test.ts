import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sampleCluster } from '../sim/k8s/sample.js';
import { SECRET_CANARY } from '../sim/k8s/sample-workloads.js';
import { type KubeSim, startKubeSim } from '../sim/k8s/server.js';
import { getObject, putObject } from '../sim/k8s/world.js';
import { commitCount, freshTrailDir, git, scopeStatuses, statetrail } from './scan-helpers.js';

const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
const HMAC = { STATETRAIL_HMAC_KEY: 'kubernetes-integration-test-key' };

describe('statetrail scan --kubeconfig against the simulated API server', () => {
  let sim: KubeSim;
  let kubeconfig: string;
  let trail: string;
  let cluster: string;

  beforeAll(async () => {
    sim = await startKubeSim(sampleCluster());
    kubeconfig = join(await mkdtemp(join(tmpdir(), 'kube-it-')), 'config');
    await writeFile(kubeconfig, sim.kubeconfig());
    trail = await freshTrailDir();
  });
  afterAll(async () => {
    await sim.close();
  });

  const scan = (...extra: string[]) =>
    statetrail(
      ['scan', '--kubeconfig', kubeconfig, '--trail', trail, '--format', 'json', ...extra],
      {
        env: HMAC,
      },
    );

  it('exports every object as a clean manifest, one file each, and no secret value', async () => {
    const run = await scan();
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.scopes).toHaveLength(1);
    expect(report.scopes[0].complete).toBe(true);
    cluster = report.scopes[0].scope.split('/')[1];
    const files = git(trail, 'ls-files', 'k8s').split('\n');
    expect(files).toContain(`k8s/${cluster}/shop/apps/Deployment/web.yaml`);
    expect(files.some((f) => f.includes('/Event/') || f.includes('/Lease/'))).toBe(false);
    const web = parse(
      await readFile(join(trail, `k8s/${cluster}/shop/apps/Deployment/web.yaml`), 'utf8'),
    );
    expect(web).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
    });
    expect(web.status).toBeUndefined();
    expect(web.metadata.managedFields).toBeUndefined();
    const everything = git(trail, 'log', '--all', '-p');
    expect(everything).not.toContain(SECRET_CANARY);
    expect(everything).not.toContain(Buffer.from(SECRET_CANARY).toString('base64'));
    expect(everything).toContain('hmac-sha256:');
  });

  it('makes no commit when the cluster did not change', async () => {
    const before = commitCount(trail);
    await scan();
    expect(commitCount(trail)).toBe(before);
  });

  it('commits a changed Deployment as exactly one changed file', async () => {
    const web = getObject(sim.world, DEPLOYMENTS, 'shop', 'web');
    if (!web) throw new Error('the sample has no shop/web Deployment');
    const changed = structuredClone(web);
    type WithContainers = { spec: { template: { spec: { containers: { image: string }[] } } } };
    const containers = (changed as unknown as WithContainers).spec.template.spec.containers;
    if (containers[0]) containers[0].image = 'ghcr.io/example/web:1.5.0';
    changed.metadata.managedFields = [
      ...(changed.metadata.managedFields ?? []),
      {
        manager: 'kubectl-edit',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: '2026-11-22T10:30:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:template': {} } },
      },
    ];
    putObject(sim.world, DEPLOYMENTS, changed);
    await scan();
    expect(git(trail, 'show', '--name-status', '--format=', 'HEAD')).toBe(
      `M\tk8s/${cluster}/shop/apps/Deployment/web.yaml`,
    );
    // A person changed it with kubectl: drift.
    expect(git(trail, 'log', '-1', '--format=%B')).toContain(
      `M k8s/${cluster}/shop/apps/Deployment/web.yaml [drift]`,
    );
  });

  it('explains a change Argo CD made, naming the controller and the time', async () => {
    const cart = getObject(sim.world, DEPLOYMENTS, 'shop', 'cart');
    if (!cart) throw new Error('the sample has no shop/cart Deployment');
    const changed = structuredClone(cart);
    changed.metadata.labels = { ...changed.metadata.labels, release: 'canary' };
    changed.metadata.managedFields = (changed.metadata.managedFields ?? []).map((entry) =>
      entry.manager === 'argocd-controller' ? { ...entry, time: '2026-11-22T10:45:00Z' } : entry,
    );
    putObject(sim.world, DEPLOYMENTS, changed);
    await scan();
    expect(git(trail, 'log', '-1', '--format=%B')).toContain(
      `M k8s/${cluster}/shop/apps/Deployment/cart.yaml [explained: Argo CD (argocd-controller at 2026-11-22T10:45:00Z)]`,
    );
  });

  it('keeps the previous files when a type cannot be listed, and says the cluster is incomplete', async () => {
    const before = git(trail, 'ls-files', `k8s/${cluster}`);
    sim.faults.forbid({ resource: 'configmaps' });
    const run = await scan();
    sim.faults.clear();
    const report = JSON.parse(run.stdout);
    expect(scopeStatuses(report)).toEqual([{ scope: `k8s/${cluster}`, complete: false }]);
    expect(report.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'denied' })]),
    );
    expect(git(trail, 'ls-files', `k8s/${cluster}`)).toBe(before);
  });

  it('skips Secrets without a key and keeps their previous files', async () => {
    const secrets = git(trail, 'ls-files', `k8s/${cluster}/*/core/Secret/*`);
    expect(secrets).not.toBe('');
    const run = await statetrail([
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--trail',
      trail,
      '--format',
      'json',
    ]);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toEqual([expect.objectContaining({ operation: 'export secrets' })]);
    expect(git(trail, 'ls-files', `k8s/${cluster}/*/core/Secret/*`)).toBe(secrets);
  });

  it('exports the clusters the config file names, through its export filter', async () => {
    const config = join(await mkdtemp(join(tmpdir(), 'kube-config-')), 'statetrail.yaml');
    await writeFile(
      config,
      [
        'kubernetes:',
        `  clusters: [{ kubeconfig: "${kubeconfig}" }]`,
        '  filter:',
        '    exclude: [{ namespace: argocd }, { kind: ConfigMap }]',
      ].join('\n'),
    );
    const filtered = await freshTrailDir();
    const run = await statetrail(['scan', '--config', config, '--trail', filtered], { env: HMAC });
    expect(run.code).toBe(0);
    const files = git(filtered, 'ls-files', 'k8s').split('\n');
    expect(files.length).toBeGreaterThan(5);
    expect(files.some((f) => f.split('/')[2] === 'argocd')).toBe(false);
    expect(files.some((f) => f.includes('/ConfigMap/'))).toBe(false);
    expect(files.some((f) => f.endsWith('/shop/apps/Deployment/web.yaml'))).toBe(true);
  });

  it('names an unknown context with exit 2', async () => {
    const run = await statetrail([
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--context',
      'nope',
      '--trail',
      trail,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--context nope: no such context');
  });
});
