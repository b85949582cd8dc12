import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserNetworkInterface } from '../../../../../lib/sources/aws/ec2/network-interfaces.js';
import { collectorsFor } from '../../../../../lib/sources/aws/registry.js';
import type { AwsCollector } from '../../../../../lib/sources/collector.js';
import { securityGroupRulesOf } from '../../../../sim/aws/ec2-security-group-rules.js';
import { generatedAccessKeyId, generatedAccountId } from '../../../../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../../../../sim/aws/server.js';
import {
  type Ec2RegionWorld,
  ec2Region,
  generateWorld,
  instancesOf,
} from '../../../../sim/aws/world.js';
import { simContext } from './context.js';

const REGION = 'eu-west-1';

// Every list call, its page size (the API's largest MaxResults) and how many items it answers.
function listCalls(ec2: Ec2RegionWorld): [string, number | undefined, number][] {
  const rules = ec2.securityGroups.flatMap((g) => securityGroupRulesOf(g, REGION));
  const versions = ec2.launchTemplates.reduce(
    (n, t) => n + (t.DefaultVersionNumber === t.LatestVersionNumber ? 1 : 2),
    0,
  );
  return [
    ['DescribeInstances', 1000, instancesOf(ec2).length],
    ['DescribeSecurityGroups', 1000, ec2.securityGroups.length],
    ['DescribeSecurityGroupRules', 1000, rules.length],
    ['DescribeVpcs', 1000, ec2.vpcs.length],
    ['DescribeSubnets', 1000, ec2.subnets.length],
    ['DescribeRouteTables', 100, ec2.routeTables.length],
    ['DescribeNetworkAcls', 1000, ec2.networkAcls.length],
    ['DescribeInternetGateways', 1000, ec2.internetGateways.length],
    ['DescribeEgressOnlyInternetGateways', 255, ec2.egressOnlyInternetGateways.length],
    ['DescribeNatGateways', 1000, ec2.natGateways.length],
    ['DescribeAddresses', undefined, ec2.addresses.length],
    ['DescribeVolumes', 1000, ec2.volumes.length],
    ['DescribeNetworkInterfaces', 1000, ec2.networkInterfaces.length],
    ['DescribeLaunchTemplates', 200, ec2.launchTemplates.length],
    ['DescribeLaunchTemplateVersions', 200, versions],
    ['DescribeKeyPairs', undefined, ec2.keyPairs.length],
    ['DescribeVpcEndpoints', 1000, ec2.vpcEndpoints.length],
    ['DescribeVpcPeeringConnections', 1000, ec2.vpcPeeringConnections.length],
    ['DescribeManagedPrefixLists', 100, ec2.managedPrefixLists.length],
  ];
}

describe('EC2 collectors on a large generated region', () => {
  let sim: AwsSim;
  let ec2: Ec2RegionWorld;
  const outputs = new Map<string, Awaited<ReturnType<AwsCollector['collect']>>>();
  let counted = 0;

  beforeAll(async () => {
    const world = generateWorld({
      seed: 11,
      instances: 1001,
      securityGroups: 1001,
      vpcs: 2,
      subnets: 4,
      routeTables: 201,
      networkAcls: 1001,
      internetGateways: 1001,
      egressOnlyInternetGateways: 256,
      natGateways: 1001,
      addresses: 1200,
      volumes: 1001,
      networkInterfaces: 1001,
      launchTemplates: 201,
      keyPairs: 1200,
      vpcEndpoints: 1001,
      vpcPeeringConnections: 1001,
      prefixLists: 101,
    });
    sim = await startAwsSim(world);
    ec2 = ec2Region(world, generatedAccountId(0), REGION);
    const { context, calls } = simContext(sim, {
      accountId: generatedAccountId(0),
      accessKeyId: generatedAccessKeyId(0),
    });
    for (const collector of collectorsFor('ec2'))
      outputs.set(collector.resourceType, await collector.collect(context));
    counted = calls['ec2'] ?? 0;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('makes exactly the calls the pages need, each with the largest MaxResults', () => {
    for (const [action, size, items] of listCalls(ec2)) {
      const made = sim.calls.filter((c) => c.action === action);
      const pages = size === undefined ? 1 : Math.max(1, Math.ceil(items / size));
      expect(made.length, action).toBe(pages);
      for (const call of made) {
        expect(call.status, action).toBe(200);
        expect(call.params['MaxResults'], action).toBe(size);
        // The two APIs without paging are neither paginated nor unpaginated in the call log.
        expect(call.paginated, action).toBe(size === undefined ? undefined : true);
      }
    }
    // The world is sized so that most lists need more than one page.
    const multiPage = listCalls(ec2).filter(
      ([, size, items]) => size !== undefined && items > size,
    );
    expect(multiPage.length).toBeGreaterThanOrEqual(14);
  });

  it('reads per resource only where the API forces it: VPC attributes and prefix-list entries', () => {
    const perResource = sim.calls.filter(
      (c) => !listCalls(ec2).some(([action]) => action === c.action),
    );
    const of = (action: string) => perResource.filter((c) => c.action === action);
    expect([...new Set(perResource.map((c) => c.action))].sort()).toEqual([
      'DescribeVpcAttribute',
      'GetManagedPrefixListEntries',
    ]);
    expect(of('DescribeVpcAttribute')).toHaveLength(3 * ec2.vpcs.length);
    expect(of('GetManagedPrefixListEntries')).toHaveLength(ec2.managedPrefixLists.length);
    for (const call of of('GetManagedPrefixListEntries'))
      expect(call.params['MaxResults']).toBe(100);
  });

  it('counts every call it makes', () => {
    expect(counted).toBe(sim.calls.length);
  });

  it('collects every item the region holds, minus service-managed ENIs', () => {
    const count = (type: string) => outputs.get(type)?.resources.length;
    expect(count('AWS::EC2::Instance')).toBe(1001);
    expect(count('AWS::EC2::RouteTable')).toBe(201);
    expect(count('AWS::EC2::EgressOnlyInternetGateway')).toBe(256);
    expect(count('AWS::EC2::EIP')).toBe(1200);
    expect(count('AWS::EC2::KeyPair')).toBe(1200);
    expect(count('AWS::EC2::LaunchTemplate')).toBe(201);
    expect(count('AWS::EC2::PrefixList')).toBe(101);
    expect(count('AWS::EC2::NetworkInterface')).toBe(
      ec2.networkInterfaces.filter(isUserNetworkInterface).length,
    );
    expect(count('AWS::EC2::NetworkInterface')).toBeLessThan(ec2.networkInterfaces.length);
    for (const [type, output] of outputs) {
      expect(output.complete, type).toBe(true);
      expect(output.warnings, type).toEqual([]);
    }
  });

  it('gives every launch template both versions and every group its rules', () => {
    for (const template of outputs.get('AWS::EC2::LaunchTemplate')?.resources ?? []) {
      expect(Object.keys(template.supplementaryConfiguration ?? {}).sort()).toEqual([
        'DefaultVersion',
        'LatestVersion',
      ]);
    }
    const rules = (outputs.get('AWS::EC2::SecurityGroup')?.resources ?? []).flatMap(
      (g) => g.supplementaryConfiguration?.['SecurityGroupRules'] as unknown[],
    );
    expect(rules).toHaveLength(
      ec2.securityGroups.flatMap((g) => securityGroupRulesOf(g, REGION)).length,
    );
  });
});
