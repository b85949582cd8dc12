import { createHash } from 'node:crypto';
import {
  DescribeSecurityGroupRulesResult$,
  type IpPermission,
  type SecurityGroup,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import {
  type DescribeInput,
  dryRunSucceeded,
  type Ec2CallContext,
  queryKey,
  selectByIds,
} from './ec2-describe.js';
import type { Ec2Answer } from './ec2-handlers.js';
import { applyFilters, type FilterFields } from './filters.js';
import { pageOf } from './paging.js';

/**
 * The rules of a group as DescribeSecurityGroupRules lists them: one rule per source (CIDR, IPv6
 * CIDR, prefix list or group) of each IpPermission. Derived on every call rather than stored, so
 * the two listings cannot disagree; the `sgr-` id hashes what identifies the rule (group,
 * direction, protocol, ports, source) but not its description, which AWS lets change in place.
 */
export function securityGroupRulesOf(group: SecurityGroup, region: string): SecurityGroupRule[] {
  return [
    ...(group.IpPermissions ?? []).flatMap((p) => rulesOfPermission(group, p, false, region)),
    ...(group.IpPermissionsEgress ?? []).flatMap((p) => rulesOfPermission(group, p, true, region)),
  ];
}

type Source = Pick<
  SecurityGroupRule,
  'CidrIpv4' | 'CidrIpv6' | 'PrefixListId' | 'ReferencedGroupInfo'
>;

function rulesOfPermission(
  group: SecurityGroup,
  permission: IpPermission,
  egress: boolean,
  region: string,
): SecurityGroupRule[] {
  const sources: { source: Source; description: string | undefined }[] = [
    ...(permission.IpRanges ?? []).map((r) => ({
      source: { CidrIpv4: r.CidrIp },
      description: r.Description,
    })),
    ...(permission.Ipv6Ranges ?? []).map((r) => ({
      source: { CidrIpv6: r.CidrIpv6 },
      description: r.Description,
    })),
    ...(permission.PrefixListIds ?? []).map((p) => ({
      source: { PrefixListId: p.PrefixListId },
      description: p.Description,
    })),
    ...(permission.UserIdGroupPairs ?? []).map((p) => ({
      source: {
        ReferencedGroupInfo: {
          GroupId: p.GroupId,
          UserId: p.UserId,
          ...(p.VpcId ? { VpcId: p.VpcId } : {}),
          ...(p.VpcPeeringConnectionId ? { VpcPeeringConnectionId: p.VpcPeeringConnectionId } : {}),
          ...(p.PeeringStatus ? { PeeringStatus: p.PeeringStatus } : {}),
        },
      },
      description: p.Description,
    })),
  ];
  const fromPort = permission.FromPort ?? -1;
  const toPort = permission.ToPort ?? -1;
  return sources.map(({ source, description }) => {
    const id = ruleId([group.GroupId, egress, permission.IpProtocol, fromPort, toPort, source]);
    return {
      SecurityGroupRuleId: id,
      GroupId: group.GroupId,
      GroupOwnerId: group.OwnerId,
      IsEgress: egress,
      IpProtocol: permission.IpProtocol,
      FromPort: fromPort,
      ToPort: toPort,
      ...source,
      ...(description === undefined ? {} : { Description: description }),
      Tags: [],
      SecurityGroupRuleArn: `arn:aws:ec2:${region}:${group.OwnerId}:security-group-rule/${id}`,
    };
  });
}

function ruleId(identity: unknown): string {
  return `sgr-0${createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16)}`;
}

const ruleFields: FilterFields<SecurityGroupRule> = {
  'group-id': (r) => [r.GroupId],
  'security-group-rule-id': (r) => [r.SecurityGroupRuleId],
};

/** DescribeSecurityGroupRules: every rule of the region (or by ids, filters), MaxResults 5-1000. */
export function describeSecurityGroupRules(
  raw: Record<string, unknown>,
  ctx: Ec2CallContext,
): Ec2Answer {
  const input = raw as DescribeInput & { SecurityGroupRuleIds?: string[] };
  if (input.DryRun) throw dryRunSucceeded();
  const rules = ctx.ec2.securityGroups.flatMap((g) => securityGroupRulesOf(g, ctx.region));
  const selected = selectByIds(
    rules,
    input.SecurityGroupRuleIds,
    (r) => r.SecurityGroupRuleId,
    'InvalidSecurityGroupRuleId.NotFound',
    'security group rule',
  );
  const filtered = applyFilters(selected, input.Filters, ruleFields, (r) => r.Tags);
  const page = pageOf(filtered, input, queryKey(ctx, raw));
  return {
    schema: DescribeSecurityGroupRulesResult$,
    output: {
      SecurityGroupRules: page.items,
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    },
    paginated: page.paginated,
  };
}
