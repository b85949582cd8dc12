import {
  type EKSClient,
  ListClustersCommand,
  paginateListAccessEntries,
  paginateListClusters,
} from '@aws-sdk/client-eks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessEntryShape } from '../../../sim/aws/eks-access-shapes.js';
import { eksCluster, eksRegion } from '../../../sim/aws/eks-world.js';
import { generatedAccessKeyId, generatedAccountId } from '../../../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { generateWorld } from '../../../sim/aws/world.js';
import { simEks } from './eks-client.js';
import { collect } from './sim-client.js';

describe('EKS paging', () => {
  let sim: AwsSim;
  let eks: EKSClient;
  const account = generatedAccountId(0);

  beforeAll(async () => {
    sim = await startAwsSim(generateWorld({ seed: 11, eksClusters: 7 }));
    ({ eks } = simEks(sim, { accessKeyId: generatedAccessKeyId(0), attempts: 1 }));
  });
  afterEach(() => sim.resetCalls());
  afterAll(async () => {
    eks.destroy();
    await sim.close();
  });

  it('pages clusters with opaque tokens, and the pages add up to the world', async () => {
    const pages = await collect(paginateListClusters({ client: eks, pageSize: 3 }, {}));
    expect(pages.map((p) => p.clusters?.length)).toStrictEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.clusters)).toStrictEqual(
      eksRegion(sim.world, account, 'eu-west-1').clusters.map((c) => c.cluster.name),
    );
    expect(
      sim.calls.map((c) => [c.params['maxResults'], typeof c.params['nextToken']]),
    ).toStrictEqual([
      [3, 'undefined'],
      [3, 'string'],
      [3, 'string'],
    ]);
  });

  it('answers 100 per page when maxResults is absent, as EKS does', async () => {
    const cluster = eksCluster(sim.world, account, 'eu-west-1', 'eks-000');
    const template = cluster.accessEntries[0]?.entry;
    const saved = cluster.accessEntries;
    cluster.accessEntries = Array.from({ length: 150 }, (_, i) => ({
      entry: accessEntryShape({
        accountId: account,
        region: 'eu-west-1',
        clusterName: 'eks-000',
        principalArn: `arn:aws:iam::${account}:role/r-${String(i).padStart(3, '0')}`,
        uuid: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        kubernetesGroups: [],
        createdAt: template?.createdAt ?? new Date(0),
        modifiedAt: template?.modifiedAt ?? new Date(0),
        tags: {},
      }),
      policies: [],
    }));
    try {
      const pages = await collect(
        paginateListAccessEntries({ client: eks }, { clusterName: 'eks-000' }),
      );
      expect(pages.map((p) => p.accessEntries?.length)).toStrictEqual([100, 50]);
      expect(sim.calls.map((c) => c.paginated)).toStrictEqual([false, false]);
    } finally {
      cluster.accessEntries = saved;
    }
  });

  it('does not let a token of one region continue another region', async () => {
    const first = await eks.send(new ListClustersCommand({ maxResults: 2 }));
    const { eks: other } = simEks(sim, {
      accessKeyId: generatedAccessKeyId(0),
      region: 'us-east-1',
      attempts: 1,
    });
    await expect(
      other.send(new ListClustersCommand({ maxResults: 2, nextToken: first.nextToken })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    other.destroy();
  });
});
