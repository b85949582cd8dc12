import { type NatGateway, paginateDescribeNatGateways } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeNatGateways MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/**
 * NAT gateways, from DescribeNatGateways pages of 1000. A deleted gateway stays listed for about
 * an hour with State `deleted`: it no longer exists, so it is not collected (Terraform drops it
 * from state the same way).
 */
export const natGatewayCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::NatGateway',
  operation: 'DescribeNatGateways',
  pages: (client) => paginateDescribeNatGateways({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.NatGateways ?? [],
  keep: (gateway: NatGateway) => gateway.State !== 'deleted',
  identify: (gateway: NatGateway, context) => {
    const id = gateway.NatGatewayId ?? '';
    return { id, arn: ec2Arn(context, 'natgateway', id), tags: gateway.Tags };
  },
});
