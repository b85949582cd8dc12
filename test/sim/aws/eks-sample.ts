import {
  accessEntryShape,
  accessPolicyShape,
  oidcConfigShape,
  podIdentityShape,
} from './eks-access-shapes.js';
import { addonShape, clusterShape, fargateProfileShape, nodegroupShape } from './eks-shapes.js';
import type { EksRegionWorld } from './eks-world.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const CLUSTER = 'prod';
// The sample world's VPC, subnets and security groups (see sample-world.ts).
const VPC = 'vpc-0a1b2c3d4e5f60001';
const SUBNET_A = 'subnet-0a1b2c3d4e5f6000a';
const SUBNET_B = 'subnet-0a1b2c3d4e5f6000b';
const SG_WEB = 'sg-0a1b2c3d4e5f60e00';
const CREATED = new Date('2026-03-10T08:21:45.000Z');
const MODIFIED = new Date('2026-05-20T14:02:11.000Z');
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const common = { accountId: ACCOUNT, region: REGION, clusterName: CLUSTER };

/**
 * The sample account's EKS estate in eu-west-1: cluster `prod` with node groups `general`
 * (On-Demand) and `spot` (tainted), add-ons `vpc-cni` and `coredns`, Fargate profile `system`,
 * access entries for the `eks-admin` and `developers` roles (cluster admin; edit in two
 * namespaces), a pod identity association for `payments/api`, and the OIDC provider `corp-sso`.
 */
export function sampleEksRegion(): EksRegionWorld {
  return {
    clusters: [
      {
        cluster: clusterShape({
          accountId: ACCOUNT,
          region: REGION,
          name: CLUSTER,
          endpointId: '5E1D0CEB9F3A2C4D6E8F0A1B2C3D4E5F',
          version: '1.31',
          platformVersion: 'eks.12',
          createdAt: CREATED,
          roleArn: role('eks-cluster-prod'),
          vpcId: VPC,
          subnetIds: [SUBNET_B, SUBNET_A],
          securityGroupIds: [SG_WEB],
          clusterSecurityGroupId: 'sg-0a1b2c3d4e5f60c00',
          publicAccessCidrs: ['203.0.113.0/24', '198.51.100.10/32'],
          enabledLogTypes: ['audit', 'api', 'authenticator'],
          kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
          tags: { env: 'prod', team: 'platform' },
        }),
        nodegroups: [
          nodegroupShape({
            ...common,
            name: 'general',
            uuid: '9ec8a1f2-3b4c-5d6e-7f80-91a2b3c4d5e6',
            version: '1.31',
            releaseVersion: '1.31.4-20250123',
            createdAt: CREATED,
            modifiedAt: MODIFIED,
            capacityType: 'ON_DEMAND',
            minSize: 2,
            maxSize: 6,
            desiredSize: 3,
            instanceTypes: ['m6i.large'],
            subnets: [SUBNET_B, SUBNET_A],
            nodeRole: role('eks-node'),
            labels: { workload: 'general' },
            tags: { env: 'prod' },
          }),
          nodegroupShape({
            ...common,
            name: 'spot',
            uuid: '1a2b3c4d-5e6f-7a8b-9c0d-e1f2a3b4c5d6',
            version: '1.31',
            releaseVersion: '1.31.4-20250123',
            createdAt: CREATED,
            modifiedAt: MODIFIED,
            capacityType: 'SPOT',
            minSize: 0,
            maxSize: 10,
            desiredSize: 2,
            // Priority order (m6i first) is configuration: it must survive normalization.
            instanceTypes: ['m6i.xlarge', 'm5.xlarge', 'm5a.xlarge'],
            subnets: [SUBNET_A, SUBNET_B],
            nodeRole: role('eks-node'),
            labels: { workload: 'batch', lifecycle: 'spot' },
            taints: [
              { key: 'spot', value: 'true', effect: 'NO_SCHEDULE' },
              { key: 'batch', effect: 'PREFER_NO_SCHEDULE' },
            ],
            tags: { env: 'prod', cost: 'spot' },
          }),
        ],
        addons: [
          addonShape({
            ...common,
            name: 'vpc-cni',
            uuid: '0cc8d9e0-f1a2-b3c4-d5e6-f7a8b9c0d1e2',
            version: 'v1.19.2-eksbuild.1',
            createdAt: CREATED,
            modifiedAt: MODIFIED,
            serviceAccountRoleArn: role('eks-vpc-cni'),
            configurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}',
            tags: {},
          }),
          addonShape({
            ...common,
            name: 'coredns',
            uuid: '2ee8f0a1-b2c3-d4e5-f6a7-b8c9d0e1f2a3',
            version: 'v1.11.4-eksbuild.2',
            createdAt: CREATED,
            modifiedAt: MODIFIED,
            tags: { team: 'platform' },
          }),
        ],
        fargateProfiles: [
          fargateProfileShape({
            ...common,
            name: 'system',
            uuid: '4ac8b1c2-d3e4-f5a6-b7c8-d9e0f1a2b3c4',
            createdAt: CREATED,
            podExecutionRoleArn: role('eks-fargate-pods'),
            subnets: [SUBNET_B],
            selectors: [
              { namespace: 'monitoring' },
              { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
            ],
            tags: { env: 'prod' },
          }),
        ],
        accessEntries: [
          {
            entry: accessEntryShape({
              ...common,
              principalArn: role('eks-admin'),
              uuid: '6cc8d2e3-f4a5-b6c7-d8e9-f0a1b2c3d4e5',
              kubernetesGroups: [],
              createdAt: CREATED,
              modifiedAt: CREATED,
              tags: {},
            }),
            policies: [
              accessPolicyShape('AmazonEKSClusterAdminPolicy', undefined, CREATED, CREATED),
            ],
          },
          {
            entry: accessEntryShape({
              ...common,
              principalArn: role('developers'),
              uuid: '8ec8e3f4-a5b6-c7d8-e9f0-a1b2c3d4e5f6',
              kubernetesGroups: ['viewers', 'developers'],
              createdAt: CREATED,
              modifiedAt: MODIFIED,
              tags: { team: 'apps' },
            }),
            policies: [
              accessPolicyShape('AmazonEKSViewPolicy', undefined, CREATED, CREATED),
              accessPolicyShape('AmazonEKSEditPolicy', ['staging', 'dev'], CREATED, MODIFIED),
            ],
          },
        ],
        podIdentityAssociations: [
          podIdentityShape({
            ...common,
            associationId: 'a-7mzv3hq2xk9rbt4cd',
            namespace: 'payments',
            serviceAccount: 'api',
            roleArn: role('payments-api'),
            createdAt: CREATED,
            modifiedAt: MODIFIED,
            tags: { team: 'payments' },
          }),
        ],
        identityProviderConfigs: [
          oidcConfigShape({
            ...common,
            name: 'corp-sso',
            uuid: 'b2c3d4e5-f6a7-b8c9-d0e1-f2a3b4c5d6e7',
            issuerUrl: 'https://sso.example.com',
            clientId: 'kubernetes',
            tags: { team: 'platform' },
          }),
        ],
      },
    ],
  };
}
