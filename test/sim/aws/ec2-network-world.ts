import type {
  Address,
  EgressOnlyInternetGateway,
  InternetGateway,
  KeyPairInfo,
  LaunchTemplate,
  LaunchTemplateVersion,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  PrefixListEntry,
  RouteTable,
  Volume,
  VpcEndpoint,
  VpcPeeringConnection,
} from '@aws-sdk/client-ec2';

/** A VPC's attributes as DescribeVpcAttribute answers them, one per call. */
export interface SimVpcAttributes {
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
  enableNetworkAddressUsageMetrics: boolean;
}

/**
 * The EC2 and VPC resources beyond instances, groups, VPCs and subnets, in DescribeX output shape
 * (part of `Ec2RegionWorld`). Security group rules are not stored: the sim derives them, `sgr-`
 * ids included, from the groups' IpPermissions, so the two listings always agree.
 */
export interface Ec2NetworkWorld {
  routeTables: RouteTable[];
  networkAcls: NetworkAcl[];
  internetGateways: InternetGateway[];
  egressOnlyInternetGateways: EgressOnlyInternetGateway[];
  natGateways: NatGateway[];
  addresses: Address[];
  volumes: Volume[];
  /** Every ENI, requester-managed ones (NAT gateways, endpoints, Lambda) included. */
  networkInterfaces: NetworkInterface[];
  launchTemplates: LaunchTemplate[];
  /** Every version of every launch template (DefaultVersion marks each template's default). */
  launchTemplateVersions: LaunchTemplateVersion[];
  keyPairs: KeyPairInfo[];
  vpcEndpoints: VpcEndpoint[];
  vpcPeeringConnections: VpcPeeringConnection[];
  /** Customer-managed and AWS-managed (OwnerId `AWS`) prefix lists. */
  managedPrefixLists: ManagedPrefixList[];
  /** Prefix list id -> its entries (GetManagedPrefixListEntries). */
  prefixListEntries: Record<string, PrefixListEntry[]>;
  /** VPC id -> attributes; a VPC absent here has a new VPC's defaults (DNS support only). */
  vpcAttributes: Record<string, SimVpcAttributes>;
  /** Instance id -> its user data, base64 as DescribeInstanceAttribute answers it. */
  userData: Record<string, string>;
}

/** The network part of a region with no resources. */
export function emptyEc2Network(): Ec2NetworkWorld {
  return {
    routeTables: [],
    networkAcls: [],
    internetGateways: [],
    egressOnlyInternetGateways: [],
    natGateways: [],
    addresses: [],
    volumes: [],
    networkInterfaces: [],
    launchTemplates: [],
    launchTemplateVersions: [],
    keyPairs: [],
    vpcEndpoints: [],
    vpcPeeringConnections: [],
    managedPrefixLists: [],
    prefixListEntries: {},
    vpcAttributes: {},
    userData: {},
  };
}
