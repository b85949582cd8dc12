import type {
  LaunchTemplate,
  LaunchTemplateVersion,
  ResponseLaunchTemplateData,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { tagsOf } from './ec2-shapes.js';

/** Builders for launch templates (with their versions) and VPC endpoints, as DescribeX returns them. */

type Tags = Readonly<Record<string, string>>;

/** What one launch template version launches. */
export interface TemplateVersionSpec {
  createTime: Date;
  description?: string;
  imageId: string;
  instanceType: string;
  securityGroupIds: string[];
  /** Base64 user data, as the API holds it. */
  userData?: string;
  keyName?: string;
}

/** A launch template and all its versions (version `defaultVersion` is the default; 1-based). */
export function launchTemplateShape(p: {
  accountId: string;
  launchTemplateId: string;
  name: string;
  createdBy: string;
  versions: readonly TemplateVersionSpec[];
  defaultVersion?: number;
  tags?: Tags;
}): { template: LaunchTemplate; versions: LaunchTemplateVersion[] } {
  const defaultVersion = p.defaultVersion ?? 1;
  const template: LaunchTemplate = {
    LaunchTemplateId: p.launchTemplateId,
    LaunchTemplateName: p.name,
    CreateTime: p.versions[0]?.createTime ?? new Date(0),
    CreatedBy: p.createdBy,
    DefaultVersionNumber: defaultVersion,
    LatestVersionNumber: p.versions.length,
    Tags: tagsOf(p.tags ?? {}),
  };
  const versions = p.versions.map(
    (v, i): LaunchTemplateVersion => ({
      LaunchTemplateId: p.launchTemplateId,
      LaunchTemplateName: p.name,
      VersionNumber: i + 1,
      ...(v.description ? { VersionDescription: v.description } : {}),
      CreateTime: v.createTime,
      CreatedBy: p.createdBy,
      DefaultVersion: i + 1 === defaultVersion,
      LaunchTemplateData: templateData(v, p.tags ?? {}),
    }),
  );
  return { template, versions };
}

function templateData(v: TemplateVersionSpec, tags: Tags): ResponseLaunchTemplateData {
  return {
    BlockDeviceMappings: [
      {
        DeviceName: '/dev/xvda',
        Ebs: { Encrypted: true, DeleteOnTermination: true, VolumeSize: 20, VolumeType: 'gp3' },
      },
    ],
    ImageId: v.imageId,
    InstanceType: v.instanceType as ResponseLaunchTemplateData['InstanceType'],
    ...(v.keyName ? { KeyName: v.keyName } : {}),
    ...(v.userData ? { UserData: v.userData } : {}),
    TagSpecifications: [
      { ResourceType: 'volume', Tags: tagsOf(tags) },
      { ResourceType: 'instance', Tags: tagsOf(tags) },
    ],
    SecurityGroupIds: v.securityGroupIds,
    MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
  };
}

/** A gateway endpoint (S3, DynamoDB): routes in route tables, a policy, no ENIs. */
export function gatewayEndpointShape(p: {
  accountId: string;
  region: string;
  vpcEndpointId: string;
  vpcId: string;
  service: 's3' | 'dynamodb';
  routeTableIds: string[];
  policy: object;
  createTime: Date;
  tags?: Tags;
}): VpcEndpoint {
  return {
    VpcEndpointId: p.vpcEndpointId,
    VpcEndpointType: 'Gateway',
    VpcId: p.vpcId,
    ServiceName: `com.amazonaws.${p.region}.${p.service}`,
    State: 'available' as VpcEndpoint['State'],
    // EC2 answers the policy as a JSON string, laid out its own way.
    PolicyDocument: JSON.stringify(p.policy, null, 2),
    RouteTableIds: p.routeTableIds,
    SubnetIds: [],
    Groups: [],
    IpAddressType: 'ipv4',
    PrivateDnsEnabled: false,
    RequesterManaged: false,
    NetworkInterfaceIds: [],
    DnsEntries: [],
    CreationTimestamp: p.createTime,
    Tags: tagsOf(p.tags ?? {}),
    OwnerId: p.accountId,
  };
}

/** An interface endpoint (SSM, STS...): an ENI per subnet, security groups, private DNS. */
export function interfaceEndpointShape(p: {
  accountId: string;
  region: string;
  vpcEndpointId: string;
  vpcId: string;
  service: string;
  subnetIds: string[];
  networkInterfaceIds: string[];
  groups: { GroupId: string; GroupName: string }[];
  createTime: Date;
  tags?: Tags;
}): VpcEndpoint {
  const host = `${p.vpcEndpointId}-0a1b2c3d.${p.service}.${p.region}.vpce.amazonaws.com`;
  return {
    VpcEndpointId: p.vpcEndpointId,
    VpcEndpointType: 'Interface',
    VpcId: p.vpcId,
    ServiceName: `com.amazonaws.${p.region}.${p.service}`,
    State: 'available' as VpcEndpoint['State'],
    PolicyDocument:
      '{\n  "Statement": [\n    {\n      "Action": "*", \n      "Effect": "Allow", \n      "Principal": "*", \n      "Resource": "*"\n    }\n  ]\n}',
    RouteTableIds: [],
    SubnetIds: p.subnetIds,
    Groups: p.groups,
    IpAddressType: 'ipv4',
    DnsOptions: { DnsRecordIpType: 'ipv4' },
    PrivateDnsEnabled: true,
    RequesterManaged: false,
    NetworkInterfaceIds: p.networkInterfaceIds,
    DnsEntries: [
      { DnsName: host, HostedZoneId: 'Z38GZ743OKFT7T' },
      { DnsName: `${p.service}.${p.region}.amazonaws.com`, HostedZoneId: 'Z0123456789ABCDEFGHIJ' },
    ],
    CreationTimestamp: p.createTime,
    Tags: tagsOf(p.tags ?? {}),
    OwnerId: p.accountId,
  };
}
