import {
  DescribeAddressesRequest$,
  DescribeEgressOnlyInternetGatewaysRequest$,
  DescribeEgressOnlyInternetGatewaysResult$,
  DescribeInstanceAttributeRequest$,
  DescribeInstancesRequest$,
  DescribeInstancesResult$,
  DescribeInternetGatewaysRequest$,
  DescribeInternetGatewaysResult$,
  DescribeKeyPairsRequest$,
  DescribeLaunchTemplatesRequest$,
  DescribeLaunchTemplatesResult$,
  DescribeLaunchTemplateVersionsRequest$,
  DescribeManagedPrefixListsRequest$,
  DescribeManagedPrefixListsResult$,
  DescribeNatGatewaysRequest$,
  DescribeNatGatewaysResult$,
  DescribeNetworkAclsRequest$,
  DescribeNetworkAclsResult$,
  DescribeNetworkInterfacesRequest$,
  DescribeNetworkInterfacesResult$,
  DescribeRegionsRequest$,
  DescribeRegionsResult$,
  DescribeRouteTablesRequest$,
  DescribeRouteTablesResult$,
  DescribeSecurityGroupRulesRequest$,
  DescribeSecurityGroupsRequest$,
  DescribeSecurityGroupsResult$,
  DescribeSubnetsRequest$,
  DescribeSubnetsResult$,
  DescribeVolumesRequest$,
  DescribeVolumesResult$,
  DescribeVpcAttributeRequest$,
  DescribeVpcEndpointsRequest$,
  DescribeVpcEndpointsResult$,
  DescribeVpcPeeringConnectionsRequest$,
  DescribeVpcPeeringConnectionsResult$,
  DescribeVpcsRequest$,
  DescribeVpcsResult$,
  GetManagedPrefixListEntriesRequest$,
  type Instance,
  type Region,
  type Reservation,
} from '@aws-sdk/client-ec2';
import { describeInstanceAttribute, describeVpcAttribute } from './ec2-attributes.js';
import {
  type DescribeInput,
  type DescribeSpec,
  describe,
  dryRunSucceeded,
  type Ec2CallContext,
  queryKey,
  securityGroupSpec,
  selectByIds,
  subnetSpec,
  vpcSpec,
} from './ec2-describe.js';
import { describeLaunchTemplateVersions } from './ec2-launch-template-versions.js';
import {
  egressOnlyInternetGatewaySpec,
  internetGatewaySpec,
  launchTemplateSpec,
  managedPrefixListSpec,
  natGatewaySpec,
  networkAclSpec,
  networkInterfaceSpec,
  routeTableSpec,
  volumeSpec,
  vpcEndpointSpec,
  vpcPeeringConnectionSpec,
} from './ec2-network-specs.js';
import { getManagedPrefixListEntries } from './ec2-prefix-list-entries.js';
import { describeSecurityGroupRules } from './ec2-security-group-rules.js';
import { describeAddresses, describeKeyPairs } from './ec2-unpaginated.js';
import { SimApiError } from './errors.js';
import { applyFilters, type FilterFields } from './filters.js';
import { pageOf } from './paging.js';
import type { SchemaRef } from './xml-writer.js';

/** What an EC2 action answers: the output in SDK shape and the schema to write it with. */
export interface Ec2Answer {
  schema: SchemaRef;
  output: object;
  /** Whether a pageable call was paginated (undefined for calls that cannot be). */
  paginated?: boolean;
}

/** One EC2 action: its request schema and its handler. */
export interface Ec2Action {
  request: SchemaRef;
  handle: (input: Record<string, unknown>, ctx: Ec2CallContext) => Ec2Answer;
}

