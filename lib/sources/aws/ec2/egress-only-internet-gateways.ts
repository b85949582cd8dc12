import {
  type EgressOnlyInternetGateway,
  paginateDescribeEgressOnlyInternetGateways,
} from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeEgressOnlyInternetGateways MaxResults: 5-255.
const PAGE_SIZE = 255;

/** Egress-only internet gateways (IPv6), from DescribeEgressOnlyInternetGateways pages of 255. */
export const egressOnlyInternetGatewayCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::EgressOnlyInternetGateway',
  operation: 'DescribeEgressOnlyInternetGateways',
  pages: (client) =>
    paginateDescribeEgressOnlyInternetGateways({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.EgressOnlyInternetGateways ?? [],
  identify: (gateway: EgressOnlyInternetGateway, context) => {
    const id = gateway.EgressOnlyInternetGatewayId ?? '';
    return { id, arn: ec2Arn(context, 'egress-only-internet-gateway', id), tags: gateway.Tags };
  },
});
