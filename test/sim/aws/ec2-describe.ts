import type { Filter, Region, SecurityGroup, Subnet, Tag, Vpc } from '@aws-sdk/client-ec2';
import { notFound, SimApiError } from './errors.js';
import { applyFilters, type FilterFields } from './filters.js';
import { type Page, type PageRange, type PageRequest, pageOf } from './paging.js';
import type { Ec2RegionWorld } from './world.js';

/** Who is asking, and where. */
export interface Ec2CallContext {
  accountId: string;
  region: string;
  action: string;
  /** The region's resources (empty when the world has none there). */
  ec2: Ec2RegionWorld;
  /** The world's region list, for DescribeRegions. */
  regions: readonly Region[];
}

/** The common inputs of EC2 Describe calls. */
export interface DescribeInput extends PageRequest {
  Filters?: Filter[];
  DryRun?: boolean;
}

/** How one resource type is described: its list, ids, filters and not-found error. */
export interface DescribeSpec<T> {
  list: (ec2: Ec2RegionWorld) => readonly T[];
  id: (item: T) => string | undefined;
  /** The id parameter (`GroupIds`, `VpcIds`...) and the error for ids that do not exist. */
  idsParam: string;
  notFoundCode: string;
  notFoundNoun: string;
  fields: FilterFields<T>;
  tags: (item: T) => readonly Tag[] | undefined;
  /** The API's MaxResults range, when it is not EC2's usual 5-1000. */
  range?: PageRange;
}

/** EC2's answer to DryRun on a call the caller may make. */
export function dryRunSucceeded(): SimApiError {
  return new SimApiError(
    'DryRunOperation',
    412,
    'Request would have succeeded, but DryRun flag is set.',
  );
}

/** Selects by ids, then filters, then pages: the order EC2 applies them. */
export function describe<T>(
  spec: DescribeSpec<T>,
  input: DescribeInput & Record<string, unknown>,
  ctx: Ec2CallContext,
): Page<T> {
  if (input.DryRun) throw dryRunSucceeded();
  const ids = input[spec.idsParam] as string[] | undefined;
  const selected = selectByIds(
    spec.list(ctx.ec2),
    ids,
    spec.id,
    spec.notFoundCode,
    spec.notFoundNoun,
  );
  const filtered = applyFilters(selected, input.Filters, spec.fields, spec.tags);
  return pageOf(filtered, input, queryKey(ctx, input), spec.range);
}

/** The items with the given ids, in world order; all of them, or NotFound naming the missing. */
export function selectByIds<T>(
  items: readonly T[],
  ids: readonly string[] | undefined,
  id: (item: T) => string | undefined,
  code: string,
  noun: string,
): readonly T[] {
  if (!ids || ids.length === 0) return items;
  const wanted = new Set(ids);
  const selected = items.filter((item) => wanted.has(id(item) ?? ''));
  const found = new Set(selected.map(id));
  const missing = [...wanted].filter((i) => !found.has(i));
  if (missing.length > 0) throw notFound(code, noun, missing);
  return selected;
}

/** What a paging token is bound to: the same call with the same selection. */
export function queryKey(ctx: Ec2CallContext, input: Record<string, unknown>): string {
  const { MaxResults: _max, NextToken: _token, ...selection } = input;
  return JSON.stringify([ctx.action, ctx.accountId, ctx.region, selection]);
}

/** DescribeSecurityGroups. */
export const securityGroupSpec: DescribeSpec<SecurityGroup> = {
  list: (ec2) => ec2.securityGroups,
  id: (sg) => sg.GroupId,
  idsParam: 'GroupIds',
  notFoundCode: 'InvalidGroup.NotFound',
  notFoundNoun: 'security group',
  tags: (sg) => sg.Tags,
  fields: {
    'group-id': (sg) => [sg.GroupId],
    'group-name': (sg) => [sg.GroupName],
    description: (sg) => [sg.Description],
    'vpc-id': (sg) => [sg.VpcId],
    'owner-id': (sg) => [sg.OwnerId],
    'ip-permission.protocol': (sg) => (sg.IpPermissions ?? []).map((p) => p.IpProtocol),
    'ip-permission.from-port': (sg) => (sg.IpPermissions ?? []).map((p) => p.FromPort),
    'ip-permission.to-port': (sg) => (sg.IpPermissions ?? []).map((p) => p.ToPort),
    'ip-permission.cidr': (sg) =>
      (sg.IpPermissions ?? []).flatMap((p) => (p.IpRanges ?? []).map((r) => r.CidrIp)),
    'ip-permission.group-id': (sg) =>
      (sg.IpPermissions ?? []).flatMap((p) => (p.UserIdGroupPairs ?? []).map((g) => g.GroupId)),
    'egress.ip-permission.cidr': (sg) =>
      (sg.IpPermissionsEgress ?? []).flatMap((p) => (p.IpRanges ?? []).map((r) => r.CidrIp)),
  },
};

/** DescribeVpcs. */
export const vpcSpec: DescribeSpec<Vpc> = {
  list: (ec2) => ec2.vpcs,
  id: (vpc) => vpc.VpcId,
  idsParam: 'VpcIds',
  notFoundCode: 'InvalidVpcID.NotFound',
  notFoundNoun: 'vpc ID',
  tags: (vpc) => vpc.Tags,
  fields: {
    'vpc-id': (vpc) => [vpc.VpcId],
    'cidr-block': (vpc) => [vpc.CidrBlock],
    cidr: (vpc) => [vpc.CidrBlock],
    'cidr-block-association.cidr-block': (vpc) =>
      (vpc.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock),
    'dhcp-options-id': (vpc) => [vpc.DhcpOptionsId],
    'is-default': (vpc) => [vpc.IsDefault],
    'owner-id': (vpc) => [vpc.OwnerId],
    state: (vpc) => [vpc.State],
  },
};

/** DescribeSubnets. */
export const subnetSpec: DescribeSpec<Subnet> = {
  list: (ec2) => ec2.subnets,
  id: (subnet) => subnet.SubnetId,
  idsParam: 'SubnetIds',
  notFoundCode: 'InvalidSubnetID.NotFound',
  notFoundNoun: 'subnet ID',
  tags: (subnet) => subnet.Tags,
  fields: {
    'subnet-id': (s) => [s.SubnetId],
    'vpc-id': (s) => [s.VpcId],
    'availability-zone': (s) => [s.AvailabilityZone],
    'availability-zone-id': (s) => [s.AvailabilityZoneId],
    'cidr-block': (s) => [s.CidrBlock],
    'default-for-az': (s) => [s.DefaultForAz],
    'map-public-ip-on-launch': (s) => [s.MapPublicIpOnLaunch],
    'owner-id': (s) => [s.OwnerId],
    state: (s) => [s.State],
  },
};
