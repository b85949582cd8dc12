import type { Resource } from '../model/schema.js';
import { type InstanceScope, instanceScope } from '../terraform/scope.js';
import { SENSITIVE, type StateInstance } from '../terraform/state-instance.js';
import type { Attributes } from './mapping/types.js';

/** A resource AWS made with a Terraform-managed one, named in that one's state. */
interface Claim {
  readonly resourceType: string;
  readonly id: string;
}

/** The claims of one Terraform type, read from an instance's attributes. */
type ClaimRule = (attributes: Attributes) => Claim[];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' && value !== SENSITIVE ? value : undefined;

const objects = (value: unknown): Attributes[] =>
  Array.isArray(value) ? value.filter((v): v is Attributes => typeof v === 'object' && !!v) : [];

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(text).filter((v) => v !== undefined) : [];

function claims(resourceType: string, ids: readonly (string | undefined)[]): Claim[] {
  return ids.filter((id) => id !== undefined).map((id) => ({ resourceType, id }));
}

// EKS writes an access entry for a node role (EC2_LINUX) or a pod execution role (FARGATE_LINUX)
// when the cluster's authentication mode allows entries; its id is Terraform's `cluster:principal`.
function accessEntry(cluster: unknown, principal: unknown): Claim[] {
  const name = text(cluster);
  const arn = text(principal);
  return name && arn ? claims('AWS::EKS::AccessEntry', [`${name}:${arn}`]) : [];
}

/**
 * What each Terraform type's state says AWS created with it: an instance's root and launch-time
 * EBS volumes and primary interface, a VPC's default security group, network ACL and main route
 * table, a NAT gateway's addresses and interface, an endpoint's interfaces, an EKS cluster's
 * security group, a node group's remote-access group and node-role access entry.
 */
const RULES: Readonly<Record<string, ClaimRule>> = {
  aws_instance: (a) => [
    ...claims(
      'AWS::EC2::Volume',
      [...objects(a['root_block_device']), ...objects(a['ebs_block_device'])].map((d) =>
        text(d['volume_id']),
      ),
    ),
    ...claims('AWS::EC2::NetworkInterface', [text(a['primary_network_interface_id'])]),
  ],
  aws_vpc: vpcDefaults,
  aws_default_vpc: vpcDefaults,
  aws_nat_gateway: (a) => [
    ...claims('AWS::EC2::EIP', [text(a['allocation_id']), ...texts(a['secondary_allocation_ids'])]),
    ...claims('AWS::EC2::NetworkInterface', [text(a['network_interface_id'])]),
  ],
  aws_vpc_endpoint: (a) => claims('AWS::EC2::NetworkInterface', texts(a['network_interface_ids'])),
  aws_eks_cluster: (a) =>
    claims(
      'AWS::EC2::SecurityGroup',
      objects(a['vpc_config']).map((c) => text(c['cluster_security_group_id'])),
    ),
  aws_eks_node_group: (a) => [
    ...claims(
      'AWS::EC2::SecurityGroup',
      objects(a['resources']).map((r) => text(r['remote_access_security_group_id'])),
    ),
    ...accessEntry(a['cluster_name'], a['node_role_arn']),
  ],
  aws_eks_fargate_profile: (a) => accessEntry(a['cluster_name'], a['pod_execution_role_arn']),
};

function vpcDefaults(a: Attributes): Claim[] {
  return [
    ...claims('AWS::EC2::SecurityGroup', [text(a['default_security_group_id'])]),
    ...claims('AWS::EC2::NetworkAcl', [text(a['default_network_acl_id'])]),
    ...claims('AWS::EC2::RouteTable', [text(a['main_route_table_id'])]),
  ];
}

/** Where a claim was made: the owner's location and address. */
interface ClaimedBy {
  readonly resourceType: string;
  readonly location: InstanceScope;
  readonly address: string;
}

/** Resources managed through their owner's Terraform state, looked up by id. */
export interface StateClaims {
  /** The address of the instance that claims `resource`, if one does. */
  claimedBy(resource: Resource): string | undefined;
}

const fits = (r: Resource, { resourceType, location }: ClaimedBy) =>
  r.resourceType === resourceType &&
  (location.accountId === undefined || r.accountId === location.accountId) &&
  (location.region === undefined || r.awsRegion === location.region);

/**
 * Reads the claims of every current (not deposed) instance. A claim names its resource by id in
 * the owner's account and region (when the owner says them), so an instance's volume counts as
 * managed with the instance, never as unmanaged.
 */
export function readStateClaims(instances: readonly StateInstance[]): StateClaims {
  const byId = new Map<string, ClaimedBy[]>();
  for (const instance of instances) {
    const rule = RULES[instance.type];
    if (rule === undefined || instance.deposed !== undefined) continue;
    for (const claim of rule(instance.attributes)) {
      const held = byId.get(claim.id) ?? [];
      if (held.length === 0) byId.set(claim.id, held);
      held.push({
        resourceType: claim.resourceType,
        location: instanceScope(instance),
        address: instance.address,
      });
    }
  }
  return {
    claimedBy: (resource) => byId.get(resource.resourceId)?.find((c) => fits(resource, c))?.address,
  };
}
