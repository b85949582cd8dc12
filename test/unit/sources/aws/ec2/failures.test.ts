import { describe, expect, it } from 'vitest';
import { launchTemplateCollector } from '../../../../../lib/sources/aws/ec2/launch-templates.js';
import { prefixListCollector } from '../../../../../lib/sources/aws/ec2/prefix-lists.js';
import { securityGroupCollector } from '../../../../../lib/sources/aws/ec2/security-groups.js';
import { vpcCollector } from '../../../../../lib/sources/aws/ec2/vpcs.js';
import { collectorsFor } from '../../../../../lib/sources/aws/registry.js';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { ec2Region } from '../../../../sim/aws/world.js';
import { useSampleSim } from '../sample-sim.js';
import { SAMPLE, simContext } from './context.js';

// Values from the sample world that must never appear in a warning or a log line.
const VALUES = [
  'vpc-0a1b2c3d4e5f60001',
  'sg-0a1b2c3d4e5f60e00',
  'pl-0a1b2c3d4e5f60001',
  'lt-0a1b2c3d4e5f60001',
  '10.20.',
  'office-cidrs',
  'statetrail-scanner',
];

function expectNoValues(texts: readonly string[]): void {
  const all = texts.join('\n');
  for (const value of VALUES) expect(all).not.toContain(value);
}

const LIST_ACTIONS: Record<string, string> = {
  'AWS::EC2::Instance': 'DescribeInstances',
  'AWS::EC2::SecurityGroup': 'DescribeSecurityGroups',
  'AWS::EC2::VPC': 'DescribeVpcs',
  'AWS::EC2::Subnet': 'DescribeSubnets',
  'AWS::EC2::RouteTable': 'DescribeRouteTables',
  'AWS::EC2::NetworkAcl': 'DescribeNetworkAcls',
  'AWS::EC2::InternetGateway': 'DescribeInternetGateways',
  'AWS::EC2::EgressOnlyInternetGateway': 'DescribeEgressOnlyInternetGateways',
  'AWS::EC2::NatGateway': 'DescribeNatGateways',
  'AWS::EC2::EIP': 'DescribeAddresses',
  'AWS::EC2::Volume': 'DescribeVolumes',
  'AWS::EC2::NetworkInterface': 'DescribeNetworkInterfaces',
  'AWS::EC2::LaunchTemplate': 'DescribeLaunchTemplates',
  'AWS::EC2::KeyPair': 'DescribeKeyPairs',
  'AWS::EC2::VPCEndpoint': 'DescribeVpcEndpoints',
  'AWS::EC2::VPCPeeringConnection': 'DescribeVpcPeeringConnections',
  'AWS::EC2::PrefixList': 'DescribeManagedPrefixLists',
};

