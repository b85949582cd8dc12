import type {
  EgressOnlyInternetGateway,
  InternetGateway,
  InternetGatewayAttachment,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkAclAssociation,
  NetworkAclEntry,
  Route,
  RouteTable,
  RouteTableAssociation,
  VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { tagsOf } from './ec2-shapes.js';

/**
 * Builders for routing objects (route tables, NACLs, gateways, NAT, peerings, prefix lists)
 * exactly as their DescribeX calls return them through the SDK, volatile fields included, shared
 * by the sample and generated worlds (ec2-attachable-shapes.ts and ec2-template-shapes.ts hold
 * the others).
 */

type Tags = Readonly<Record<string, string>>;

/** A route table; its first route is the VPC's `local` route, as in every table. */
export function routeTableShape(p: {
  accountId: string;
  routeTableId: string;
  vpcId: string;
  vpcCidr: string;
  routes?: Route[];
  associations?: RouteTableAssociation[];
  tags?: Tags;
}): RouteTable {
  return {
    Associations: p.associations ?? [],
    PropagatingVgws: [],
    RouteTableId: p.routeTableId,
    Routes: [
      {
        DestinationCidrBlock: p.vpcCidr,
        GatewayId: 'local',
        Origin: 'CreateRouteTable',
        State: 'active',
      },
      ...(p.routes ?? []),
    ],
    Tags: tagsOf(p.tags ?? {}),
    VpcId: p.vpcId,
    OwnerId: p.accountId,
  };
}

/** A route a user created (`Origin: CreateRoute`) to a target. */
export function route(destination: string, target: Partial<Route>): Route {
  const key = destination.includes(':') ? 'DestinationIpv6CidrBlock' : 'DestinationCidrBlock';
  return { [key]: destination, ...target, Origin: 'CreateRoute', State: 'active' };
}

/** A subnet's (or the main) association with a route table. */
export function routeAssociation(
  routeTableId: string,
  associationId: string,
  subnetId?: string,
): RouteTableAssociation {
  return {
    Main: subnetId === undefined,
    RouteTableAssociationId: associationId,
    RouteTableId: routeTableId,
    ...(subnetId === undefined ? {} : { SubnetId: subnetId }),
    AssociationState: { State: 'associated' },
  };
}

/** The entries of a default network ACL: allow everything, then the fixed deny-all rule 32767. */
export function defaultAclEntries(): NetworkAclEntry[] {
  return [true, false].flatMap((egress) => [
    {
      CidrBlock: '0.0.0.0/0',
      Egress: egress,
      Protocol: '-1',
      RuleAction: 'allow' as const,
      RuleNumber: 100,
    },
    {
      CidrBlock: '0.0.0.0/0',
      Egress: egress,
      Protocol: '-1',
      RuleAction: 'deny' as const,
      RuleNumber: 32767,
    },
  ]);
}

/** A network ACL. */
export function networkAclShape(p: {
  accountId: string;
  networkAclId: string;
  vpcId: string;
  isDefault: boolean;
  associations: NetworkAclAssociation[];
  entries?: NetworkAclEntry[];
  tags?: Tags;
}): NetworkAcl {
  return {
    Associations: p.associations,
    Entries: p.entries ?? defaultAclEntries(),
    IsDefault: p.isDefault,
    NetworkAclId: p.networkAclId,
    Tags: tagsOf(p.tags ?? {}),
    VpcId: p.vpcId,
    OwnerId: p.accountId,
  };
}

/** An internet gateway, attached to a VPC when one is given. */
export function internetGatewayShape(p: {
  accountId: string;
  internetGatewayId: string;
  vpcId?: string;
  tags?: Tags;
}): InternetGateway {
  return {
    // EC2 answers `available` for an attached internet gateway, a value the SDK's enum lacks.
    Attachments: p.vpcId
      ? [{ State: 'available' as InternetGatewayAttachment['State'], VpcId: p.vpcId }]
      : [],
    InternetGatewayId: p.internetGatewayId,
    OwnerId: p.accountId,
    Tags: tagsOf(p.tags ?? {}),
  };
}

/** An egress-only internet gateway attached to a VPC. */
export function egressOnlyInternetGatewayShape(p: {
  egressOnlyInternetGatewayId: string;
  vpcId: string;
  tags?: Tags;
}): EgressOnlyInternetGateway {
  return {
    Attachments: [{ State: 'attached', VpcId: p.vpcId }],
    EgressOnlyInternetGatewayId: p.egressOnlyInternetGatewayId,
    Tags: tagsOf(p.tags ?? {}),
  };
}

/** A public NAT gateway with its primary Elastic IP. */
export function natGatewayShape(p: {
  natGatewayId: string;
  subnetId: string;
  vpcId: string;
  createTime: Date;
  allocationId: string;
  associationId: string;
  networkInterfaceId: string;
  privateIp: string;
  publicIp: string;
  tags?: Tags;
}): NatGateway {
  return {
    CreateTime: p.createTime,
    NatGatewayAddresses: [
      {
        AllocationId: p.allocationId,
        NetworkInterfaceId: p.networkInterfaceId,
        PrivateIp: p.privateIp,
        PublicIp: p.publicIp,
        AssociationId: p.associationId,
        IsPrimary: true,
        Status: 'succeeded',
      },
    ],
    NatGatewayId: p.natGatewayId,
    State: 'available',
    SubnetId: p.subnetId,
    VpcId: p.vpcId,
    Tags: tagsOf(p.tags ?? {}),
    ConnectivityType: 'public',
  };
}

/** An active peering connection between two VPCs (possibly of two accounts). */
export function vpcPeeringConnectionShape(p: {
  vpcPeeringConnectionId: string;
  region: string;
  requester: { accountId: string; vpcId: string; cidr: string };
  accepter: { accountId: string; vpcId: string; cidr: string };
  tags?: Tags;
}): VpcPeeringConnection {
  const side = (s: { accountId: string; vpcId: string; cidr: string }) => ({
    CidrBlock: s.cidr,
    CidrBlockSet: [{ CidrBlock: s.cidr }],
    OwnerId: s.accountId,
    PeeringOptions: {
      AllowDnsResolutionFromRemoteVpc: false,
      AllowEgressFromLocalClassicLinkToRemoteVpc: false,
      AllowEgressFromLocalVpcToRemoteClassicLink: false,
    },
    VpcId: s.vpcId,
    Region: p.region,
  });
  return {
    AccepterVpcInfo: side(p.accepter),
    RequesterVpcInfo: side(p.requester),
    Status: { Code: 'active', Message: 'Active' },
    Tags: tagsOf(p.tags ?? {}),
    VpcPeeringConnectionId: p.vpcPeeringConnectionId,
  };
}

/** A managed prefix list; OwnerId `AWS` for the ones AWS publishes. */
export function managedPrefixListShape(p: {
  region: string;
  ownerId: string;
  prefixListId: string;
  name: string;
  maxEntries?: number;
  version: number;
  tags?: Tags;
}): ManagedPrefixList {
  return {
    PrefixListId: p.prefixListId,
    AddressFamily: 'IPv4',
    State: 'create-complete',
    PrefixListArn: `arn:aws:ec2:${p.region}:${p.ownerId === 'AWS' ? 'aws' : p.ownerId}:prefix-list/${p.prefixListId}`,
    PrefixListName: p.name,
    ...(p.maxEntries === undefined ? {} : { MaxEntries: p.maxEntries }),
    Version: p.version,
    Tags: tagsOf(p.tags ?? {}),
    OwnerId: p.ownerId,
  };
}
