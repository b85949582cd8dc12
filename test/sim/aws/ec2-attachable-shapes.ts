import type {
  Address,
  GroupIdentifier,
  KeyPairInfo,
  NetworkInterface,
  Volume,
} from '@aws-sdk/client-ec2';
import { tagsOf } from './ec2-shapes.js';

/**
 * Builders for what attaches to instances (Elastic IPs, EBS volumes, network interfaces) and key
 * pairs, exactly as their DescribeX calls return them through the SDK, volatile fields included.
 */

type Tags = Readonly<Record<string, string>>;

/** An Elastic IP, associated with an ENI (and its instance, if any) when `association` is given. */
export function addressShape(p: {
  region: string;
  allocationId: string;
  publicIp: string;
  association?: {
    associationId: string;
    networkInterfaceId: string;
    ownerId: string;
    privateIp: string;
    instanceId?: string;
  };
  tags?: Tags;
}): Address {
  const a = p.association;
  return {
    AllocationId: p.allocationId,
    ...(a
      ? {
          AssociationId: a.associationId,
          NetworkInterfaceId: a.networkInterfaceId,
          NetworkInterfaceOwnerId: a.ownerId,
          PrivateIpAddress: a.privateIp,
          ...(a.instanceId ? { InstanceId: a.instanceId } : {}),
        }
      : {}),
    Domain: 'vpc',
    Tags: tagsOf(p.tags ?? {}),
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: p.region,
    PublicIp: p.publicIp,
  };
}

/** An encrypted gp3 volume, attached to an instance when `attachment` is given. */
export function volumeShape(p: {
  accountId: string;
  region: string;
  volumeId: string;
  availabilityZone: string;
  sizeGiB: number;
  createTime: Date;
  snapshotId?: string;
  attachment?: {
    instanceId: string;
    device: string;
    attachTime: Date;
    deleteOnTermination: boolean;
  };
  tags?: Tags;
}): Volume {
  const a = p.attachment;
  return {
    Iops: 3000,
    Tags: tagsOf(p.tags ?? {}),
    VolumeType: 'gp3',
    MultiAttachEnabled: false,
    Throughput: 125,
    VolumeId: p.volumeId,
    Size: p.sizeGiB,
    SnapshotId: p.snapshotId ?? '',
    AvailabilityZone: p.availabilityZone,
    State: a ? 'in-use' : 'available',
    CreateTime: p.createTime,
    Attachments: a
      ? [
          {
            DeleteOnTermination: a.deleteOnTermination,
            VolumeId: p.volumeId,
            InstanceId: a.instanceId,
            Device: a.device,
            State: 'attached',
            AttachTime: a.attachTime,
          },
        ]
      : [],
    Encrypted: true,
    KmsKeyId: `arn:aws:kms:${p.region}:${p.accountId}:key/0a1b2c3d-4e5f-4071-8a9b-0c1d2e3f4a5b`,
  };
}

/** What varies between network interfaces. */
export interface NetworkInterfaceSpec {
  accountId: string;
  region: string;
  networkInterfaceId: string;
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  privateIp: string;
  macAddress: string;
  groups: GroupIdentifier[];
  description?: string;
  interfaceType?: NetworkInterface['InterfaceType'];
  /** Set for ENIs a service made in the account's VPC (NAT gateway, endpoint, Lambda...). */
  requesterId?: string;
  attachment?: { attachmentId: string; instanceId?: string; deviceIndex: number; attachTime: Date };
  /** A public address: an Elastic IP (with allocation) or one AWS lends (`amazon`). */
  publicIp?: { ip: string; allocationId?: string; associationId?: string };
  tags?: Tags;
}

/** A network interface as DescribeNetworkInterfaces returns it. */
export function networkInterfaceShape(s: NetworkInterfaceSpec): NetworkInterface {
  const privateDns = `ip-${s.privateIp.replaceAll('.', '-')}.${s.region}.compute.internal`;
  const association = s.publicIp
    ? {
        ...(s.publicIp.allocationId
          ? { AllocationId: s.publicIp.allocationId, AssociationId: s.publicIp.associationId }
          : {}),
        IpOwnerId: s.publicIp.allocationId ? s.accountId : 'amazon',
        PublicDnsName: `ec2-${s.publicIp.ip.replaceAll('.', '-')}.${s.region}.compute.amazonaws.com`,
        PublicIp: s.publicIp.ip,
      }
    : undefined;
  const a = s.attachment;
  return {
    ...(association ? { Association: association } : {}),
    ...(a
      ? {
          Attachment: {
            AttachTime: a.attachTime,
            AttachmentId: a.attachmentId,
            DeleteOnTermination: a.instanceId !== undefined && a.deviceIndex === 0,
            DeviceIndex: a.deviceIndex,
            NetworkCardIndex: 0,
            ...(a.instanceId ? { InstanceId: a.instanceId, InstanceOwnerId: s.accountId } : {}),
            Status: 'attached',
          },
        }
      : {}),
    AvailabilityZone: s.availabilityZone,
    Description: s.description ?? '',
    Groups: s.groups,
    InterfaceType: s.interfaceType ?? 'interface',
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
    ...(s.requesterId ? { RequesterId: s.requesterId } : {}),
    RequesterManaged: s.requesterId !== undefined,
    SourceDestCheck: true,
    Status: a ? 'in-use' : 'available',
    SubnetId: s.subnetId,
    TagSet: tagsOf(s.tags ?? {}),
    VpcId: s.vpcId,
    Operator: { Managed: false },
  };
}

/** An ED25519 key pair as DescribeKeyPairs returns it (public key only with IncludePublicKey). */
export function keyPairShape(p: {
  keyPairId: string;
  keyName: string;
  fingerprint: string;
  createTime: Date;
  publicKey?: string;
  tags?: Tags;
}): KeyPairInfo {
  return {
    KeyPairId: p.keyPairId,
    KeyType: 'ed25519',
    Tags: tagsOf(p.tags ?? {}),
    ...(p.publicKey ? { PublicKey: p.publicKey } : {}),
    CreateTime: p.createTime,
    KeyName: p.keyName,
    KeyFingerprint: p.fingerprint,
  };
}
