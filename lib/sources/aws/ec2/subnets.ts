import { paginateDescribeSubnets, type Subnet } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

/** Subnets, from DescribeSubnets pages of 1000. */
export const subnetCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::Subnet',
  operation: 'DescribeSubnets',
  pageSize: 1000,
  paginate: (client, pageSize) => paginateDescribeSubnets({ client, pageSize }, {}),
  items: (page) => page.Subnets ?? [],
  identify: (subnet: Subnet, context) => {
    const id = subnet.SubnetId ?? '';
    return { id, arn: subnet.SubnetArn ?? ec2Arn(context, 'subnet', id), tags: subnet.Tags };
  },
});
