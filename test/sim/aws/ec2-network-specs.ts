import type {
  EgressOnlyInternetGateway,
  InternetGateway,
  LaunchTemplate,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RouteTable,
  Volume,
  VpcEndpoint,
  VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import type { DescribeSpec } from './ec2-describe.js';

/**
 * How the sim describes each paginated VPC and EBS type: the list it reads, ids, NotFound codes,
 * the filters EC2 documents for it (the common ones), and the MaxResults range of its API.
 */

/** DescribeRouteTables: MaxResults 5-100. */
export const routeTableSpec: DescribeSpec<RouteTable> = {
  list: (ec2) => ec2.routeTables,
  id: (t) => t.RouteTableId,
  idsParam: 'RouteTableIds',
  notFoundCode: 'InvalidRouteTableID.NotFound',
  notFoundNoun: 'routeTable ID',
  tags: (t) => t.Tags,
  range: { min: 5, max: 100 },
  fields: {
    'route-table-id': (t) => [t.RouteTableId],
    'vpc-id': (t) => [t.VpcId],
    'owner-id': (t) => [t.OwnerId],
    'association.main': (t) => (t.Associations ?? []).map((a) => a.Main),
    'association.subnet-id': (t) => (t.Associations ?? []).map((a) => a.SubnetId),
    'route.gateway-id': (t) => (t.Routes ?? []).map((r) => r.GatewayId),
    'route.destination-cidr-block': (t) => (t.Routes ?? []).map((r) => r.DestinationCidrBlock),
  },
};

/** DescribeNetworkAcls: MaxResults 5-1000. */
export const networkAclSpec: DescribeSpec<NetworkAcl> = {
  list: (ec2) => ec2.networkAcls,
  id: (a) => a.NetworkAclId,
  idsParam: 'NetworkAclIds',
  notFoundCode: 'InvalidNetworkAclID.NotFound',
  notFoundNoun: 'networkAcl ID',
  tags: (a) => a.Tags,
  fields: {
    'network-acl-id': (a) => [a.NetworkAclId],
    'vpc-id': (a) => [a.VpcId],
    default: (a) => [a.IsDefault],
    'owner-id': (a) => [a.OwnerId],
    'association.subnet-id': (a) => (a.Associations ?? []).map((x) => x.SubnetId),
  },
};

/** DescribeInternetGateways: MaxResults 5-1000. */
export const internetGatewaySpec: DescribeSpec<InternetGateway> = {
  list: (ec2) => ec2.internetGateways,
  id: (g) => g.InternetGatewayId,
  idsParam: 'InternetGatewayIds',
  notFoundCode: 'InvalidInternetGatewayID.NotFound',
  notFoundNoun: 'internetGateway ID',
  tags: (g) => g.Tags,
  fields: {
    'internet-gateway-id': (g) => [g.InternetGatewayId],
    'owner-id': (g) => [g.OwnerId],
    'attachment.vpc-id': (g) => (g.Attachments ?? []).map((a) => a.VpcId),
    'attachment.state': (g) => (g.Attachments ?? []).map((a) => a.State),
  },
};

/** DescribeEgressOnlyInternetGateways: MaxResults 5-255. */
export const egressOnlyInternetGatewaySpec: DescribeSpec<EgressOnlyInternetGateway> = {
  list: (ec2) => ec2.egressOnlyInternetGateways,
  id: (g) => g.EgressOnlyInternetGatewayId,
  idsParam: 'EgressOnlyInternetGatewayIds',
  notFoundCode: 'InvalidEgressOnlyInternetGatewayId.NotFound',
  notFoundNoun: 'egressOnlyInternetGateway ID',
  tags: (g) => g.Tags,
  range: { min: 5, max: 255 },
  fields: {},
};

/** DescribeNatGateways (whose filter parameter is `Filter`, not `Filters`): MaxResults 5-1000. */
export const natGatewaySpec: DescribeSpec<NatGateway> = {
  list: (ec2) => ec2.natGateways,
  id: (g) => g.NatGatewayId,
  idsParam: 'NatGatewayIds',
  notFoundCode: 'NatGatewayNotFound',
  notFoundNoun: 'natGateway ID',
  tags: (g) => g.Tags,
  fields: {
    'nat-gateway-id': (g) => [g.NatGatewayId],
    state: (g) => [g.State],
    'subnet-id': (g) => [g.SubnetId],
    'vpc-id': (g) => [g.VpcId],
  },
};

/** DescribeVolumes: MaxResults 5-1000. */
export const volumeSpec: DescribeSpec<Volume> = {
  list: (ec2) => ec2.volumes,
  id: (v) => v.VolumeId,
  idsParam: 'VolumeIds',
  notFoundCode: 'InvalidVolume.NotFound',
  notFoundNoun: 'volume',
  tags: (v) => v.Tags,
  fields: {
    'volume-id': (v) => [v.VolumeId],
    'availability-zone': (v) => [v.AvailabilityZone],
    status: (v) => [v.State],
    'volume-type': (v) => [v.VolumeType],
    encrypted: (v) => [v.Encrypted],
    'attachment.instance-id': (v) => (v.Attachments ?? []).map((a) => a.InstanceId),
  },
};

/** DescribeNetworkInterfaces: MaxResults 5-1000. */
export const networkInterfaceSpec: DescribeSpec<NetworkInterface> = {
  list: (ec2) => ec2.networkInterfaces,
  id: (n) => n.NetworkInterfaceId,
  idsParam: 'NetworkInterfaceIds',
  notFoundCode: 'InvalidNetworkInterfaceID.NotFound',
  notFoundNoun: 'networkInterface ID',
  tags: (n) => n.TagSet,
  fields: {
    'network-interface-id': (n) => [n.NetworkInterfaceId],
    'vpc-id': (n) => [n.VpcId],
    'subnet-id': (n) => [n.SubnetId],
    status: (n) => [n.Status],
    'interface-type': (n) => [n.InterfaceType],
    'requester-managed': (n) => [n.RequesterManaged],
    'attachment.instance-id': (n) => [n.Attachment?.InstanceId],
  },
};

/** DescribeVpcEndpoints: MaxResults up to 1000. */
export const vpcEndpointSpec: DescribeSpec<VpcEndpoint> = {
  list: (ec2) => ec2.vpcEndpoints,
  id: (e) => e.VpcEndpointId,
  idsParam: 'VpcEndpointIds',
  notFoundCode: 'InvalidVpcEndpointId.NotFound',
  notFoundNoun: 'vpcEndpoint ID',
  tags: (e) => e.Tags,
  range: { min: 1, max: 1000 },
  fields: {
    'vpc-endpoint-id': (e) => [e.VpcEndpointId],
    'vpc-id': (e) => [e.VpcId],
    'service-name': (e) => [e.ServiceName],
    'vpc-endpoint-type': (e) => [e.VpcEndpointType],
    'vpc-endpoint-state': (e) => [e.State],
  },
};

/** DescribeVpcPeeringConnections: MaxResults 5-1000. */
export const vpcPeeringConnectionSpec: DescribeSpec<VpcPeeringConnection> = {
  list: (ec2) => ec2.vpcPeeringConnections,
  id: (p) => p.VpcPeeringConnectionId,
  idsParam: 'VpcPeeringConnectionIds',
  notFoundCode: 'InvalidVpcPeeringConnectionID.NotFound',
  notFoundNoun: 'vpcPeeringConnection ID',
  tags: (p) => p.Tags,
  fields: {
    'vpc-peering-connection-id': (p) => [p.VpcPeeringConnectionId],
    'status-code': (p) => [p.Status?.Code],
    'accepter-vpc-info.vpc-id': (p) => [p.AccepterVpcInfo?.VpcId],
    'requester-vpc-info.vpc-id': (p) => [p.RequesterVpcInfo?.VpcId],
  },
};

/** DescribeManagedPrefixLists: MaxResults 1-100. */
export const managedPrefixListSpec: DescribeSpec<ManagedPrefixList> = {
  list: (ec2) => ec2.managedPrefixLists,
  id: (l) => l.PrefixListId,
  idsParam: 'PrefixListIds',
  notFoundCode: 'InvalidPrefixListID.NotFound',
  notFoundNoun: 'prefix list ID',
  tags: (l) => l.Tags,
  range: { min: 1, max: 100 },
  fields: {
    'owner-id': (l) => [l.OwnerId],
    'prefix-list-id': (l) => [l.PrefixListId],
    'prefix-list-name': (l) => [l.PrefixListName],
  },
};

/** DescribeLaunchTemplates: MaxResults 1-200. */
export const launchTemplateSpec: DescribeSpec<LaunchTemplate> = {
  list: (ec2) => ec2.launchTemplates,
  id: (t) => t.LaunchTemplateId,
  idsParam: 'LaunchTemplateIds',
  notFoundCode: 'InvalidLaunchTemplateId.NotFound',
  notFoundNoun: 'launch template ID',
  tags: (t) => t.Tags,
  range: { min: 1, max: 200 },
  fields: {
    'launch-template-name': (t) => [t.LaunchTemplateName],
  },
};
