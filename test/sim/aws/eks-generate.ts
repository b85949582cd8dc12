import {
  accessEntryShape,
  accessPolicyShape,
  oidcConfigShape,
  podIdentityShape,
} from './eks-access-shapes.js';
import { addonShape, clusterShape, fargateProfileShape, nodegroupShape } from './eks-shapes.js';
import type { EksRegionWorld, SimEksCluster } from './eks-world.js';
import { mulberry32, pick, type Random } from './random.js';
import type { Ec2RegionWorld } from './world.js';

const ADDONS = [
  ['vpc-cni', 'v1.19.2-eksbuild.1'],
  ['coredns', 'v1.11.4-eksbuild.2'],
  ['kube-proxy', 'v1.31.3-eksbuild.2'],
  ['aws-ebs-csi-driver', 'v1.38.1-eksbuild.1'],
] as const;
const VERSIONS = ['1.29', '1.30', '1.31'] as const;
const INSTANCE_TYPES = ['m6i.large', 'm6i.xlarge', 'm5.large', 'c6i.xlarge', 'r6i.large'] as const;

/**
 * The EKS estate of one generated account: `clusters` clusters in every region, each with one to
 * four node groups, two to four add-ons, up to one Fargate profile, one to three access entries,
 * up to two pod identity associations and up to one OIDC provider, placed in the region's
 * generated subnets. Its own random stream (from `seed`) leaves the EC2 worlds as they were.
 */
export function generateEksRegions(
  accountId: string,
  ec2: Readonly<Record<string, Ec2RegionWorld>>,
  clusters: number,
  seed: number,
): Record<string, EksRegionWorld> {
  const random = mulberry32(seed ^ 0x45b5_e1c5);
  const regions: Record<string, EksRegionWorld> = {};
  for (const [region, network] of Object.entries(ec2)) {
    const made: SimEksCluster[] = [];
    for (let c = 0; c < clusters; c++)
      made.push(generateCluster(accountId, region, network, c, random));
    regions[region] = { clusters: made };
  }
  return regions;
}

function generateCluster(
  accountId: string,
  region: string,
  network: Ec2RegionWorld,
  index: number,
  random: Random,
): SimEksCluster {
  const name = `eks-${String(index).padStart(3, '0')}`;
  const common = { accountId, region, clusterName: name };
  const version = pick(random, VERSIONS);
  const createdAt = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 400) * 86_400_000);
  const modifiedAt = new Date(createdAt.getTime() + Math.floor(random() * 30) * 86_400_000);
  const subnets = network.subnets.map((s) => s.SubnetId ?? '').filter(Boolean);
  const role = (roleName: string) => `arn:aws:iam::${accountId}:role/${roleName}`;
  const cluster = clusterShape({
    accountId,
    region,
    name,
    endpointId: hex(random, 32).toUpperCase(),
    version,
    platformVersion: `eks.${1 + Math.floor(random() * 20)}`,
    createdAt,
    roleArn: role(`${name}-cluster`),
    vpcId: network.vpcs[0]?.VpcId ?? 'vpc-00000000000000000',
    subnetIds: subnets,
    securityGroupIds: network.securityGroups.slice(1, 2).map((g) => g.GroupId ?? ''),
    clusterSecurityGroupId: `sg-0${hex(random, 16)}`,
    publicAccessCidrs: random() < 0.5 ? ['0.0.0.0/0'] : [],
    enabledLogTypes: random() < 0.5 ? ['api', 'audit'] : [],
    tags: { env: pick(random, ['prod', 'staging', 'dev']) },
  });
  const nodegroups = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, k) => {
    const min = Math.floor(random() * 3);
    return nodegroupShape({
      ...common,
      name: `ng-${k}`,
      uuid: uuid(random),
      version,
      releaseVersion: `${version}.4-20250123`,
      createdAt,
      modifiedAt,
      capacityType: random() < 0.7 ? 'ON_DEMAND' : 'SPOT',
      minSize: min,
      maxSize: min + 5,
      desiredSize: min + Math.floor(random() * 5),
      instanceTypes: [pick(random, INSTANCE_TYPES)],
      subnets,
      nodeRole: role(`${name}-node`),
      labels: { pool: `ng-${k}` },
      tags: {},
    });
  });
  const addons = ADDONS.slice(0, 2 + Math.floor(random() * 3)).map(([addon, addonVersion]) =>
    addonShape({
      ...common,
      name: addon,
      uuid: uuid(random),
      version: addonVersion,
      createdAt,
      modifiedAt,
      tags: {},
    }),
  );
  const fargateProfiles =
    random() < 0.3
      ? [
          fargateProfileShape({
            ...common,
            name: 'fp-default',
            uuid: uuid(random),
            createdAt,
            podExecutionRoleArn: role(`${name}-fargate`),
            subnets,
            selectors: [{ namespace: 'default' }],
            tags: {},
          }),
        ]
      : [];
  const accessEntries = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => ({
    entry: accessEntryShape({
      ...common,
      principalArn: role(k === 0 ? 'eks-admin' : `team-${k}`),
      uuid: uuid(random),
      kubernetesGroups: k === 0 ? [] : [`team-${k}`],
      createdAt,
      modifiedAt,
      tags: {},
    }),
    policies: [
      k === 0
        ? accessPolicyShape('AmazonEKSClusterAdminPolicy', undefined, createdAt, createdAt)
        : accessPolicyShape('AmazonEKSEditPolicy', [`team-${k}`], createdAt, modifiedAt),
    ],
  }));
  const podIdentityAssociations = Array.from({ length: Math.floor(random() * 3) }, (_, k) =>
    podIdentityShape({
      ...common,
      associationId: `a-${base36(random, 17)}`,
      namespace: `app-${k}`,
      serviceAccount: 'default',
      roleArn: role(`${name}-app-${k}`),
      createdAt,
      modifiedAt,
      tags: {},
    }),
  );
  const identityProviderConfigs =
    random() < 0.2
      ? [
          oidcConfigShape({
            ...common,
            name: 'sso',
            uuid: uuid(random),
            issuerUrl: 'https://sso.example.com',
            clientId: name,
            tags: {},
          }),
        ]
      : [];
  return {
    cluster,
    nodegroups,
    addons,
    fargateProfiles,
    accessEntries,
    podIdentityAssociations,
    identityProviderConfigs,
  };
}

function hex(random: Random, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
}

function base36(random: Random, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 36).toString(36)).join('');
}

function uuid(random: Random): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
