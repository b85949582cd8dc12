import {
  paginateDescribeVpcPeeringConnections,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeVpcPeeringConnections MaxResults: 5-1000.
const PAGE_SIZE = 1000;

// A connection in one of these states is over; EC2 keeps listing it for hours to days.
const ENDED = new Set(['deleted', 'rejected', 'expired', 'failed']);

/**
 * VPC peering connections (in both the requester's and the accepter's account), from
 * DescribeVpcPeeringConnections pages of 1000; ended ones are not collected.
 */
export const vpcPeeringConnectionCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::VPCPeeringConnection',
  operation: 'DescribeVpcPeeringConnections',
  pages: (client) => paginateDescribeVpcPeeringConnections({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.VpcPeeringConnections ?? [],
  keep: (connection: VpcPeeringConnection) => !ENDED.has(connection.Status?.Code ?? ''),
  identify: (connection: VpcPeeringConnection, context) => {
    const id = connection.VpcPeeringConnectionId ?? '';
    return { id, arn: ec2Arn(context, 'vpc-peering-connection', id), tags: connection.Tags };
  },
});
