import {
  type EC2Client,
  paginateDescribeSecurityGroupRules,
  type SecurityGroup,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import type { AwsCollectorContext } from '../../collector.js';
import type { Supplements } from './define-ec2-collector.js';
import { ec2Warning } from './warnings.js';

// DescribeSecurityGroupRules MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/**
 * Every rule of the region (with its `sgr-` id, which Terraform's per-rule resources use) from
 * ONE paginated DescribeSecurityGroupRules listing, grouped by group: a call per group would cost
 * a call per group. A failed listing leaves the groups complete (their own list was), each with
 * `SecurityGroupRules` unreadable.
 */
export async function readSecurityGroupRules(
  _groups: readonly SecurityGroup[],
  context: AwsCollectorContext,
  client: EC2Client,
): Promise<Supplements<SecurityGroup>> {
  const byGroup = new Map<string, SecurityGroupRule[]>();
  try {
    for await (const page of paginateDescribeSecurityGroupRules(
      { client, pageSize: PAGE_SIZE },
      {},
    )) {
      context.countCall('ec2');
      for (const rule of page.SecurityGroupRules ?? []) {
        const group = rule.GroupId ?? '';
        const rules = byGroup.get(group);
        if (rules) rules.push(rule);
        else byGroup.set(group, [rule]);
      }
    }
  } catch (error) {
    const warning = ec2Warning(
      context,
      'DescribeSecurityGroupRules',
      error,
      'security groups recorded with SecurityGroupRules unreadable',
      'AWS::EC2::SecurityGroup',
    );
    return { of: () => ({ unreadable: ['SecurityGroupRules'] }), warnings: [warning] };
  }
  return {
    of: (group) => ({
      supplementaryConfiguration: { SecurityGroupRules: byGroup.get(group.GroupId ?? '') ?? [] },
    }),
    warnings: [],
  };
}
