import { ApiException, AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleCluster } from '../../../sim/k8s/sample.js';
import { type KubeSim, startKubeSim } from '../../../sim/k8s/server.js';

describe('the Kubernetes sim, read by @kubernetes/client-node 1.4', () => {
  let sim: KubeSim;
  let core: CoreV1Api;

  beforeAll(async () => {
    sim = await startKubeSim(sampleCluster());
    const config = new KubeConfig();
    config.loadFromString(sim.kubeconfig());
    core = config.makeApiClient(CoreV1Api);
  });
  afterEach(() => sim.faults.clear());
  afterAll(() => sim.close());

  it('pages through every ConfigMap with limit and continue', async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listConfigMapForAllNamespaces({
        limit: 3,
        ...(token ? { _continue: token } : {}),
      });
      pages++;
      names.push(...page.items.map((c) => `${c.metadata?.namespace}/${c.metadata?.name}`));
      token = page.metadata?._continue;
    } while (token);
    expect(pages).toBe(4);
    expect(names).toHaveLength(10);
    expect(new Set(names).size).toBe(10);
    expect(names).toContain('shop/menü-café-☕');
  });

  it('surfaces an expired continue token as an ApiException with code 410', async () => {
    const first = await core.listConfigMapForAllNamespaces({ limit: 2 });
    sim.faults.expireContinue({ resource: 'configmaps', count: 1 });
    const error = await core
      .listConfigMapForAllNamespaces({ limit: 2, _continue: first.metadata?._continue as string })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException<string>).code).toBe(410);
    expect(JSON.parse((error as ApiException<string>).body)).toMatchObject({
      reason: 'Expired',
      code: 410,
    });
  });

  it('answers 403 for a forbidden resource and serves the others', async () => {
    sim.faults.forbid({ resource: 'secrets' });
    const error = await core.listSecretForAllNamespaces().catch((e: unknown) => e);
    expect((error as ApiException<string>).code).toBe(403);
    await expect(core.listNamespace()).resolves.toMatchObject({ kind: 'NamespaceList' });
  });

  it('reads one Deployment with its apiVersion and kind', async () => {
    const config = new KubeConfig();
    config.loadFromString(sim.kubeconfig());
    const deploy = await config
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: 'web', namespace: 'shop' });
    expect(deploy.kind).toBe('Deployment');
    expect(deploy.spec?.replicas).toBe(3);
    expect(deploy.metadata?.ownerReferences).toBeUndefined();
  });
});
