import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import type { Resource } from '../../../model/index.js';
import type { AwsCollector, CollectorOutput } from '../../collector.js';
import { describeWith, eksResource, startEksRun } from './eks-run.js';
import { listClusterNames } from './list-clusters.js';

const RESOURCE_TYPE = 'AWS::EKS::Cluster';

/** EKS clusters: ListClusters pages of 100, then DescribeCluster for each; id = name (as Terraform). */
export const clusterCollector: AwsCollector = {
  resourceType: RESOURCE_TYPE,
  service: 'eks',
  async collect(context): Promise<CollectorOutput> {
    const run = startEksRun(context, RESOURCE_TYPE);
    const names = await listClusterNames(run);
    const resources = await Promise.all(
      names.map(async (name): Promise<Resource | undefined> => {
        const cluster = await describeWith(
          run,
          'DescribeCluster',
          async () => (await run.client.send(new DescribeClusterCommand({ name }))).cluster,
        );
        if (cluster === undefined) return undefined;
        return eksResource(run, {
          id: name,
          arn: cluster.arn,
          name,
          tags: cluster.tags,
          configuration: cluster,
        });
      }),
    );
    return run.finish(resources.filter((r) => r !== undefined));
  },
};