/** The EC2 actions the sim implements. */
export const ec2Actions: Readonly<Record<string, Ec2Action>> = {
  DescribeInstances: { request: DescribeInstancesRequest$, handle: describeInstances },
  DescribeSecurityGroups: {
    request: DescribeSecurityGroupsRequest$,
    handle: listHandler(securityGroupSpec, 'SecurityGroups', DescribeSecurityGroupsResult$),
  },
  DescribeVpcs: {
    request: DescribeVpcsRequest$,
    handle: listHandler(vpcSpec, 'Vpcs', DescribeVpcsResult$),
  },
  DescribeSubnets: {
    request: DescribeSubnetsRequest$,
    handle: listHandler(subnetSpec, 'Subnets', DescribeSubnetsResult$),
  },
  DescribeRegions: { request: DescribeRegionsRequest$, handle: describeRegions },
  DescribeSecurityGroupRules: {
    request: DescribeSecurityGroupRulesRequest$,
    handle: describeSecurityGroupRules,
  },
  DescribeVpcAttribute: { request: DescribeVpcAttributeRequest$, handle: describeVpcAttribute },
  DescribeInstanceAttribute: {
    request: DescribeInstanceAttributeRequest$,
    handle: describeInstanceAttribute,
  },
  DescribeRouteTables: {
    request: DescribeRouteTablesRequest$,
    handle: listHandler(routeTableSpec, 'RouteTables', DescribeRouteTablesResult$),
  },
  DescribeNetworkAcls: {
    request: DescribeNetworkAclsRequest$,
    handle: listHandler(networkAclSpec, 'NetworkAcls', DescribeNetworkAclsResult$),
  },
  DescribeInternetGateways: {
    request: DescribeInternetGatewaysRequest$,
    handle: listHandler(internetGatewaySpec, 'InternetGateways', DescribeInternetGatewaysResult$),
  },
  DescribeEgressOnlyInternetGateways: {
    request: DescribeEgressOnlyInternetGatewaysRequest$,
    handle: listHandler(
      egressOnlyInternetGatewaySpec,
      'EgressOnlyInternetGateways',
      DescribeEgressOnlyInternetGatewaysResult$,
    ),
  },
  DescribeNatGateways: {
    request: DescribeNatGatewaysRequest$,
    // This API alone names its filter list `Filter`.
    handle: (input, ctx) =>
      listHandler(
        natGatewaySpec,
        'NatGateways',
        DescribeNatGatewaysResult$,
      )({ ...input, Filters: input['Filter'] }, ctx),
  },
  DescribeAddresses: { request: DescribeAddressesRequest$, handle: describeAddresses },
  DescribeVolumes: {
    request: DescribeVolumesRequest$,
    handle: listHandler(volumeSpec, 'Volumes', DescribeVolumesResult$),
  },
  DescribeNetworkInterfaces: {
    request: DescribeNetworkInterfacesRequest$,
    handle: listHandler(
      networkInterfaceSpec,
      'NetworkInterfaces',
      DescribeNetworkInterfacesResult$,
    ),
  },
  DescribeLaunchTemplates: {
    request: DescribeLaunchTemplatesRequest$,
    handle: listHandler(launchTemplateSpec, 'LaunchTemplates', DescribeLaunchTemplatesResult$),
  },
  DescribeLaunchTemplateVersions: {
    request: DescribeLaunchTemplateVersionsRequest$,
    handle: describeLaunchTemplateVersions,
  },
  DescribeKeyPairs: { request: DescribeKeyPairsRequest$, handle: describeKeyPairs },
  DescribeVpcEndpoints: {
    request: DescribeVpcEndpointsRequest$,
    handle: listHandler(vpcEndpointSpec, 'VpcEndpoints', DescribeVpcEndpointsResult$),
  },
  DescribeVpcPeeringConnections: {
    request: DescribeVpcPeeringConnectionsRequest$,
    handle: listHandler(
      vpcPeeringConnectionSpec,
      'VpcPeeringConnections',
      DescribeVpcPeeringConnectionsResult$,
    ),
  },
  DescribeManagedPrefixLists: {
    request: DescribeManagedPrefixListsRequest$,
    handle: listHandler(managedPrefixListSpec, 'PrefixLists', DescribeManagedPrefixListsResult$),
  },
  GetManagedPrefixListEntries: {
    request: GetManagedPrefixListEntriesRequest$,
    handle: getManagedPrefixListEntries,
  },
};

