import { paginateDescribeVpcs, type Vpc } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

/** VPCs, from DescribeVpcs pages of 1000. */
export const vpcCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::VPC',
  operation: 'DescribeVpcs',
  pageSize: 1000,
  paginate: (client, pageSize) => paginateDescribeVpcs({ client, pageSize }, {}),
  items: (page) => page.Vpcs ?? [],
  identify: (vpc: Vpc, context) => {
    const id = vpc.VpcId ?? '';
    return { id, arn: ec2Arn(context, 'vpc', id), tags: vpc.Tags };
  },
});
