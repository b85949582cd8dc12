import { DescribeNodegroupCommand, paginateListNodegroups } from '@aws-sdk/client-eks';
import { defineClusterChildCollector } from './define-cluster-child-collector.js';
import { EKS_PAGE_SIZE } from './eks-run.js';

/** EKS managed node groups: ListNodegroups, DescribeNodegroup; id `cluster:nodegroup` (as Terraform). */
export const nodegroupCollector = defineClusterChildCollector({
  resourceType: 'AWS::EKS::Nodegroup',
  listOperation: 'ListNodegroups',
  describeOperation: 'DescribeNodegroup',
  paginate: (client, clusterName) =>
    paginateListNodegroups({ client, pageSize: EKS_PAGE_SIZE }, { clusterName }),
  keys: (page) => page.nodegroups,
  describe: async (client, clusterName, nodegroupName: string) =>
    (await client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))).nodegroup,
  identify: (nodegroup, clusterName, name) => ({
    id: `${clusterName}:${name}`,
    arn: nodegroup.nodegroupArn,
    name: nodegroup.nodegroupName ?? name,
    tags: nodegroup.tags,
  }),
});
