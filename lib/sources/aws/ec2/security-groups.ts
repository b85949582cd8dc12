import { paginateDescribeSecurityGroups, type SecurityGroup } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';
import { readSecurityGroupRules } from './security-group-rules.js';

// DescribeSecurityGroups MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/** Security groups with their inline rules, plus their `sgr-` rules from one region-wide listing. */
export const securityGroupCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::SecurityGroup',
  operation: 'DescribeSecurityGroups',
  pages: (client) => paginateDescribeSecurityGroups({ client, pageSize: PAGE_SIZE }, {}),
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
  supplement: readSecurityGroupRules,
});
