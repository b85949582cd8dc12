import {
  DescribeAccessEntryCommand,
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeIdentityProviderConfigCommand,
  DescribeNodegroupCommand,
  DescribePodIdentityAssociationCommand,
  type EKSClient,
  ListAccessEntriesCommand,
  ListAddonsCommand,
  ListAssociatedAccessPoliciesCommand,
  ListClustersCommand,
  ListFargateProfilesCommand,
  ListIdentityProviderConfigsCommand,
  ListNodegroupsCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eksCluster, type SimEksCluster } from '../../../sim/aws/eks-world.js';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { sampleWorld } from '../../../sim/aws/world.js';
import { type SentRequest, simEks } from './eks-client.js';

const ACCOUNT = '111111111111';
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/eks-admin`;
const ADMIN_LABEL = 'arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Feks-admin';

describe('the EKS sim, as the real EKSClient calls it', () => {
  let sim: AwsSim;
  let eks: EKSClient;
  let sent: SentRequest[];
  let prod: SimEksCluster;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    ({ eks, sent } = simEks(sim));
    prod = eksCluster(sim.world, ACCOUNT, 'eu-west-1', 'prod');
  });
  afterEach(() => {
    sim.resetCalls();
    sent.length = 0;
  });
  afterAll(async () => {
    eks.destroy();
    await sim.close();
  });

  // [operation, what the SDK sends it as, the call, what the answer must hold]
  const cases: [string, string, () => Promise<unknown>, () => unknown][] = [
    [
      'ListClusters',
      'GET /clusters maxResults=100',
      () => eks.send(new ListClustersCommand({ maxResults: 100 })),
      () => ({ clusters: ['prod'] }),
    ],
    [
      'DescribeCluster',
      'GET /clusters/prod',
      () => eks.send(new DescribeClusterCommand({ name: 'prod' })),
      () => ({ cluster: prod.cluster }),
    ],
    [
      'ListNodegroups',
      'GET /clusters/prod/node-groups maxResults=100',
      () => eks.send(new ListNodegroupsCommand({ clusterName: 'prod', maxResults: 100 })),
      () => ({ nodegroups: ['general', 'spot'] }),
    ],
    [
      'DescribeNodegroup',
      'GET /clusters/prod/node-groups/spot',
      () => eks.send(new DescribeNodegroupCommand({ clusterName: 'prod', nodegroupName: 'spot' })),
      () => ({ nodegroup: prod.nodegroups[1] }),
    ],
    [
      'ListAddons',
      'GET /clusters/prod/addons maxResults=100',
      () => eks.send(new ListAddonsCommand({ clusterName: 'prod', maxResults: 100 })),
      () => ({ addons: ['vpc-cni', 'coredns'] }),
    ],
    [
      'DescribeAddon',
      'GET /clusters/prod/addons/vpc-cni',
      () => eks.send(new DescribeAddonCommand({ clusterName: 'prod', addonName: 'vpc-cni' })),
      () => ({ addon: prod.addons[0] }),
    ],
    [
      'ListFargateProfiles',
      'GET /clusters/prod/fargate-profiles maxResults=100',
      () => eks.send(new ListFargateProfilesCommand({ clusterName: 'prod', maxResults: 100 })),
      () => ({ fargateProfileNames: ['system'] }),
    ],
    [
      'DescribeFargateProfile',
      'GET /clusters/prod/fargate-profiles/system',
      () =>
        eks.send(
          new DescribeFargateProfileCommand({ clusterName: 'prod', fargateProfileName: 'system' }),
        ),
      () => ({ fargateProfile: prod.fargateProfiles[0] }),
    ],
    [
      'ListAccessEntries',
      'GET /clusters/prod/access-entries maxResults=100',
      () => eks.send(new ListAccessEntriesCommand({ clusterName: 'prod', maxResults: 100 })),
      () => ({ accessEntries: [ADMIN, `arn:aws:iam::${ACCOUNT}:role/developers`] }),
    ],
    [
      'DescribeAccessEntry',
      `GET /clusters/prod/access-entries/${ADMIN_LABEL}`,
      () => eks.send(new DescribeAccessEntryCommand({ clusterName: 'prod', principalArn: ADMIN })),
      () => ({ accessEntry: prod.accessEntries[0]?.entry }),
    ],
    [
      'ListAssociatedAccessPolicies',
      `GET /clusters/prod/access-entries/${ADMIN_LABEL}/access-policies maxResults=100`,
      () =>
        eks.send(
          new ListAssociatedAccessPoliciesCommand({
            clusterName: 'prod',
            principalArn: ADMIN,
            maxResults: 100,
          }),
        ),
      () => ({
        clusterName: 'prod',
        principalArn: ADMIN,
        associatedAccessPolicies: prod.accessEntries[0]?.policies,
      }),
    ],
    [
      'ListPodIdentityAssociations',
      'GET /clusters/prod/pod-identity-associations maxResults=100',
      () =>
        eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod', maxResults: 100 })),
      () => ({
        associations: [
          {
            clusterName: 'prod',
            namespace: 'payments',
            serviceAccount: 'api',
            associationArn: prod.podIdentityAssociations[0]?.associationArn,
            associationId: 'a-7mzv3hq2xk9rbt4cd',
          },
        ],
      }),
    ],
    [
      'DescribePodIdentityAssociation',
      'GET /clusters/prod/pod-identity-associations/a-7mzv3hq2xk9rbt4cd',
      () =>
        eks.send(
          new DescribePodIdentityAssociationCommand({
            clusterName: 'prod',
            associationId: 'a-7mzv3hq2xk9rbt4cd',
          }),
        ),
      () => ({ association: prod.podIdentityAssociations[0] }),
    ],
    [
      'ListIdentityProviderConfigs',
      'GET /clusters/prod/identity-provider-configs maxResults=100',
      () =>
        eks.send(new ListIdentityProviderConfigsCommand({ clusterName: 'prod', maxResults: 100 })),
      () => ({ identityProviderConfigs: [{ type: 'oidc', name: 'corp-sso' }] }),
    ],
    [
      'DescribeIdentityProviderConfig',
      'POST /clusters/prod/identity-provider-configs/describe',
      () =>
        eks.send(
          new DescribeIdentityProviderConfigCommand({
            clusterName: 'prod',
            identityProviderConfig: { type: 'oidc', name: 'corp-sso' },
          }),
        ),
      () => ({ identityProviderConfig: { oidc: prod.identityProviderConfigs[0] } }),
    ],
  ];

  it.each(cases)(
    'answers %s at the route the SDK sends (%s)',
    async (operation, wire, call, want) => {
      const output = (await call()) as Record<string, unknown>;
      const [request] = sent;
      const query = Object.entries(request?.query ?? {}).map(([k, v]) => `${k}=${String(v)}`);
      expect([request?.method, request?.path, ...query].join(' ')).toBe(wire);
      expect(sim.calls.map((c) => [c.service, c.action, c.status])).toStrictEqual([
        ['eks', operation, 200],
      ]);
      const { $metadata: _, ...members } = output;
      expect(members).toStrictEqual(want());
    },
  );

  it('takes the identity provider to describe from a JSON body', async () => {
    await eks.send(
      new DescribeIdentityProviderConfigCommand({
        clusterName: 'prod',
        identityProviderConfig: { type: 'oidc', name: 'corp-sso' },
      }),
    );
    expect(sent[0]?.body).toStrictEqual({
      identityProviderConfig: { type: 'oidc', name: 'corp-sso' },
    });
    expect(sim.calls[0]?.params).toStrictEqual({
      clusterName: 'prod',
      identityProviderConfig: { type: 'oidc', name: 'corp-sso' },
    });
  });

  it('sends timestamps as epoch seconds that the SDK reads back as the same Dates', async () => {
    const out = await eks.send(
      new DescribeNodegroupCommand({ clusterName: 'prod', nodegroupName: 'general' }),
    );
    expect(out.nodegroup?.createdAt).toBeInstanceOf(Date);
    expect(out.nodegroup?.createdAt?.toISOString()).toBe('2026-03-10T08:21:45.000Z');
    expect(out.nodegroup?.modifiedAt?.toISOString()).toBe('2026-05-20T14:02:11.000Z');
  });

  it('records each call in the SDK input shape, path labels decoded', async () => {
    await eks.send(
      new ListAssociatedAccessPoliciesCommand({
        clusterName: 'prod',
        principalArn: ADMIN,
        maxResults: 7,
      }),
    );
    expect(sim.calls[0]).toMatchObject({
      service: 'eks',
      action: 'ListAssociatedAccessPolicies',
      accountId: ACCOUNT,
      region: 'eu-west-1',
      params: { clusterName: 'prod', principalArn: ADMIN, maxResults: 7 },
      paginated: true,
    });
  });
});