function listHandler<T>(
  spec: DescribeSpec<T>,
  member: string,
  schema: SchemaRef,
): Ec2Action['handle'] {
  return (input, ctx) => {
    const page = describe(spec, input as DescribeInput & Record<string, unknown>, ctx);
    const output = {
      [member]: page.items,
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
    return { schema, output, paginated: page.paginated };
  };
}

interface Placed {
  reservation: Reservation;
  instance: Instance;
}

const instanceFields: FilterFields<Placed> = {
  'instance-id': ({ instance }) => [instance.InstanceId],
  'instance-state-name': ({ instance }) => [instance.State?.Name],
  'instance-state-code': ({ instance }) => [instance.State?.Code],
  'instance-type': ({ instance }) => [instance.InstanceType],
  'image-id': ({ instance }) => [instance.ImageId],
  'key-name': ({ instance }) => [instance.KeyName],
  'vpc-id': ({ instance }) => [instance.VpcId],
  'subnet-id': ({ instance }) => [instance.SubnetId],
  'availability-zone': ({ instance }) => [instance.Placement?.AvailabilityZone],
  'private-ip-address': ({ instance }) => [instance.PrivateIpAddress],
  'instance.group-id': ({ instance }) => (instance.SecurityGroups ?? []).map((g) => g.GroupId),
  'instance.group-name': ({ instance }) => (instance.SecurityGroups ?? []).map((g) => g.GroupName),
  'network-interface.network-interface-id': ({ instance }) =>
    (instance.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId),
  'iam-instance-profile.arn': ({ instance }) => [instance.IamInstanceProfile?.Arn],
  'reservation-id': ({ reservation }) => [reservation.ReservationId],
  'owner-id': ({ reservation }) => [reservation.OwnerId],
};

/**
 * DescribeInstances pages over instances, not reservations: a reservation whose instances fall on
 * two pages appears on both with its share of instances, so collectors must not assume a
 * reservation is whole or unique across pages.
 */
function describeInstances(raw: Record<string, unknown>, ctx: Ec2CallContext): Ec2Answer {
  const input = raw as DescribeInput & { InstanceIds?: string[] };
  if (input.DryRun) throw dryRunSucceeded();
  if (input.InstanceIds?.length && input.MaxResults !== undefined) {
    throw new SimApiError(
      'InvalidParameterCombination',
      400,
      'The parameter instancesSet cannot be used with the parameter maxResults',
    );
  }
  const placed = ctx.ec2.reservations.flatMap((reservation) =>
    (reservation.Instances ?? []).map((instance) => ({ reservation, instance })),
  );
  const selected = selectByIds(
    placed,
    input.InstanceIds,
    (p) => p.instance.InstanceId,
    'InvalidInstanceID.NotFound',
    'instance ID',
  );
  const filtered = applyFilters(selected, input.Filters, instanceFields, (p) => p.instance.Tags);
  const page = pageOf(filtered, input, queryKey(ctx, raw));
  const output = {
    Reservations: regroup(page.items),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
  return { schema: DescribeInstancesResult$, output, paginated: page.paginated };
}

function regroup(placed: readonly Placed[]): Reservation[] {
  const out: Reservation[] = [];
  let current: { source: Reservation; instances: Instance[] } | undefined;
  for (const { reservation, instance } of placed) {
    if (current?.source !== reservation) {
      current = { source: reservation, instances: [] };
      out.push({ ...reservation, Instances: current.instances });
    }
    current.instances.push(instance);
  }
  return out;
}

const regionFields: FilterFields<Region> = {
  'region-name': (r) => [r.RegionName],
  endpoint: (r) => [r.Endpoint],
  'opt-in-status': (r) => [r.OptInStatus],
};

function describeRegions(raw: Record<string, unknown>, ctx: Ec2CallContext): Ec2Answer {
  const input = raw as DescribeInput & { RegionNames?: string[]; AllRegions?: boolean };
  if (input.DryRun) throw dryRunSucceeded();
  const enabled = ctx.regions.filter(
    (r) => input.AllRegions || r.OptInStatus === undefined || r.OptInStatus !== 'not-opted-in',
  );
  const named = input.RegionNames?.length
    ? enabled.filter((r) => input.RegionNames?.includes(r.RegionName ?? ''))
    : enabled;
  return {
    schema: DescribeRegionsResult$,
    output: { Regions: applyFilters(named, input.Filters, regionFields) },
  };
}
