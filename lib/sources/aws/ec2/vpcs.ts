import { paginateDescribeVpcs, type Vpc } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';
import { readVpcAttributes } from './vpc-attributes.js';

// DescribeVpcs MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/** VPCs, from DescribeVpcs pages of 1000, with their DNS and address-usage attributes. */
export const vpcCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::VPC',
  operation: 'DescribeVpcs',
  pages: (client) => paginateDescribeVpcs({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.Vpcs ?? [],
  identify: (vpc: Vpc, context) => {
    const id = vpc.VpcId ?? '';
    return { id, arn: ec2Arn(context, 'vpc', id), tags: vpc.Tags };
  },
  supplement: readVpcAttributes,
});
