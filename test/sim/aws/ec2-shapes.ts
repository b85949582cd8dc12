import type {
  GroupIdentifier,
  Instance,
  IpPermission,
  Reservation,
  SecurityGroup,
  Subnet,
  Tag,
  Vpc,
} from '@aws-sdk/client-ec2';

/**
 * Builders for EC2 objects exactly as DescribeX returns them through the SDK (every field a real
 * answer carries, volatile ones included), shared by the sample and generated worlds.
 */

/** Tags from a plain record, in the record's order. */
export function tagsOf(tags: Readonly<Record<string, string>>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** What varies between instances. */
export interface InstanceSpec {
  accountId: string;
  region: string;
  availabilityZone: string;
  instanceId: string;
  imageId: string;
  instanceType: 't3.micro' | 't3.small' | 'm6i.large' | 'r6g.large' | 'c7g.xlarge';
  running: boolean;
  launchTime: Date;
  subnetId: string;
  vpcId: string;
  privateIp: string;
  /** Only for running instances in public subnets. */
  publicIp?: string;
  securityGroups: GroupIdentifier[];
  tags: Readonly<Record<string, string>>;
  volumeId: string;
  networkInterfaceId: string;
  attachmentId: string;
  macAddress: string;
  keyName?: string;
  clientToken: string;
}

/** An instance as DescribeInstances returns it. */
export function instanceShape(s: InstanceSpec): Instance {
  const arm = s.instanceType === 'r6g.large' || s.instanceType === 'c7g.xlarge';
  const privateDns = `ip-${s.privateIp.replaceAll('.', '-')}.${s.region}.compute.internal`;
  const publicIp = s.running ? s.publicIp : undefined;
  const publicDns = publicIp
    ? `ec2-${publicIp.replaceAll('.', '-')}.${s.region}.compute.amazonaws.com`
    : '';
  const association = publicIp
    ? { IpOwnerId: 'amazon', PublicDnsName: publicDns, PublicIp: publicIp }
    : undefined;
  return {
    AmiLaunchIndex: 0,
    ImageId: s.imageId,
    InstanceId: s.instanceId,
    InstanceType: s.instanceType,
    ...(s.keyName ? { KeyName: s.keyName } : {}),
    LaunchTime: s.launchTime,
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: s.availabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: privateDns,
    PrivateIpAddress: s.privateIp,
    ProductCodes: [],
    PublicDnsName: publicDns,
    ...(publicIp ? { PublicIpAddress: publicIp } : {}),
    State: s.running ? { Code: 16, Name: 'running' } : { Code: 80, Name: 'stopped' },
    StateTransitionReason: s.running ? '' : 'User initiated (2026-05-04 18:02:11 GMT)',
    SubnetId: s.subnetId,
    VpcId: s.vpcId,
    Architecture: arm ? 'arm64' : 'x86_64',
    BlockDeviceMappings: [
      {
        DeviceName: '/dev/xvda',
        Ebs: {
          AttachTime: s.launchTime,
          DeleteOnTermination: true,
          Status: 'attached',
          VolumeId: s.volumeId,
        },
      },
    ],
    ClientToken: s.clientToken,
    EbsOptimized: s.instanceType !== 't3.micro',
    EnaSupport: true,
    Hypervisor: 'xen',
    NetworkInterfaces: [
      {
        ...(association ? { Association: association } : {}),
        Attachment: {
          AttachTime: s.launchTime,
          AttachmentId: s.attachmentId,
          DeleteOnTermination: true,
          DeviceIndex: 0,
          Status: 'attached',
          NetworkCardIndex: 0,
        },
        Description: '',
        Groups: s.securityGroups,
        Ipv6Addresses: [],
        MacAddress: s.macAddress,
        NetworkInterfaceId: s.networkInterfaceId,
        OwnerId: s.accountId,
        PrivateDnsName: privateDns,
        PrivateIpAddress: s.privateIp,
        PrivateIpAddresses: [
          {
            ...(association ? { Association: association } : {}),
            Primary: true,
            PrivateDnsName: privateDns,
            PrivateIpAddress: s.privateIp,
          },
        ],
        SourceDestCheck: true,
        Status: 'in-use',
        SubnetId: s.subnetId,
        VpcId: s.vpcId,
        InterfaceType: 'interface',
        Operator: { Managed: false },
      },
    ],
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SecurityGroups: s.securityGroups,
    SourceDestCheck: true,
    ...(s.running
      ? {}
      : {
          StateReason: {
            Code: 'Client.UserInitiatedShutdown',
            Message: 'Client.UserInitiatedShutdown: User initiated shutdown',
          },
        }),
    Tags: tagsOf(s.tags),
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: 1, ThreadsPerCore: arm ? 1 : 2 },
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    BootMode: arm ? 'uefi' : 'uefi-preferred',
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    UsageOperationUpdateTime: s.launchTime,
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    MaintenanceOptions: { AutoRecovery: 'default' },
    CurrentInstanceBootMode: arm ? 'uefi' : 'legacy-bios',
    Operator: { Managed: false },
  };
}

