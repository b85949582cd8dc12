import {
  canonicalKey,
  normalizeString,
  normalizeStringSet,
  normalizeTags,
  UNKNOWN,
} from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { blockAt, configAt, idAttribute, stateAt, supplementaryAt } from './read.js';
import type { AttributeSpec, Attributes, TypeMapping } from './types.js';

type Row = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// The collectors' `cluster:name` ids, built from the parts so any provider id spelling matches.
function clusterChildId(part: string) {
  return (attributes: Attributes): string | undefined => {
    const cluster = text(attributes['cluster_name']);
    const name = text(attributes[part]);
    return cluster !== undefined && name !== undefined
      ? `${cluster}:${name}`
      : idAttribute(attributes);
  };
}

/** Fargate selectors (state `selector` or SDK `selectors`, the same shape) as a sorted set. */
export function normalizeSelectors(value: unknown): Row[] | null {
  if (!Array.isArray(value)) return null;
  const selectors = (value as Row[]).map((selector) => {
    const labels = normalizeTags(selector['labels']);
    return {
      namespace: normalizeString(selector['namespace']),
      ...(labels === null ? {} : { labels }),
    };
  });
  if (selectors.length === 0) return null;
  const unique = new Map(selectors.map((selector) => [canonicalKey(selector), selector] as const));
  return [...unique.keys()].sort().map((key) => unique.get(key) as Row);
}

/** `aws_eks_fargate_profile` (id `cluster:profile`) -> `AWS::EKS::FargateProfile`. */
export const AWS_EKS_FARGATE_PROFILE: TypeMapping = {
  terraformTypes: ['aws_eks_fargate_profile'],
  resourceType: 'AWS::EKS::FargateProfile',
  role: 'primary',
  cloudId: clusterChildId('fargate_profile_name'),
  attributes: [
    field('pod_execution_role_arn', ['podExecutionRoleArn']),
    field('subnet_ids', ['subnets'], 'set'),
    {
      name: 'selector',
      state: (attributes) => stateAt(attributes, 'selector'),
      cloud: (resource) => configAt(resource, 'selectors'),
      normalize: normalizeSelectors,
      kind: 'set',
    },
    TAGS,
  ],
};

/** `aws_eks_access_entry` (id `cluster:principalArn`) -> `AWS::EKS::AccessEntry`. */
export const AWS_EKS_ACCESS_ENTRY: TypeMapping = {
  terraformTypes: ['aws_eks_access_entry'],
  resourceType: 'AWS::EKS::AccessEntry',
  role: 'primary',
  cloudId: clusterChildId('principal_arn'),
  attributes: [
    field('kubernetes_groups', ['kubernetesGroups'], 'set'),
    field('type', ['type']),
    field('user_name', ['username']),
    TAGS,
  ],
};

// The association's policy on the entry: null when the entry holds no such policy.
function associatedPolicy(resource: Parameters<typeof supplementaryAt>[0], attributes: Attributes) {
  const policies = supplementaryAt(resource, 'AccessPolicies');
  if (policies === UNKNOWN) return UNKNOWN;
  const arn = text(attributes['policy_arn']);
  const found = (Array.isArray(policies) ? (policies as Row[]) : []).find(
    (policy) => policy['policyArn'] === arn,
  );
  return found ?? null;
}

function scope(key: 'type' | 'namespaces', cloudKey: string): AttributeSpec {
  return {
    name: `access_scope.${key}`,
    state: (attributes) => blockAt(attributes, 'access_scope', key),
    cloud: (resource, { attributes }) => {
      const policy = associatedPolicy(resource, attributes);
      // A policy gone from the entry is reported once, as `policy_arn`.
      if (policy === UNKNOWN || policy === null) return UNKNOWN;
      return configAtRow(policy['accessScope'], cloudKey);
    },
    normalize: key === 'type' ? normalizeString : normalizeStringSet,
    ...(key === 'namespaces' ? { kind: 'set' as const } : {}),
  };
}

function configAtRow(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Row)[key] : undefined;
}

/**
 * `aws_eks_access_policy_association`: a part of its access entry (`cluster:principalArn`),
 * its policy looked up by ARN in the entry's `AccessPolicies`.
 */
export const AWS_EKS_ACCESS_POLICY_ASSOCIATION: TypeMapping = {
  terraformTypes: ['aws_eks_access_policy_association'],
  resourceType: 'AWS::EKS::AccessEntry',
  role: 'child',
  cloudId: (attributes) => {
    const cluster = text(attributes['cluster_name']);
    const principal = text(attributes['principal_arn']);
    return cluster !== undefined && principal !== undefined ? `${cluster}:${principal}` : undefined;
  },
  attributes: [
    {
      name: 'policy_arn',
      state: (attributes) => stateAt(attributes, 'policy_arn'),
      cloud: (resource, { attributes }) => {
        const policy = associatedPolicy(resource, attributes);
        return policy === UNKNOWN || policy === null ? policy : policy['policyArn'];
      },
      normalize: normalizeString,
    },
    scope('type', 'type'),
    scope('namespaces', 'namespaces'),
  ],
};

/** `aws_eks_pod_identity_association` (id = association id) -> `AWS::EKS::PodIdentityAssociation`. */
export const AWS_EKS_POD_IDENTITY_ASSOCIATION: TypeMapping = {
  terraformTypes: ['aws_eks_pod_identity_association'],
  resourceType: 'AWS::EKS::PodIdentityAssociation',
  role: 'primary',
  cloudId: (attributes) => text(attributes['association_id']) ?? idAttribute(attributes),
  attributes: [
    field('namespace', ['namespace']),
    field('service_account', ['serviceAccount']),
    field('role_arn', ['roleArn']),
    TAGS,
  ],
};

function oidc(key: string, cloudKey: string): AttributeSpec {
  return {
    name: `oidc.${key}`,
    state: (attributes) => blockAt(attributes, 'oidc', key),
    cloud: (resource) => configAt(resource, 'oidc', cloudKey),
    normalize: normalizeString,
  };
}

/** `aws_eks_identity_provider_config` (id `cluster:config`) -> `AWS::EKS::IdentityProviderConfig`. */
export const AWS_EKS_IDENTITY_PROVIDER_CONFIG: TypeMapping = {
  terraformTypes: ['aws_eks_identity_provider_config'],
  resourceType: 'AWS::EKS::IdentityProviderConfig',
  role: 'primary',
  cloudId: (attributes) => {
    const cluster = text(attributes['cluster_name']);
    const name = text(blockAt(attributes, 'oidc', 'identity_provider_config_name'));
    return cluster !== undefined && name !== undefined
      ? `${cluster}:${name}`
      : idAttribute(attributes);
  },
  attributes: [
    oidc('client_id', 'clientId'),
    oidc('issuer_url', 'issuerUrl'),
    oidc('username_claim', 'usernameClaim'),
    oidc('username_prefix', 'usernamePrefix'),
    oidc('groups_claim', 'groupsClaim'),
    oidc('groups_prefix', 'groupsPrefix'),
    {
      name: 'oidc.required_claims',
      state: (attributes) => blockAt(attributes, 'oidc', 'required_claims'),
      cloud: (resource) => configAt(resource, 'oidc', 'requiredClaims'),
      normalize: normalizeTags,
      kind: 'map',
    },
    TAGS,
  ],
};
