import type {
  AccessEntry,
  AssociatedAccessPolicy,
  OidcIdentityProviderConfig,
  PodIdentityAssociation,
} from '@aws-sdk/client-eks';
import { eksArn } from './eks-shapes.js';

/**
 * Builders for the EKS objects that say who may do what in a cluster (access entries and their
 * policies, pod identity associations, OIDC identity providers), as the SDK returns them.
 */

/** What varies between access entries. */
export interface AccessEntrySpec {
  accountId: string;
  region: string;
  clusterName: string;
  /** An IAM role ARN (`arn:aws:iam::<account>:role/<name>`). */
  principalArn: string;
  uuid: string;
  kubernetesGroups: string[];
  createdAt: Date;
  modifiedAt: Date;
  tags: Record<string, string>;
}

/** An access entry as DescribeAccessEntry returns it (for an IAM role principal). */
export function accessEntryShape(s: AccessEntrySpec): AccessEntry {
  const [, , , , principalAccount = '', resource = ''] = s.principalArn.split(':');
  const roleName = resource.slice(resource.lastIndexOf('/') + 1);
  return {
    clusterName: s.clusterName,
    principalArn: s.principalArn,
    kubernetesGroups: s.kubernetesGroups,
    accessEntryArn: eksArn(
      s.region,
      s.accountId,
      `access-entry/${s.clusterName}/role/${principalAccount}/${roleName}/${s.uuid}`,
    ),
    createdAt: s.createdAt,
    modifiedAt: s.modifiedAt,
    tags: s.tags,
    username: `arn:aws:sts::${principalAccount}:assumed-role/${roleName}/{{SessionName}}`,
    type: 'STANDARD',
  };
}

/** An access policy association as ListAssociatedAccessPolicies returns it. */
export function accessPolicyShape(
  policy: string,
  namespaces: string[] | undefined,
  associatedAt: Date,
  modifiedAt: Date,
): AssociatedAccessPolicy {
  return {
    policyArn: `arn:aws:eks::aws:cluster-access-policy/${policy}`,
    accessScope: namespaces
      ? { type: 'namespace', namespaces }
      : { type: 'cluster', namespaces: [] },
    associatedAt,
    modifiedAt,
  };
}

/** What varies between pod identity associations. */
export interface PodIdentitySpec {
  accountId: string;
  region: string;
  clusterName: string;
  /** `a-` and 17 lower-case letters and digits. */
  associationId: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  createdAt: Date;
  modifiedAt: Date;
  tags: Record<string, string>;
}

/** A pod identity association as DescribePodIdentityAssociation returns it. */
export function podIdentityShape(s: PodIdentitySpec): PodIdentityAssociation {
  return {
    clusterName: s.clusterName,
    namespace: s.namespace,
    serviceAccount: s.serviceAccount,
    roleArn: s.roleArn,
    associationArn: eksArn(
      s.region,
      s.accountId,
      `podidentityassociation/${s.clusterName}/${s.associationId}`,
    ),
    associationId: s.associationId,
    tags: s.tags,
    createdAt: s.createdAt,
    modifiedAt: s.modifiedAt,
    disableSessionTags: false,
  };
}

/** What varies between OIDC identity provider configs. */
export interface OidcConfigSpec {
  accountId: string;
  region: string;
  clusterName: string;
  name: string;
  uuid: string;
  issuerUrl: string;
  clientId: string;
  tags: Record<string, string>;
}

/** An OIDC identity provider config as DescribeIdentityProviderConfig returns it under `oidc`. */
export function oidcConfigShape(s: OidcConfigSpec): OidcIdentityProviderConfig {
  return {
    identityProviderConfigName: s.name,
    identityProviderConfigArn: eksArn(
      s.region,
      s.accountId,
      `identityproviderconfig/${s.clusterName}/oidc/${s.name}/${s.uuid}`,
    ),
    clusterName: s.clusterName,
    issuerUrl: s.issuerUrl,
    clientId: s.clientId,
    usernameClaim: 'email',
    usernamePrefix: 'oidc:',
    groupsClaim: 'groups',
    groupsPrefix: 'oidc:',
    requiredClaims: {},
    tags: s.tags,
    status: 'ACTIVE',
  };
}
