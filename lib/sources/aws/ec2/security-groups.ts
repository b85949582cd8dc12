import { paginateDescribeSecurityGroups, type SecurityGroup } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

/** Security groups with their inline rules, from DescribeSecurityGroups pages of 1000. */
export const securityGroupCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::SecurityGroup',
  operation: 'DescribeSecurityGroups',
  pageSize: 1000,
  paginate: (client, pageSize) => paginateDescribeSecurityGroups({ client, pageSize }, {}),
  items: (page) => page.SecurityGroups ?? [],
  identify: (group: SecurityGroup, context) => {
    const id = group.GroupId ?? '';
    return {
      id,
      arn: group.SecurityGroupArn ?? ec2Arn(context, 'security-group', id),
      name: group.GroupName,
      tags: group.Tags,
    };
  },
});
