import type { Resource } from '../../model/schema.js';
import { dropGatewayAttachmentStates, sortGatewayAttachments } from './ec2-gateway-attachment.js';
import { dropInstanceVolatileFields, sortInstanceLists } from './ec2-instance.js';
import { sortLaunchTemplateVersionLists } from './ec2-launch-template.js';
import { dropNatGatewayVolatileFields, sortNatGatewayLists } from './ec2-nat-gateway.js';
import { sortNetworkAclLists } from './ec2-network-acl.js';
import {
  dropNetworkInterfaceVolatileFields,
  sortNetworkInterfaceLists,
} from './ec2-network-interface.js';
import { dropPrefixListVolatileFields, sortPrefixListEntries } from './ec2-prefix-list.js';
import { dropRouteTableVolatileFields, sortRouteTableLists } from './ec2-route-table.js';
import { sortSecurityGroupRules } from './ec2-security-group.js';
import { dropSubnetVolatileFields, sortSubnetLists } from './ec2-subnet.js';
import { dropVolumeVolatileFields, sortVolumeLists } from './ec2-volume.js';
import { dropVpcVolatileFields, sortVpcLists } from './ec2-vpc.js';
import {
  dropVpcEndpointVolatileFields,
  parseVpcEndpointPolicy,
  sortVpcEndpointLists,
} from './ec2-vpc-endpoint.js';
import { dropVpcPeeringVolatileFields, sortVpcPeeringLists } from './ec2-vpc-peering.js';
import { dropAccessEntryVolatileFields, sortAccessEntryLists } from './eks-access-entry.js';
import { dropAddonVolatileFields, sortAddonLists } from './eks-addon.js';
import {
  dropClusterConnectorSecret,
  dropClusterVolatileFields,
  sortClusterLists,
} from './eks-cluster.js';
import {
  dropFargateProfileVolatileFields,
  sortFargateProfileLists,
} from './eks-fargate-profile.js';
import { dropIdentityProviderConfigVolatileFields } from './eks-identity-provider-config.js';
import { dropNodegroupVolatileFields, sortNodegroupLists } from './eks-nodegroup.js';
import {
  dropPodIdentityVolatileFields,
  parsePodIdentityPolicy,
} from './eks-pod-identity-association.js';
import { redactCredentialValues } from './redact-values.js';
import {
  sortBucketLifecycleRules,
  sortBucketNotifications,
  sortBucketReplicationRules,
  sortBucketTagSet,
} from './s3-bucket.js';
import { canonicalizeBucketPolicy } from './s3-bucket-policy.js';
import { sortTags } from './sort-tags.js';
import type { NormalizeStep } from './step.js';
import { toPlainData } from './to-plain-data.js';

