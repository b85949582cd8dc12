import { type InternetGateway, paginateDescribeInternetGateways } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeInternetGateways MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/** Internet gateways and the VPC each is attached to, from DescribeInternetGateways pages of 1000. */
export const internetGatewayCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::InternetGateway',
  operation: 'DescribeInternetGateways',
  pages: (client) => paginateDescribeInternetGateways({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.InternetGateways ?? [],
  identify: (gateway: InternetGateway, context) => {
    const id = gateway.InternetGatewayId ?? '';
    return { id, arn: ec2Arn(context, 'internet-gateway', id), tags: gateway.Tags };
  },
});
