import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseResourcePath } from '../../../../../lib/snapshot/paths.js';
import { renderResource } from '../../../../../lib/snapshot/render.js';
import { eksCluster, type SimEksCluster } from '../../../../sim/aws/eks-world.js';
import { type AwsSim, type SimCall, startAwsSim } from '../../../../sim/aws/server.js';
import { sampleWorld } from '../../../../sim/aws/world.js';
import { EKS_TYPES, eksHarness, SAMPLE } from './eks-context.js';

const ROLE = (name: string) => `arn:aws:iam::${SAMPLE.accountId}:role/${name}`;

describe('EKS collectors on the sample world', () => {
  let sim: AwsSim;
  let prod: SimEksCluster;

  beforeEach(async () => {
    sim = await startAwsSim(sampleWorld());
    prod = eksCluster(sim.world, SAMPLE.accountId, SAMPLE.region, 'prod');
  });
  afterEach(async () => {
    await sim.close();
  });

  /** Runs `effect` right after the sim answers the first `action` call (before the SDK reads it). */
  function afterAnswering(action: string, effect: () => void): void {
    const push = Array.prototype.push;
    let done = false;
    sim.calls.push = function (this: SimCall[], ...calls: SimCall[]) {
      const length = push.apply(this, calls);
      if (!done && calls.some((c) => c.action === action)) {
        done = true;
        effect();
      }
      return length;
    };
  }

  it.each([
    ['AWS::EKS::Cluster', [['prod', 'prod']]],
    [
      'AWS::EKS::Nodegroup',
      [
        ['prod:general', 'general'],
        ['prod:spot', 'spot'],
      ],
    ],
    [
      'AWS::EKS::Addon',
      [
        ['prod:vpc-cni', 'vpc-cni'],
        ['prod:coredns', 'coredns'],
      ],
    ],
    ['AWS::EKS::FargateProfile', [['prod:system', 'system']]],
    [
      'AWS::EKS::AccessEntry',
      [
        [`prod:${ROLE('eks-admin')}`, ROLE('eks-admin')],
        [`prod:${ROLE('developers')}`, ROLE('developers')],
      ],
    ],
    ['AWS::EKS::PodIdentityAssociation', [['a-7mzv3hq2xk9rbt4cd', 'payments/api']]],
    ['AWS::EKS::IdentityProviderConfig', [['prod:corp-sso', 'corp-sso']]],
  ])('gives %s the ids Terraform writes, and the objects’ names', async (type, expected) => {
    const output = await eksHarness(sim).collect(type);
    expect(output.resources.map((r) => [r.resourceId, r.resourceName])).toStrictEqual(expected);
    for (const r of output.resources) {
      expect(r.arn).toMatch(/^arn:aws:eks:eu-west-1:111111111111:[a-z-]+\//);
      expect(r.accountId).toBe(SAMPLE.accountId);
      expect(r.awsRegion).toBe(SAMPLE.region);
    }
  });

  it('takes tags from the object’s own tags map', async () => {
    const [spot] = (await eksHarness(sim).collect('AWS::EKS::Nodegroup')).resources.slice(1);
    expect(spot?.tags).toStrictEqual({ cost: 'spot', env: 'prod' });
  });

  it.each(EKS_TYPES)('maps every %s id to one path and back (colons, ARNs)', async (type) => {
    for (const resource of (await eksHarness(sim).collect(type)).resources) {
      const { path } = renderResource(resource);
      const directory = `eks/${type.split('::')[2]?.toLowerCase()}`;
      expect(path.startsWith(`aws/111111111111/eu-west-1/${directory}/`)).toBe(true);
      expect(path).not.toMatch(/:/);
      expect(parseResourcePath(path)).toStrictEqual({
        accountId: SAMPLE.accountId,
        region: SAMPLE.region,
        typeDirectory: directory,
        resourceId: resource.resourceId,
      });
    }
  });

  it('puts the access policies, sorted by ARN, under supplementaryConfiguration', async () => {
    const [, developers] = (await eksHarness(sim).collect('AWS::EKS::AccessEntry')).resources;
    const policies = developers?.supplementaryConfiguration?.['AccessPolicies'] as {
      policyArn: string;
    }[];
    expect(policies.map((p) => p.policyArn.split('/')[1])).toStrictEqual([
      'AmazonEKSEditPolicy',
      'AmazonEKSViewPolicy',
    ]);
    expect(developers?.unreadable).toBeUndefined();
  });

  it('leaves the fields AWS changes on its own out, unless keepVolatile is set', async () => {
    const dropped = await eksHarness(sim).collect('AWS::EKS::Nodegroup');
    const kept = await eksHarness(sim, { keepVolatile: true }).collect('AWS::EKS::Nodegroup');
    const general = (o: typeof dropped) => o.resources[0]?.configuration ?? {};
    expect(general(dropped)).not.toHaveProperty('status');
    expect(general(dropped)['scalingConfig']).toStrictEqual({ minSize: 2, maxSize: 6 });
    expect(general(kept)).toMatchObject({
      status: 'ACTIVE',
      health: { issues: [] },
      modifiedAt: '2026-05-20T14:02:11.000Z',
      releaseVersion: '1.31.4-20250123',
      scalingConfig: { minSize: 2, maxSize: 6, desiredSize: 3 },
    });
    const cluster = await eksHarness(sim, { keepVolatile: true }).collect('AWS::EKS::Cluster');
    expect(cluster.resources[0]?.configuration).toMatchObject({
      status: 'ACTIVE',
      platformVersion: 'eks.12',
      health: { issues: [] },
    });
  });

  it('renders the same bytes after AWS changed only volatile fields', async () => {
    const scan = async () => {
      const harness = eksHarness(sim);
      const files: string[] = [];
      for (const type of EKS_TYPES) {
        for (const r of (await harness.collect(type)).resources) {
          files.push(
            `${renderResource(r).path}\n${new TextDecoder().decode(renderResource(r).bytes)}`,
          );
        }
      }
      return files;
    };
    const before = await scan();
    const later = new Date('2026-06-01T00:00:00.000Z');
    Object.assign(prod.cluster, {
      status: 'UPDATING',
      platformVersion: 'eks.13',
      health: { issues: [{ code: 'Ec2SubnetNotFound', message: 'gone', resourceIds: ['s'] }] },
    });
    for (const ng of prod.nodegroups) {
      Object.assign(ng, {
        status: 'UPDATING',
        releaseVersion: '1.31.5-20250301',
        modifiedAt: later,
        health: { issues: [{ code: 'AsgInstanceLaunchFailures' }] },
      });
      if (ng.scalingConfig) ng.scalingConfig.desiredSize = 5;
    }
    for (const addon of prod.addons)
      Object.assign(addon, { status: 'DEGRADED', modifiedAt: later });
    for (const profile of prod.fargateProfiles) profile.status = 'CREATING';
    for (const { entry, policies } of prod.accessEntries) {
      entry.modifiedAt = later;
      for (const policy of policies) policy.modifiedAt = later;
    }
    for (const association of prod.podIdentityAssociations) association.modifiedAt = later;
    for (const config of prod.identityProviderConfigs) config.status = 'CREATING';
    expect(await scan()).toStrictEqual(before);

    if (prod.nodegroups[0]?.scalingConfig) prod.nodegroups[0].scalingConfig.maxSize = 9;
    expect(await scan()).not.toStrictEqual(before);
  });

  it('skips a cluster deleted between ListClusters and DescribeCluster, and stays complete', async () => {
    afterAnswering('ListClusters', () => {
      const region = sim.world.accounts[SAMPLE.accountId]?.eks?.[SAMPLE.region];
      if (region) region.clusters = [];
    });
    const output = await eksHarness(sim).collect('AWS::EKS::Cluster');
    expect(output).toStrictEqual({ resources: [], warnings: [], complete: true });
    expect(sim.calls.map((c) => [c.action, c.status])).toStrictEqual([
      ['ListClusters', 200],
      ['DescribeCluster', 404],
    ]);
  });

  it('skips a node group deleted between ListNodegroups and DescribeNodegroup', async () => {
    afterAnswering('ListNodegroups', () => {
      prod.nodegroups = prod.nodegroups.filter((n) => n.nodegroupName !== 'spot');
    });
    const output = await eksHarness(sim).collect('AWS::EKS::Nodegroup');
    expect(output.resources.map((r) => r.resourceId)).toStrictEqual(['prod:general']);
    expect(output.complete).toBe(true);
  });

  it('skips the children of a cluster deleted after ListClusters', async () => {
    afterAnswering('ListClusters', () => {
      const region = sim.world.accounts[SAMPLE.accountId]?.eks?.[SAMPLE.region];
      if (region) region.clusters = [];
    });
    const output = await eksHarness(sim).collect('AWS::EKS::Addon');
    expect(output).toStrictEqual({ resources: [], warnings: [], complete: true });
    expect(sim.calls.map((c) => [c.action, c.status])).toStrictEqual([
      ['ListClusters', 200],
      ['ListAddons', 404],
    ]);
  });

  it('reports a denied Describe as one warning and an incomplete type', async () => {
    sim.faults.deny({ action: 'DescribeNodegroup' });
    const harness = eksHarness(sim);
    const output = await harness.collect('AWS::EKS::Nodegroup');
    expect(output.complete).toBe(false);
    expect(output.resources).toStrictEqual([]);
    expect(output.warnings).toStrictEqual([
      {
        code: 'denied',
        target: 'aws-caller-eu-west-1-eks',
        scope: 'aws/111111111111/eu-west-1/eks/nodegroup',
        operation: 'eks:DescribeNodegroup',
        message:
          'eks:DescribeNodegroup denied in 111111111111/eu-west-1 (AccessDeniedException, 2 calls); previous AWS::EKS::Nodegroup files kept',
      },
    ]);
    expect(harness.log.map((l) => [l.level, l.message])).toStrictEqual([
      ['warn', 'Collector failed'],
    ]);
  });

  it('makes every type incomplete when ListClusters is denied', async () => {
    sim.faults.deny({ action: 'ListClusters' });
    for (const type of EKS_TYPES) {
      const output = await eksHarness(sim).collect(type);
      expect([
        output.complete,
        output.resources,
        output.warnings.map((w) => w.operation),
      ]).toStrictEqual([false, [], ['eks:ListClusters']]);
    }
  });

  it('reads a CONFIG_MAP cluster as complete with no access entries, not as a failed read', async () => {
    prod.cluster.accessConfig = { authenticationMode: 'CONFIG_MAP' };
    const harness = eksHarness(sim);
    const output = await harness.collect('AWS::EKS::AccessEntry');
    expect(output).toStrictEqual({ resources: [], warnings: [], complete: true });
    expect(sim.calls.map((c) => [c.action, c.status])).toStrictEqual([
      ['ListClusters', 200],
      ['ListAccessEntries', 400],
    ]);
    expect(harness.calls).toStrictEqual({ eks: 2 });
    expect(harness.log).toStrictEqual([]);
  });

  it('still makes access entries incomplete when ListAccessEntries is denied', async () => {
    sim.faults.deny({ action: 'ListAccessEntries' });
    const output = await eksHarness(sim).collect('AWS::EKS::AccessEntry');
    expect([output.complete, output.warnings.map((w) => w.operation)]).toStrictEqual([
      false,
      ['eks:ListAccessEntries'],
    ]);
  });

  it('marks access policies unreadable when their read is denied, and still writes the entries', async () => {
    sim.faults.deny({ action: 'ListAssociatedAccessPolicies' });
    const output = await eksHarness(sim).collect('AWS::EKS::AccessEntry');
    expect(output.complete).toBe(true);
    expect(
      output.resources.map((r) => [r.resourceId, r.unreadable, r.supplementaryConfiguration]),
    ).toStrictEqual([
      [`prod:${ROLE('eks-admin')}`, ['AccessPolicies'], undefined],
      [`prod:${ROLE('developers')}`, ['AccessPolicies'], undefined],
    ]);
    expect(output.warnings.map((w) => [w.code, w.operation, w.message])).toStrictEqual([
      [
        'denied',
        'eks:ListAssociatedAccessPolicies',
        'eks:ListAssociatedAccessPolicies denied in 111111111111/eu-west-1 (AccessDeniedException, 2 calls); marked unreadable on those AWS::EKS::AccessEntry records',
      ],
    ]);
  });

  it('rides out throttling within the SDK retries, counting each call once', async () => {
    sim.faults.throttle({ action: 'DescribeAddon', count: 2 });
    const harness = eksHarness(sim);
    const output = await harness.collect('AWS::EKS::Addon');
    expect(output.complete).toBe(true);
    expect(output.resources).toHaveLength(2);
    // ListClusters, ListAddons, DescribeAddon x2; the SDK's retries are not extra calls.
    expect(harness.calls).toStrictEqual({ eks: 4 });
  });
});
