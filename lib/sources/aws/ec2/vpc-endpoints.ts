import { paginateDescribeVpcEndpoints, type VpcEndpoint } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeVpcEndpoints MaxResults: above 1000, only 1000 are returned.
const PAGE_SIZE = 1000;

/** VPC endpoints, from DescribeVpcEndpoints pages of 1000; deleted ones (still listed a while) are gone. */
export const vpcEndpointCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::VPCEndpoint',
  operation: 'DescribeVpcEndpoints',
  pages: (client) => paginateDescribeVpcEndpoints({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.VpcEndpoints ?? [],
  // The model's enum is `Deleted`, the wire value `deleted`: compare without case.
  keep: (endpoint: VpcEndpoint) => endpoint.State?.toLowerCase() !== 'deleted',
  identify: (endpoint: VpcEndpoint, context) => {
    const id = endpoint.VpcEndpointId ?? '';
    return { id, arn: ec2Arn(context, 'vpc-endpoint', id), tags: endpoint.Tags };
  },
});
