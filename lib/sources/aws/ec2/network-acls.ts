import { type NetworkAcl, paginateDescribeNetworkAcls } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeNetworkAcls MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/** Network ACLs with their entries and subnet associations, from DescribeNetworkAcls pages of 1000. */
export const networkAclCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::NetworkAcl',
  operation: 'DescribeNetworkAcls',
  pages: (client) => paginateDescribeNetworkAcls({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.NetworkAcls ?? [],
  identify: (acl: NetworkAcl, context) => {
    const id = acl.NetworkAclId ?? '';
    return { id, arn: ec2Arn(context, 'network-acl', id), tags: acl.Tags };
  },
});
