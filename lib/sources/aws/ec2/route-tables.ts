import { paginateDescribeRouteTables, type RouteTable } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeRouteTables MaxResults: 5-100, a tenth of most EC2 lists.
const PAGE_SIZE = 100;

/** Route tables with their routes and associations, from DescribeRouteTables pages of 100. */
export const routeTableCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::RouteTable',
  operation: 'DescribeRouteTables',
  pages: (client) => paginateDescribeRouteTables({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.RouteTables ?? [],
  identify: (table: RouteTable, context) => {
    const id = table.RouteTableId ?? '';
    return { id, arn: ec2Arn(context, 'route-table', id), tags: table.Tags };
  },
});