/** A reservation holding instances launched together. */
export function reservationShape(
  reservationId: string,
  accountId: string,
  instances: Instance[],
): Reservation {
  return { ReservationId: reservationId, OwnerId: accountId, Groups: [], Instances: instances };
}

/** A VPC as DescribeVpcs returns it. */
export function vpcShape(p: {
  accountId: string;
  vpcId: string;
  cidr: string;
  associationId: string;
  dhcpOptionsId: string;
  isDefault: boolean;
  tags: Readonly<Record<string, string>>;
}): Vpc {
  return {
    OwnerId: p.accountId,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [
      {
        AssociationId: p.associationId,
        CidrBlock: p.cidr,
        CidrBlockState: { State: 'associated' },
      },
    ],
    IsDefault: p.isDefault,
    ...(Object.keys(p.tags).length > 0 ? { Tags: tagsOf(p.tags) } : {}),
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    VpcId: p.vpcId,
    State: 'available',
    CidrBlock: p.cidr,
    DhcpOptionsId: p.dhcpOptionsId,
  };
}

/** A subnet as DescribeSubnets returns it. */
export function subnetShape(p: {
  accountId: string;
  region: string;
  subnetId: string;
  vpcId: string;
  cidr: string;
  availabilityZone: string;
  availabilityZoneId: string;
  availableIpAddressCount: number;
  mapPublicIpOnLaunch: boolean;
  tags: Readonly<Record<string, string>>;
}): Subnet {
  return {
    AvailabilityZoneId: p.availabilityZoneId,
    MapCustomerOwnedIpOnLaunch: false,
    OwnerId: p.accountId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tagsOf(p.tags),
    SubnetArn: `arn:aws:ec2:${p.region}:${p.accountId}:subnet/${p.subnetId}`,
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    SubnetId: p.subnetId,
    State: 'available',
    VpcId: p.vpcId,
    CidrBlock: p.cidr,
    AvailableIpAddressCount: p.availableIpAddressCount,
    AvailabilityZone: p.availabilityZone,
    DefaultForAz: false,
    MapPublicIpOnLaunch: p.mapPublicIpOnLaunch,
  };
}

/** The rule every new security group gets: all egress to anywhere. */
export function allowAllEgress(): IpPermission[] {
  return [
    {
      IpProtocol: '-1',
      UserIdGroupPairs: [],
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
      Ipv6Ranges: [],
      PrefixListIds: [],
    },
  ];
}

/** A security group as DescribeSecurityGroups returns it. */
export function securityGroupShape(p: {
  accountId: string;
  region: string;
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ingress: IpPermission[];
  egress?: IpPermission[];
  tags?: Readonly<Record<string, string>>;
}): SecurityGroup {
  return {
    GroupId: p.groupId,
    IpPermissionsEgress: p.egress ?? allowAllEgress(),
    ...(p.tags && Object.keys(p.tags).length > 0 ? { Tags: tagsOf(p.tags) } : {}),
    VpcId: p.vpcId,
    SecurityGroupArn: `arn:aws:ec2:${p.region}:${p.accountId}:security-group/${p.groupId}`,
    OwnerId: p.accountId,
    GroupName: p.groupName,
    Description: p.description,
    IpPermissions: p.ingress,
  };
}

/** An ingress or egress rule; unset sources are the empty lists EC2 answers. */
export function rule(p: Partial<IpPermission> & { IpProtocol: string }): IpPermission {
  return { UserIdGroupPairs: [], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], ...p };
}
