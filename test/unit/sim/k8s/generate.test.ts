import { describe, expect, it } from 'vitest';
import { generateCluster } from '../../../sim/k8s/generate.js';
import { sampleCluster } from '../../../sim/k8s/sample.js';
import { countObjects, getObject, sortedObjects } from '../../../sim/k8s/world.js';

describe('the Kubernetes world generators', () => {
  it('generates exactly the asked number of objects, the same for the same seed', () => {
    const a = generateCluster({ seed: 42, objects: 500 });
    const b = generateCluster({ seed: 42, objects: 500 });
    expect(countObjects(a)).toBe(500);
    const cms = { group: '', version: 'v1', resource: 'configmaps' };
    expect(JSON.stringify(sortedObjects(a, cms).objects)).toBe(
      JSON.stringify(sortedObjects(b, cms).objects),
    );
  });

  // How fast is the benchmark's business (npm run bench), not a timed test's.
  it('builds 20k objects', () => {
    const world = generateCluster({ seed: 1, objects: 20_000 });
    expect(countObjects(world)).toBe(20_000);
  });

  it('gives sample objects realistic metadata and owners', () => {
    const world = sampleCluster();
    const rs = getObject(
      world,
      { group: 'apps', version: 'v1', resource: 'replicasets' },
      'shop',
      'web-7d9f8b6c5d',
    );
    expect(rs?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    });
    const deploy = getObject(
      world,
      { group: 'apps', version: 'v1', resource: 'deployments' },
      'shop',
      'web',
    );
    expect(deploy?.metadata.managedFields?.map((m) => m.manager)).toEqual([
      'kubectl-client-side-apply',
      'kube-controller-manager',
      'kube-controller-manager',
    ]);
    expect(rs?.metadata.ownerReferences?.[0]?.uid).toBe(deploy?.metadata.uid);
    expect(deploy?.metadata.resourceVersion).toMatch(/^\d+$/);
  });
});
