import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessEntryShape } from '../../../../sim/aws/eks-access-shapes.js';
import { eksCluster, eksRegion, type SimEksCluster } from '../../../../sim/aws/eks-world.js';
import { generatedAccessKeyId, generatedAccountId } from '../../../../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../../../../sim/aws/server.js';
import { generateWorld } from '../../../../sim/aws/world.js';
import { EKS_TYPES, eksHarness } from './eks-context.js';

const ACCOUNT = generatedAccountId(0);
const REGION = 'eu-west-1';
const pages = (items: number) => Math.max(1, Math.ceil(items / 100));

// What each type lists per cluster, and what it reads per item beyond Describe.
const CHILDREN: Record<string, [list: string, count: (c: SimEksCluster) => number]> = {
  'AWS::EKS::Nodegroup': ['ListNodegroups', (c) => c.nodegroups.length],
  'AWS::EKS::Addon': ['ListAddons', (c) => c.addons.length],
  'AWS::EKS::FargateProfile': ['ListFargateProfiles', (c) => c.fargateProfiles.length],
  'AWS::EKS::AccessEntry': ['ListAccessEntries', (c) => c.accessEntries.length],
  'AWS::EKS::PodIdentityAssociation': [
    'ListPodIdentityAssociations',
    (c) => c.podIdentityAssociations.length,
  ],
  'AWS::EKS::IdentityProviderConfig': [
    'ListIdentityProviderConfigs',
    (c) => c.identityProviderConfigs.length,
  ],
};

describe('EKS collectors paging a generated estate', () => {
  let sim: AwsSim;
  let clusters: SimEksCluster[];

  beforeAll(async () => {
    // 101 clusters: ListClusters takes two pages of at most 100.
    sim = await startAwsSim(generateWorld({ seed: 5, eksClusters: 101 }));
    clusters = eksRegion(sim.world, ACCOUNT, REGION).clusters;
    // One cluster with 230 access entries: three pages of ListAccessEntries.
    const big = eksCluster(sim.world, ACCOUNT, REGION, 'eks-042');
    big.accessEntries = Array.from({ length: 230 }, (_, i) => ({
      entry: accessEntryShape({
        accountId: ACCOUNT,
        region: REGION,
        clusterName: 'eks-042',
        principalArn: `arn:aws:iam::${ACCOUNT}:role/team-${String(i).padStart(3, '0')}`,
        uuid: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        kubernetesGroups: [],
        createdAt: new Date('2026-01-01T00:00:00Z'),
        modifiedAt: new Date('2026-01-02T00:00:00Z'),
        tags: {},
      }),
      policies: [],
    }));
  });
  afterEach(() => sim.resetCalls());
  afterAll(async () => {
    await sim.close();
  });

  function harness() {
    return eksHarness(sim, { accessKeyId: generatedAccessKeyId(0), accountId: ACCOUNT });
  }

  function callsByAction(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of sim.calls) counts[call.action] = (counts[call.action] ?? 0) + 1;
    return counts;
  }

  it('lists clusters in pages of 100 and describes each once', async () => {
    const h = harness();
    const output = await h.collect('AWS::EKS::Cluster');
    expect(output.complete).toBe(true);
    expect(output.resources.map((r) => r.resourceId)).toStrictEqual(
      clusters.map((c) => c.cluster.name),
    );
    expect(callsByAction()).toStrictEqual({ ListClusters: 2, DescribeCluster: 101 });
    expect(h.calls).toStrictEqual({ eks: 103 });
    const lists = sim.calls.filter((c) => c.action === 'ListClusters');
    expect(lists.map((c) => [c.params['maxResults'], typeof c.params['nextToken']])).toStrictEqual([
      [100, 'undefined'],
      [100, 'string'],
    ]);
  });

  it.each(Object.keys(CHILDREN))(
    'makes exactly the calls %s needs: pages, then one Describe per item',
    async (type) => {
      const [list, count] = CHILDREN[type] as [string, (c: SimEksCluster) => number];
      const items = clusters.reduce((sum, c) => sum + count(c), 0);
      const listPages = clusters.reduce((sum, c) => sum + pages(count(c)), 0);
      const policyPages = type === 'AWS::EKS::AccessEntry' ? items : 0;
      const h = harness();
      const output = await h.collect(type);
      expect(output.complete).toBe(true);
      expect(output.resources).toHaveLength(items);
      const byAction = callsByAction();
      expect(byAction['ListClusters']).toBe(2);
      expect(byAction[list]).toBe(listPages);
      expect(h.calls['eks']).toBe(2 + listPages + items + policyPages);
      expect(sim.calls).toHaveLength(h.calls['eks'] ?? 0);
      expect(
        sim.calls
          .filter((c) => c.action.startsWith('List'))
          .every((c) => c.params['maxResults'] === 100),
      ).toBe(true);
    },
  );

  it('keeps at most five EKS calls in flight per collector', async () => {
    let inFlight = 0;
    let most = 0;
    const h = harness();
    const factory = h.context.aws;
    const client = factory.eks(h.context.account, REGION);
    client.middlewareStack.add(
      (next) => async (args) => {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          return await next(args);
        } finally {
          inFlight--;
        }
      },
      { step: 'initialize', name: 'countInFlight' },
    );
    await h.collect('AWS::EKS::Nodegroup');
    expect(most).toBe(5);
  });

  it.each(EKS_TYPES)('renders nothing when the account has no clusters (%s)', async (type) => {
    const h = eksHarness(sim, {
      accessKeyId: generatedAccessKeyId(0),
      accountId: ACCOUNT,
      region: 'us-west-2',
    });
    expect(await h.collect(type)).toStrictEqual({ resources: [], warnings: [], complete: true });
  });
});
