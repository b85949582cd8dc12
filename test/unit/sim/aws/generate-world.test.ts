import { paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { generatedAccountId } from '../../../sim/aws/generate-world.js';
import { startAwsSim } from '../../../sim/aws/server.js';
import { ec2Region, generateWorld, instancesOf } from '../../../sim/aws/world.js';
import { collect, simEc2 } from './sim-client.js';

describe('generateWorld', () => {
  it('builds the same world from the same seed, and another from another seed', () => {
    const options = { seed: 42, accounts: 2, regions: ['eu-west-1', 'us-east-1'], instances: 30 };
    expect(generateWorld(options)).toStrictEqual(generateWorld(options));
    expect(generateWorld({ ...options, seed: 43 })).not.toStrictEqual(generateWorld(options));
  });

  it('builds the requested counts in every account and region, with unique ids', () => {
    const world = generateWorld({
      seed: 1,
      accounts: 3,
      regions: ['eu-west-1', 'eu-central-1'],
      instances: 40,
      securityGroups: 9,
      vpcs: 3,
      subnets: 6,
    });
    expect(Object.keys(world.accounts)).toStrictEqual([0, 1, 2].map(generatedAccountId));
    const ids: string[] = [];
    for (const account of Object.keys(world.accounts)) {
      for (const region of ['eu-west-1', 'eu-central-1']) {
        const ec2 = ec2Region(world, account, region);
        expect([
          instancesOf(ec2).length,
          ec2.securityGroups.length,
          ec2.vpcs.length,
          ec2.subnets.length,
        ]).toStrictEqual([40, 9, 3, 6]);
        ids.push(
          ...instancesOf(ec2).map((i) => i.InstanceId ?? ''),
          ...ec2.securityGroups.map((g) => g.GroupId ?? ''),
        );
        for (const vpc of ec2.vpcs) {
          expect(
            ec2.securityGroups.filter((g) => g.VpcId === vpc.VpcId && g.GroupName === 'default'),
          ).toHaveLength(1);
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  // How fast it builds them is the benchmark's business (npm run bench), not a timed test's.
  it('builds 20,000 instances', () => {
    const world = generateWorld({
      seed: 9,
      instances: 20_000,
      securityGroups: 200,
      vpcs: 4,
      subnets: 24,
    });
    expect(instancesOf(ec2Region(world, generatedAccountId(0), 'eu-west-1'))).toHaveLength(20_000);
  });

  it('builds objects the SDK reads back unchanged', async () => {
    const world = generateWorld({
      seed: 5,
      instances: 120,
      securityGroups: 20,
      vpcs: 2,
      subnets: 5,
    });
    const sim = await startAwsSim(world);
    const ec2 = simEc2(sim, {
      accessKeyId: world.accounts[generatedAccountId(0)]?.accessKeys[0]?.accessKeyId ?? '',
    });
    const pages = await collect(paginateDescribeInstances({ client: ec2, pageSize: 50 }, {}));
    ec2.destroy();
    await sim.close();
    const instances = pages.flatMap((p) =>
      (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
    );
    expect(instances).toStrictEqual(
      instancesOf(ec2Region(world, generatedAccountId(0), 'eu-west-1')),
    );
  });
});

describe('generateWorld: EC2 network and storage', () => {
  it('builds none of them unless asked, so existing worlds stay the same', () => {
    const region = ec2Region(generateWorld({ seed: 3 }), generatedAccountId(0), 'eu-west-1');
    expect([
      region.routeTables,
      region.volumes,
      region.networkInterfaces,
      region.launchTemplates,
    ]).toEqual([[], [], [], []]);
  });

  it('builds the requested counts, with unique ids', () => {
    const region = ec2Region(
      generateWorld({
        seed: 4,
        routeTables: 3,
        networkAcls: 2,
        internetGateways: 2,
        egressOnlyInternetGateways: 1,
        natGateways: 2,
        addresses: 4,
        volumes: 12,
        networkInterfaces: 8,
        launchTemplates: 3,
        keyPairs: 2,
        vpcEndpoints: 2,
        vpcPeeringConnections: 1,
        prefixLists: 2,
      }),
      generatedAccountId(0),
      'eu-west-1',
    );
    expect([
      region.routeTables.length,
      region.networkAcls.length,
      region.internetGateways.length,
      region.egressOnlyInternetGateways.length,
      region.natGateways.length,
      region.addresses.length,
      region.volumes.length,
      region.networkInterfaces.length,
      region.launchTemplates.length,
      region.launchTemplateVersions.length,
      region.keyPairs.length,
      region.vpcEndpoints.length,
      region.vpcPeeringConnections.length,
      region.managedPrefixLists.length,
      Object.keys(region.prefixListEntries).length,
    ]).toEqual([3, 2, 2, 1, 2, 4, 12, 8, 3, 6, 2, 2, 1, 2, 2]);
    const ids = [
      ...region.volumes.map((v) => v.VolumeId),
      ...region.networkInterfaces.map((n) => n.NetworkInterfaceId),
      ...region.routeTables.map((t) => t.RouteTableId),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
