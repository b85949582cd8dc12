import { normalizeBoolean, normalizeString } from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { configAt, idAttribute, stateAt, supplementaryAt } from './read.js';
import type { TypeMapping } from './types.js';

/** `aws_vpc`, `aws_default_vpc` -> `AWS::EC2::VPC`. */
export const AWS_VPC: TypeMapping = {
  terraformTypes: ['aws_vpc', 'aws_default_vpc'],
  resourceType: 'AWS::EC2::VPC',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('cidr_block', ['CidrBlock']),
    field('instance_tenancy', ['InstanceTenancy']),
    ...(['enable_dns_support', 'enable_dns_hostnames'] as const).map((name) => ({
      name,
      state: (attributes: Readonly<Record<string, unknown>>) => stateAt(attributes, name),
      cloud: (resource: Parameters<typeof supplementaryAt>[0]) =>
        supplementaryAt(
          resource,
          name === 'enable_dns_support' ? 'EnableDnsSupport' : 'EnableDnsHostnames',
        ),
      normalize: normalizeBoolean,
    })),
    TAGS,
  ],
};

/** `aws_subnet`, `aws_default_subnet` -> `AWS::EC2::Subnet`. */
export const AWS_SUBNET: TypeMapping = {
  terraformTypes: ['aws_subnet', 'aws_default_subnet'],
  resourceType: 'AWS::EC2::Subnet',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('vpc_id', ['VpcId']),
    field('cidr_block', ['CidrBlock']),
    field('availability_zone', ['AvailabilityZone']),
    field('map_public_ip_on_launch', ['MapPublicIpOnLaunch'], 'bool'),
    field('assign_ipv6_address_on_creation', ['AssignIpv6AddressOnCreation'], 'bool'),
    TAGS,
  ],
};

/** `aws_internet_gateway` -> `AWS::EC2::InternetGateway`. */
export const AWS_INTERNET_GATEWAY: TypeMapping = {
  terraformTypes: ['aws_internet_gateway'],
  resourceType: 'AWS::EC2::InternetGateway',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [field('vpc_id', ['Attachments', 0, 'VpcId']), TAGS],
};

/** `aws_nat_gateway` -> `AWS::EC2::NatGateway`. */
export const AWS_NAT_GATEWAY: TypeMapping = {
  terraformTypes: ['aws_nat_gateway'],
  resourceType: 'AWS::EC2::NatGateway',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('subnet_id', ['SubnetId']),
    field('connectivity_type', ['ConnectivityType']),
    field('allocation_id', ['NatGatewayAddresses', 0, 'AllocationId']),
    TAGS,
  ],
};

/** `aws_eip` (id = allocation id) -> `AWS::EC2::EIP`. */
export const AWS_EIP: TypeMapping = {
  terraformTypes: ['aws_eip'],
  resourceType: 'AWS::EC2::EIP',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    {
      name: 'domain',
      state: (attributes) => stateAt(attributes, 'domain'),
      cloud: (resource) => configAt(resource, 'Domain'),
      normalize: normalizeString,
    },
    field('public_ipv4_pool', ['PublicIpv4Pool']),
    TAGS,
  ],
};
