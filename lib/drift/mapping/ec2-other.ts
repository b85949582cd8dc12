import { normalizePolicy } from '../normalize-policy.js';
import { normalizeStringSet } from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { configAt, idAttribute, stateAt, supplementaryAt } from './read.js';
import type { AttributeSpec, TypeMapping } from './types.js';

/** `aws_ebs_volume` -> `AWS::EC2::Volume`. */
export const AWS_EBS_VOLUME: TypeMapping = {
  terraformTypes: ['aws_ebs_volume'],
  resourceType: 'AWS::EC2::Volume',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('availability_zone', ['AvailabilityZone']),
    field('size', ['Size'], 'number'),
    field('type', ['VolumeType']),
    field('iops', ['Iops'], 'number'),
    field('throughput', ['Throughput'], 'number'),
    field('encrypted', ['Encrypted'], 'bool'),
    field('kms_key_id', ['KmsKeyId']),
    TAGS,
  ],
};

/** `aws_key_pair` (id = key name) -> `AWS::EC2::KeyPair`. */
export const AWS_KEY_PAIR: TypeMapping = {
  terraformTypes: ['aws_key_pair'],
  resourceType: 'AWS::EC2::KeyPair',
  role: 'primary',
  cloudId: (attributes) =>
    idAttribute(attributes) ?? (attributes['key_name'] as string | undefined),
  attributes: [field('key_type', ['KeyType']), TAGS],
};

// Terraform's launch template attributes describe its latest version.
function latest(
  name: string,
  path: readonly string[],
  normalize = field(name, []).normalize,
): AttributeSpec {
  return {
    name,
    state: (attributes) => stateAt(attributes, name),
    cloud: (resource) => supplementaryAt(resource, 'LatestVersion', 'LaunchTemplateData', ...path),
    normalize,
  };
}

/** `aws_launch_template` -> `AWS::EC2::LaunchTemplate`, against its latest version. */
export const AWS_LAUNCH_TEMPLATE: TypeMapping = {
  terraformTypes: ['aws_launch_template'],
  resourceType: 'AWS::EC2::LaunchTemplate',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('name', ['LaunchTemplateName']),
    field('default_version', ['DefaultVersionNumber'], 'number'),
    field('latest_version', ['LatestVersionNumber'], 'number'),
    latest('image_id', ['ImageId']),
    latest('instance_type', ['InstanceType']),
    latest('key_name', ['KeyName']),
    { ...latest('vpc_security_group_ids', ['SecurityGroupIds'], normalizeStringSet), kind: 'set' },
    TAGS,
  ],
};

/** `aws_vpc_endpoint` -> `AWS::EC2::VPCEndpoint`. */
export const AWS_VPC_ENDPOINT: TypeMapping = {
  terraformTypes: ['aws_vpc_endpoint'],
  resourceType: 'AWS::EC2::VPCEndpoint',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('vpc_id', ['VpcId']),
    field('service_name', ['ServiceName']),
    field('vpc_endpoint_type', ['VpcEndpointType']),
    field('private_dns_enabled', ['PrivateDnsEnabled'], 'bool'),
    field('route_table_ids', ['RouteTableIds'], 'set'),
    field('subnet_ids', ['SubnetIds'], 'set'),
    {
      ...field('security_group_ids', [], 'set'),
      cloud: (resource) => {
        const groups = configAt(resource, 'Groups');
        return Array.isArray(groups)
          ? groups.map((g) => (g as Record<string, unknown>)['GroupId'])
          : groups;
      },
    },
    {
      name: 'policy',
      state: (attributes) => stateAt(attributes, 'policy'),
      cloud: (resource) => configAt(resource, 'PolicyDocument'),
      normalize: normalizePolicy,
    },
    TAGS,
  ],
};