// When a step's output changes, bump FORMAT_VERSION in ../format.ts: the trail then records the
// rewritten files in their own `format:` commit instead of as observed change.
// The one place the chain is declared: steps for every type around each type's own steps.
const FIRST: readonly NormalizeStep[] = [toPlainData];
const BY_TYPE: ReadonlyMap<string, readonly NormalizeStep[]> = new Map([
  ['AWS::EC2::Instance', [dropInstanceVolatileFields, sortInstanceLists]],
  ['AWS::EC2::SecurityGroup', [sortSecurityGroupRules]],
  ['AWS::EC2::Subnet', [dropSubnetVolatileFields, sortSubnetLists]],
  ['AWS::EC2::VPC', [dropVpcVolatileFields, sortVpcLists]],
  ['AWS::EC2::RouteTable', [dropRouteTableVolatileFields, sortRouteTableLists]],
  ['AWS::EC2::NetworkAcl', [sortNetworkAclLists]],
  ['AWS::EC2::InternetGateway', [dropGatewayAttachmentStates, sortGatewayAttachments]],
  ['AWS::EC2::EgressOnlyInternetGateway', [dropGatewayAttachmentStates, sortGatewayAttachments]],
  ['AWS::EC2::NatGateway', [dropNatGatewayVolatileFields, sortNatGatewayLists]],
  ['AWS::EC2::Volume', [dropVolumeVolatileFields, sortVolumeLists]],
  ['AWS::EC2::NetworkInterface', [dropNetworkInterfaceVolatileFields, sortNetworkInterfaceLists]],
  ['AWS::EC2::LaunchTemplate', [sortLaunchTemplateVersionLists]],
  [
    'AWS::EC2::VPCEndpoint',
    [dropVpcEndpointVolatileFields, parseVpcEndpointPolicy, sortVpcEndpointLists],
  ],
  ['AWS::EC2::VPCPeeringConnection', [dropVpcPeeringVolatileFields, sortVpcPeeringLists]],
  ['AWS::EC2::PrefixList', [dropPrefixListVolatileFields, sortPrefixListEntries]],
  ['AWS::EKS::Cluster', [dropClusterConnectorSecret, sortClusterLists]],
  ['AWS::EKS::Nodegroup', [sortNodegroupLists]],
  ['AWS::EKS::Addon', [sortAddonLists]],
  ['AWS::EKS::FargateProfile', [sortFargateProfileLists]],
  ['AWS::EKS::AccessEntry', [sortAccessEntryLists]],
  ['AWS::EKS::PodIdentityAssociation', [parsePodIdentityPolicy]],
  [
    'AWS::S3::Bucket',
    [
      canonicalizeBucketPolicy,
      sortBucketLifecycleRules,
      sortBucketReplicationRules,
      sortBucketTagSet,
      sortBucketNotifications,
    ],
  ],
]);
// Fields AWS changes on its own; they run before the type's own steps unless the target keeps
// them (`keepVolatile`).
const VOLATILE_BY_TYPE: ReadonlyMap<string, readonly NormalizeStep[]> = new Map([
  ['AWS::EKS::Cluster', [dropClusterVolatileFields]],
  ['AWS::EKS::Nodegroup', [dropNodegroupVolatileFields]],
  ['AWS::EKS::Addon', [dropAddonVolatileFields]],
  ['AWS::EKS::FargateProfile', [dropFargateProfileVolatileFields]],
  ['AWS::EKS::AccessEntry', [dropAccessEntryVolatileFields]],
  ['AWS::EKS::PodIdentityAssociation', [dropPodIdentityVolatileFields]],
  ['AWS::EKS::IdentityProviderConfig', [dropIdentityProviderConfigVolatileFields]],
]);
// Collected types that need no step of their own, and why (every collected type is in BY_TYPE,
// VOLATILE_BY_TYPE or here: test/unit/repo/resource-types.test.ts checks it).
const NO_OWN_STEPS: ReadonlyMap<string, string> = new Map([
  ['AWS::EC2::EIP', 'a flat object: no field AWS changes on its own, no list but its tags'],
  ['AWS::EC2::KeyPair', 'a flat object: no field AWS changes on its own, no list but its tags'],
]);
// Redaction runs last so that no step after it can bring a value back.
const LAST: readonly NormalizeStep[] = [sortTags, redactCredentialValues];

/** What a target asks of normalization (its `CollectOptions`). */
export interface NormalizeOptions {
  /** Keep the fields AWS changes on its own (the volatile steps are skipped). @default false */
  readonly keepVolatile?: boolean | undefined;
}

/** The ordered steps a resource of `resourceType` goes through. */
export function normalizationSteps(
  resourceType: string,
  options: NormalizeOptions = {},
): readonly NormalizeStep[] {
  const volatile = options.keepVolatile ? [] : (VOLATILE_BY_TYPE.get(resourceType) ?? []);
  return [...FIRST, ...volatile, ...(BY_TYPE.get(resourceType) ?? []), ...LAST];
}

/** Normalizes a collector's record (configuration as the SDK returned it) into what the trail stores; never mutates its input. */
export function normalizeResource(resource: Resource, options: NormalizeOptions = {}): Resource {
  let normalized = resource;
  for (const step of normalizationSteps(resource.resourceType, options)) {
    normalized = step(normalized);
  }
  return normalized;
}

/**
 * Why a collected type needs no normalization step of its own, or undefined when it has steps
 * (or is unknown here). A new collected type gets steps or a reason: see README "Adding a
 * resource type".
 */
export function noOwnStepsReason(resourceType: string): string | undefined {
  return NO_OWN_STEPS.get(resourceType);
}

/** True when the chain has steps of the type's own (volatile fields or its own sorting). */
export function hasOwnSteps(resourceType: string): boolean {
  return BY_TYPE.has(resourceType) || VOLATILE_BY_TYPE.has(resourceType);
}