describe('EC2 collectors when AWS says no', () => {
  let sim: AwsSim;

  useSampleSim((started) => {
    sim = started;
  });

  it('has a list action for every collector', () => {
    expect(
      collectorsFor('ec2')
        .map((c) => c.resourceType)
        .sort(),
    ).toEqual(Object.keys(LIST_ACTIONS).sort());
  });

  it.each(Object.entries(LIST_ACTIONS))(
    'reports %s incomplete with a denied warning when %s is denied',
    async (resourceType, action) => {
      const collector = collectorsFor('ec2').find((c) => c.resourceType === resourceType);
      sim.faults.deny({ action });
      const { context, logs } = simContext(sim);
      const output = await collector?.collect(context);
      expect(output?.complete).toBe(false);
      expect(output?.resources).toEqual([]);
      expect(output?.warnings).toEqual([
        expect.objectContaining({ code: 'denied', operation: `ec2:${action}` }),
      ]);
      expect(output?.warnings[0]?.message).toContain('previous');
      expectNoValues([JSON.stringify(output?.warnings), ...logs]);
    },
  );

  it('reports a list throttled past every retry as throttled, not as empty', async () => {
    sim.faults.throttle({ action: 'DescribeRouteTables', count: 10 });
    const { context } = simContext(sim);
    const routeTables = collectorsFor('ec2').find((c) => c.resourceType === 'AWS::EC2::RouteTable');
    const output = await routeTables?.collect(context);
    expect(output?.complete).toBe(false);
    expect(output?.warnings.map((w) => w.code)).toEqual(['throttled']);
  });

  it('writes VPCs with every attribute unreadable when DescribeVpcAttribute is denied', async () => {
    sim.faults.deny({ action: 'DescribeVpcAttribute' });
    const { context, logs } = simContext(sim);
    const output = await vpcCollector.collect(context);
    expect(output.complete).toBe(true);
    expect(output.resources).toHaveLength(1);
    expect(output.resources[0]?.unreadable).toEqual([
      'EnableDnsSupport',
      'EnableDnsHostnames',
      'EnableNetworkAddressUsageMetrics',
    ]);
    expect(output.resources[0]?.supplementaryConfiguration).toBeUndefined();
    expect(output.warnings).toEqual([
      expect.objectContaining({ code: 'denied', operation: 'ec2:DescribeVpcAttribute' }),
    ]);
    expect(output.warnings[0]?.message).toContain('3 of 3 reads recorded as unreadable');
    expectNoValues([JSON.stringify(output.warnings), ...logs]);
  });

  it('marks only the reads that failed: a VPC deleted between listing and reading', async () => {
    const region = ec2Region(sim.world, SAMPLE.accountId, SAMPLE.region);
    const [main] = region.vpcs;
    const gone = { ...main, VpcId: 'vpc-0a1b2c3d4e5f6ffff' };
    region.vpcs.push(gone);
    const { context } = simContext(sim);
    // The listing is counted when its page arrives: the VPC goes before its attributes are read.
    const countCall = context.countCall;
    const output = await vpcCollector.collect({
      ...context,
      countCall: (service) => {
        countCall(service);
        region.vpcs = region.vpcs.filter((v) => v !== gone);
      },
    });
    expect(output.complete).toBe(true);
    expect(output.resources.map((r) => [r.resourceId, r.unreadable ?? []])).toEqual([
      ['vpc-0a1b2c3d4e5f60001', []],
      [
        'vpc-0a1b2c3d4e5f6ffff',
        ['EnableDnsSupport', 'EnableDnsHostnames', 'EnableNetworkAddressUsageMetrics'],
      ],
    ]);
    expect(output.resources[0]?.supplementaryConfiguration).toEqual({
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
      EnableNetworkAddressUsageMetrics: false,
    });
    expect(output.warnings.map((w) => [w.code, w.operation])).toEqual([
      ['failed', 'ec2:DescribeVpcAttribute'],
    ]);
    expect(output.warnings[0]?.message).not.toContain('vpc-0a1b2c3d4e5f6ffff');
  });

  it('keeps the groups, complete, with their rules unreadable when DescribeSecurityGroupRules is denied', async () => {
    sim.faults.deny({ action: 'DescribeSecurityGroupRules' });
    const { context, logs } = simContext(sim);
    const output = await securityGroupCollector.collect(context);
    expect(output.complete).toBe(true);
    expect(output.resources).toHaveLength(3);
    for (const group of output.resources) {
      expect(group.unreadable).toEqual(['SecurityGroupRules']);
      expect(group.configuration['IpPermissions']).toBeDefined();
    }
    expect(output.warnings).toEqual([
      expect.objectContaining({ code: 'denied', operation: 'ec2:DescribeSecurityGroupRules' }),
    ]);
    expectNoValues([JSON.stringify(output.warnings), ...logs]);
  });

  it('keeps the templates, complete, with their versions unreadable when the versions listing is denied', async () => {
    sim.faults.deny({ action: 'DescribeLaunchTemplateVersions' });
    const { context } = simContext(sim);
    const output = await launchTemplateCollector.collect(context);
    expect(output.complete).toBe(true);
    expect(output.resources[0]?.unreadable).toEqual(['DefaultVersion', 'LatestVersion']);
    expect(output.warnings.map((w) => [w.code, w.operation])).toEqual([
      ['denied', 'ec2:DescribeLaunchTemplateVersions'],
    ]);
  });

  it('keeps a prefix list, complete, with its entries unreadable when they are denied', async () => {
    sim.faults.deny({ action: 'GetManagedPrefixListEntries' });
    const { context } = simContext(sim);
    const output = await prefixListCollector.collect(context);
    expect(output.complete).toBe(true);
    expect(output.resources.map((r) => [r.resourceId, r.unreadable])).toEqual([
      ['pl-0a1b2c3d4e5f60001', ['Entries']],
    ]);
    expect(output.warnings.map((w) => w.code)).toEqual(['denied']);
  });

  it('makes no per-group rules call and no rules call at all when the group list is denied', async () => {
    sim.faults.deny({ action: 'DescribeSecurityGroups' });
    const { context } = simContext(sim);
    await securityGroupCollector.collect(context);
    expect(sim.calls.map((c) => c.action)).toEqual(['DescribeSecurityGroups']);
  });
});
