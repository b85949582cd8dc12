import { describe, expect, it } from 'vitest';
import { generatedAccountId } from '../../../sim/aws/generate-world.js';
import { generateWorld } from '../../../sim/aws/world.js';

describe('generateWorld with EKS', () => {
  it('gives no EKS estate unless asked', () => {
    expect(generateWorld({ seed: 3 }).accounts[generatedAccountId(0)]?.eks).toBeUndefined();
  });

  it('gives every account and region its clusters, each with its own objects', () => {
    const world = generateWorld({
      seed: 3,
      accounts: 2,
      regions: ['eu-west-1', 'us-east-1'],
      eksClusters: 5,
    });
    for (const account of Object.values(world.accounts)) {
      for (const region of ['eu-west-1', 'us-east-1']) {
        const clusters = account.eks?.[region]?.clusters ?? [];
        expect(clusters.map((c) => c.cluster.name)).toStrictEqual([
          'eks-000',
          'eks-001',
          'eks-002',
          'eks-003',
          'eks-004',
        ]);
        for (const c of clusters) {
          expect(c.nodegroups.length).toBeGreaterThanOrEqual(1);
          expect(c.nodegroups.length).toBeLessThanOrEqual(4);
          expect(c.addons.length).toBeGreaterThanOrEqual(2);
          expect(c.accessEntries.length).toBeGreaterThanOrEqual(1);
          expect(c.cluster.arn).toMatch(/^arn:aws:eks:[a-z0-9-]+:\d{12}:cluster\/eks-\d{3}$/);
          for (const a of c.podIdentityAssociations)
            expect(a.associationId).toMatch(/^a-[a-z0-9]{17}$/);
        }
      }
    }
  });

  it('is the same for the same seed, and leaves the EC2 world as it was', () => {
    const withEks = generateWorld({ seed: 9, eksClusters: 4 });
    expect(generateWorld({ seed: 9, eksClusters: 4 })).toStrictEqual(withEks);
    const withoutEks = generateWorld({ seed: 9 });
    const id = generatedAccountId(0);
    expect(withEks.accounts[id]?.ec2).toStrictEqual(withoutEks.accounts[id]?.ec2);
  });
});
