import type {
  Addon,
  Cluster,
  FargateProfile,
  FargateProfileSelector,
  Nodegroup,
  Taint,
} from '@aws-sdk/client-eks';

/**
 * Builders for EKS objects as the Describe calls return them through the SDK: every field a real
 * answer carries, the ones AWS changes on its own (status, health, platform and release versions,
 * desired size, modifiedAt) included. Shared by the sample and generated worlds;
 * access entries, pod identities and identity providers are in `eks-access-shapes.ts`.
 */

const LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

/** The ARN of an EKS object: `arn:aws:eks:<region>:<account>:<resource>`. */
export function eksArn(region: string, accountId: string, resource: string): string {
  return `arn:aws:eks:${region}:${accountId}:${resource}`;
}

/** What varies between clusters. */
export interface ClusterSpec {
  accountId: string;
  region: string;
  name: string;
  /** 32 upper-case hex characters: the endpoint's and the OIDC issuer's id. */
  endpointId: string;
  version: string;
  platformVersion: string;
  createdAt: Date;
  roleArn: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  clusterSecurityGroupId: string;
  publicAccessCidrs: string[];
  enabledLogTypes: readonly (typeof LOG_TYPES)[number][];
  kmsKeyArn?: string;
  tags: Record<string, string>;
  status?: Cluster['status'];
}

/** A cluster as DescribeCluster returns it. */
export function clusterShape(s: ClusterSpec): Cluster {
  const disabled = LOG_TYPES.filter((t) => !s.enabledLogTypes.includes(t));
  return {
    name: s.name,
    arn: eksArn(s.region, s.accountId, `cluster/${s.name}`),
    createdAt: s.createdAt,
    version: s.version,
    endpoint: `https://${s.endpointId}.gr7.${s.region}.eks.amazonaws.com`,
    roleArn: s.roleArn,
    resourcesVpcConfig: {
      subnetIds: s.subnetIds,
      securityGroupIds: s.securityGroupIds,
      clusterSecurityGroupId: s.clusterSecurityGroupId,
      vpcId: s.vpcId,
      endpointPublicAccess: s.publicAccessCidrs.length > 0,
      endpointPrivateAccess: true,
      publicAccessCidrs: s.publicAccessCidrs,
    },
    kubernetesNetworkConfig: {
      serviceIpv4Cidr: '172.20.0.0/16',
      ipFamily: 'ipv4',
      elasticLoadBalancing: { enabled: false },
    },
    logging: {
      clusterLogging: [
        ...(s.enabledLogTypes.length > 0 ? [{ types: [...s.enabledLogTypes], enabled: true }] : []),
        ...(disabled.length > 0 ? [{ types: disabled, enabled: false }] : []),
      ],
    },
    identity: {
      oidc: { issuer: `https://oidc.eks.${s.region}.amazonaws.com/id/${s.endpointId}` },
    },
    status: s.status ?? 'ACTIVE',
    certificateAuthority: { data: certificateData(s.endpointId) },
    platformVersion: s.platformVersion,
    tags: s.tags,
    ...(s.kmsKeyArn
      ? { encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: s.kmsKeyArn } }] }
      : {}),
    health: { issues: [] },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    upgradePolicy: { supportType: 'STANDARD' },
    zonalShiftConfig: { enabled: false },
    deletionProtection: false,
  };
}

// A base64 PEM certificate header plus the cluster's id: the shape of the real field, no real key.
function certificateData(endpointId: string): string {
  const pem = `-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgII${endpointId}\n-----END CERTIFICATE-----\n`;
  return Buffer.from(pem).toString('base64');
}

/** What varies between node groups. */
export interface NodegroupSpec {
  accountId: string;
  region: string;
  clusterName: string;
  name: string;
  uuid: string;
  version: string;
  releaseVersion: string;
  createdAt: Date;
  modifiedAt: Date;
  capacityType: 'ON_DEMAND' | 'SPOT';
  minSize: number;
  maxSize: number;
  desiredSize: number;
  instanceTypes: string[];
  subnets: string[];
  nodeRole: string;
  labels: Record<string, string>;
  taints?: Taint[];
  tags: Record<string, string>;
  status?: Nodegroup['status'];
}

/** A managed node group as DescribeNodegroup returns it. */
export function nodegroupShape(s: NodegroupSpec): Nodegroup {
  return {
    nodegroupName: s.name,
    nodegroupArn: eksArn(s.region, s.accountId, `nodegroup/${s.clusterName}/${s.name}/${s.uuid}`),
    clusterName: s.clusterName,
    version: s.version,
    releaseVersion: s.releaseVersion,
    createdAt: s.createdAt,
    modifiedAt: s.modifiedAt,
    status: s.status ?? 'ACTIVE',
    capacityType: s.capacityType,
    scalingConfig: { minSize: s.minSize, maxSize: s.maxSize, desiredSize: s.desiredSize },
    instanceTypes: s.instanceTypes,
    subnets: s.subnets,
    amiType: 'AL2023_x86_64_STANDARD',
    nodeRole: s.nodeRole,
    labels: s.labels,
    ...(s.taints ? { taints: s.taints } : {}),
    resources: { autoScalingGroups: [{ name: `eks-${s.name}-${s.uuid}` }] },
    diskSize: 20,
    health: { issues: [] },
    updateConfig: { maxUnavailable: 1 },
    tags: s.tags,
  };
}

/** What varies between add-ons. */
export interface AddonSpec {
  accountId: string;
  region: string;
  clusterName: string;
  name: string;
  uuid: string;
  version: string;
  createdAt: Date;
  modifiedAt: Date;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  tags: Record<string, string>;
}

/** An add-on as DescribeAddon returns it. */
export function addonShape(s: AddonSpec): Addon {
  return {
    addonName: s.name,
    clusterName: s.clusterName,
    status: 'ACTIVE',
    addonVersion: s.version,
    health: { issues: [] },
    addonArn: eksArn(s.region, s.accountId, `addon/${s.clusterName}/${s.name}/${s.uuid}`),
    createdAt: s.createdAt,
    modifiedAt: s.modifiedAt,
    ...(s.serviceAccountRoleArn ? { serviceAccountRoleArn: s.serviceAccountRoleArn } : {}),
    ...(s.configurationValues ? { configurationValues: s.configurationValues } : {}),
    tags: s.tags,
  };
}

/** What varies between Fargate profiles. */
export interface FargateProfileSpec {
  accountId: string;
  region: string;
  clusterName: string;
  name: string;
  uuid: string;
  createdAt: Date;
  podExecutionRoleArn: string;
  subnets: string[];
  selectors: FargateProfileSelector[];
  tags: Record<string, string>;
}

/** A Fargate profile as DescribeFargateProfile returns it. */
export function fargateProfileShape(s: FargateProfileSpec): FargateProfile {
  return {
    fargateProfileName: s.name,
    fargateProfileArn: eksArn(
      s.region,
      s.accountId,
      `fargateprofile/${s.clusterName}/${s.name}/${s.uuid}`,
    ),
    clusterName: s.clusterName,
    createdAt: s.createdAt,
    podExecutionRoleArn: s.podExecutionRoleArn,
    subnets: s.subnets,
    selectors: s.selectors,
    status: 'ACTIVE',
    tags: s.tags,
    health: { issues: [] },
  };
}
