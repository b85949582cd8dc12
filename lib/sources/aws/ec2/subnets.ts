import { paginateDescribeSubnets, type Subnet } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeSubnets MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/** Subnets, from DescribeSubnets pages of 1000. */
export const subnetCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::Subnet',
  operation: 'DescribeSubnets',
  pages: (client) => paginateDescribeSubnets({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.Subnets ?? [],
  identify: (subnet: Subnet, context) => {
    const id = subnet.SubnetId ?? '';
    return { id, arn: subnet.SubnetArn ?? ec2Arn(context, 'subnet', id), tags: subnet.Tags };
  },
});
