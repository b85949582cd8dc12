import type { Normalizer } from '../normalize-values.js';
import {
  normalizeBoolean,
  normalizeCidrSet,
  normalizeJsonText,
  normalizeNumber,
  normalizeStringSet,
  normalizeTags,
} from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { blockAt, configAt, idAttribute, stateAt } from './read.js';
import type { AttributeSpec, TypeMapping } from './types.js';

function block(
  name: string,
  key: string,
  cloudPath: readonly string[],
  normalize: Normalizer,
  kind?: AttributeSpec['kind'],
): AttributeSpec {
  return {
    name: `${name}.${key}`,
    state: (attributes) => blockAt(attributes, name, key),
    cloud: (resource) => configAt(resource, ...cloudPath),
    normalize,
    ...(kind ? { kind } : {}),
  };
}

/** `aws_eks_cluster` (id = name) -> `AWS::EKS::Cluster`. */
export const AWS_EKS_CLUSTER: TypeMapping = {
  terraformTypes: ['aws_eks_cluster'],
  resourceType: 'AWS::EKS::Cluster',
  role: 'primary',
  cloudId: (attributes) => (attributes['name'] as string | undefined) ?? idAttribute(attributes),
  attributes: [
    field('version', ['version']),
    field('role_arn', ['roleArn']),
    block(
      'vpc_config',
      'subnet_ids',
      ['resourcesVpcConfig', 'subnetIds'],
      normalizeStringSet,
      'set',
    ),
    block(
      'vpc_config',
      'security_group_ids',
      ['resourcesVpcConfig', 'securityGroupIds'],
      normalizeStringSet,
      'set',
    ),
    block(
      'vpc_config',
      'endpoint_private_access',
      ['resourcesVpcConfig', 'endpointPrivateAccess'],
      normalizeBoolean,
    ),
    block(
      'vpc_config',
      'endpoint_public_access',
      ['resourcesVpcConfig', 'endpointPublicAccess'],
      normalizeBoolean,
    ),
    block(
      'vpc_config',
      'public_access_cidrs',
      ['resourcesVpcConfig', 'publicAccessCidrs'],
      normalizeCidrSet,
      'set',
    ),
    {
      name: 'enabled_cluster_log_types',
      state: (attributes) => stateAt(attributes, 'enabled_cluster_log_types'),
      cloud: (resource) => {
        const logging = configAt(resource, 'logging', 'clusterLogging');
        if (!Array.isArray(logging)) return logging;
        return logging.flatMap((entry: Record<string, unknown>) =>
          entry['enabled'] === true && Array.isArray(entry['types']) ? entry['types'] : [],
        );
      },
      normalize: normalizeStringSet,
      kind: 'set',
    },
    TAGS,
  ],
};

/** `aws_eks_node_group` (id = `cluster:nodegroup`, as the collector's) -> `AWS::EKS::Nodegroup`. */
export const AWS_EKS_NODE_GROUP: TypeMapping = {
  terraformTypes: ['aws_eks_node_group'],
  resourceType: 'AWS::EKS::Nodegroup',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('ami_type', ['amiType']),
    field('capacity_type', ['capacityType']),
    field('disk_size', ['diskSize'], 'number'),
    field('instance_types', ['instanceTypes'], 'set'),
    field('node_role_arn', ['nodeRole']),
    field('subnet_ids', ['subnets'], 'set'),
    field('version', ['version']),
    // desired_size is left out: autoscalers move it and configs `ignore_changes` it.
    block('scaling_config', 'min_size', ['scalingConfig', 'minSize'], normalizeNumber),
    block('scaling_config', 'max_size', ['scalingConfig', 'maxSize'], normalizeNumber),
    {
      name: 'labels',
      state: (attributes) => stateAt(attributes, 'labels'),
      cloud: (resource) => configAt(resource, 'labels'),
      normalize: normalizeTags,
      kind: 'map',
    },
    TAGS,
  ],
};

/** `aws_eks_addon` (id = `cluster:addon`) -> `AWS::EKS::Addon`. */
export const AWS_EKS_ADDON: TypeMapping = {
  terraformTypes: ['aws_eks_addon'],
  resourceType: 'AWS::EKS::Addon',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('addon_version', ['addonVersion']),
    field('service_account_role_arn', ['serviceAccountRoleArn']),
    { ...field('configuration_values', ['configurationValues']), normalize: normalizeJsonText },
    TAGS,
  ],
};
