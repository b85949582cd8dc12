import { AWS_INSTANCE } from './ec2-instance.js';
import {
  AWS_EIP,
  AWS_INTERNET_GATEWAY,
  AWS_NAT_GATEWAY,
  AWS_SUBNET,
  AWS_VPC,
} from './ec2-network.js';
import { AWS_NETWORK_ACL, AWS_NETWORK_ACL_RULE } from './ec2-network-acl.js';
import {
  AWS_EBS_VOLUME,
  AWS_KEY_PAIR,
  AWS_LAUNCH_TEMPLATE,
  AWS_VPC_ENDPOINT,
} from './ec2-other.js';
import {
  AWS_EC2_MANAGED_PREFIX_LIST,
  AWS_EGRESS_ONLY_INTERNET_GATEWAY,
  AWS_VPC_PEERING_CONNECTION,
} from './ec2-peering-prefix.js';
import { AWS_ROUTE, AWS_ROUTE_TABLE } from './ec2-route-table.js';
import { AWS_SECURITY_GROUP } from './ec2-security-group.js';
import {
  AWS_SECURITY_GROUP_RULE,
  AWS_VPC_SECURITY_GROUP_RULES,
} from './ec2-security-group-rules.js';
import { AWS_EKS_ADDON, AWS_EKS_CLUSTER, AWS_EKS_NODE_GROUP } from './eks.js';
import {
  AWS_EKS_ACCESS_ENTRY,
  AWS_EKS_ACCESS_POLICY_ASSOCIATION,
  AWS_EKS_FARGATE_PROFILE,
  AWS_EKS_IDENTITY_PROVIDER_CONFIG,
  AWS_EKS_POD_IDENTITY_ASSOCIATION,
} from './eks-access.js';
import { AWS_S3_BUCKET } from './s3-bucket.js';
import { AWS_S3_BUCKET_SPLIT } from './s3-split.js';
import type { TypeMapping } from './types.js';

/** Every mapping; adding a type is a module and a line here. */
export const MAPPINGS: readonly TypeMapping[] = [
  AWS_INSTANCE,
  AWS_SECURITY_GROUP,
  AWS_SECURITY_GROUP_RULE,
  ...AWS_VPC_SECURITY_GROUP_RULES,
  AWS_VPC,
  AWS_SUBNET,
  AWS_ROUTE_TABLE,
  AWS_ROUTE,
  AWS_NETWORK_ACL,
  AWS_NETWORK_ACL_RULE,
  AWS_INTERNET_GATEWAY,
  AWS_EGRESS_ONLY_INTERNET_GATEWAY,
  AWS_VPC_PEERING_CONNECTION,
  AWS_EC2_MANAGED_PREFIX_LIST,
  AWS_NAT_GATEWAY,
  AWS_EIP,
  AWS_EBS_VOLUME,
  AWS_KEY_PAIR,
  AWS_LAUNCH_TEMPLATE,
  AWS_VPC_ENDPOINT,
  AWS_S3_BUCKET,
  ...AWS_S3_BUCKET_SPLIT,
  AWS_EKS_CLUSTER,
  AWS_EKS_NODE_GROUP,
  AWS_EKS_ADDON,
  AWS_EKS_FARGATE_PROFILE,
  AWS_EKS_ACCESS_ENTRY,
  AWS_EKS_ACCESS_POLICY_ASSOCIATION,
  AWS_EKS_POD_IDENTITY_ASSOCIATION,
  AWS_EKS_IDENTITY_PROVIDER_CONFIG,
];

/** The mapping of each Terraform type. */
export const BY_TERRAFORM_TYPE: ReadonlyMap<string, TypeMapping> = new Map(
  MAPPINGS.flatMap((mapping) => mapping.terraformTypes.map((type) => [type, mapping] as const)),
);

/** The primary mapping of each collected CloudFormation type (what an unmanaged one is called). */
export const BY_RESOURCE_TYPE: ReadonlyMap<string, TypeMapping> = new Map(
  MAPPINGS.filter((mapping) => mapping.role === 'primary').map(
    (mapping) => [mapping.resourceType, mapping] as const,
  ),
);

/**
 * Collected CloudFormation types with no Terraform mapping on purpose, and why. They count
 * neither as managed nor as unmanaged. Every collected type has a mapping in MAPPINGS or a line
 * here (test/unit/repo/resource-types.test.ts).
 */
export const NOT_MAPPED: ReadonlyMap<string, string> = new Map([
  [
    'AWS::EC2::NetworkInterface',
    'most interfaces belong to an instance, NAT gateway or endpoint that Terraform declares; ' +
      'aws_network_interface is not compared yet, so none counts as unmanaged',
  ],
]);
