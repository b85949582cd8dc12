import {
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type Reservation,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { AwsSim } from '../../../sim/aws/server.js';
import type { Ec2RegionWorld } from '../../../sim/aws/world.js';
import { collect, simEc2, useSampleEc2 } from './sim-client.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

describe('the simulated EC2 API, read by the real SDK', () => {
  let sim: AwsSim;
  let ec2: EC2Client;
  let estate: Ec2RegionWorld;

  useSampleEc2({ accountId: ACCOUNT, region: REGION }, (sample) => {
    ({ sim, ec2, estate } = sample);
  });

  it('returns the reservations and instances the world holds, dates included', async () => {
    const reservations: Reservation[] = [];
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 1000 }, {})) {
      reservations.push(...(page.Reservations ?? []));
    }
    expect(reservations).toStrictEqual(estate.reservations);
    expect(reservations[0]?.Instances?.[0]?.LaunchTime).toBeInstanceOf(Date);
  });

  it('returns the security groups, rules and group references the world holds', async () => {
    const groups = [];
    for await (const page of paginateDescribeSecurityGroups({ client: ec2, pageSize: 5 }, {})) {
      groups.push(...(page.SecurityGroups ?? []));
    }
    expect(groups).toStrictEqual(estate.securityGroups);
  });

  it('returns the VPCs and subnets the world holds', async () => {
    const vpcs = [];
    for await (const page of paginateDescribeVpcs({ client: ec2, pageSize: 5 }, {}))
      vpcs.push(...(page.Vpcs ?? []));
    const subnets = [];
    for await (const page of paginateDescribeSubnets({ client: ec2, pageSize: 5 }, {})) {
      subnets.push(...(page.Subnets ?? []));
    }
    expect(vpcs).toStrictEqual(estate.vpcs);
    expect(subnets).toStrictEqual(estate.subnets);
  });

  it('sees a change made to the world between two calls', async () => {
    const web = estate.securityGroups.find((g) => g.GroupName === 'web');
    web?.IpPermissions?.push({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '203.0.113.0/24' }],
      Ipv6Ranges: [],
      PrefixListIds: [],
      UserIdGroupPairs: [],
    });
    const out = await ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [web?.GroupId ?? ''] }),
    );
    expect(out.SecurityGroups).toStrictEqual([web]);
    expect(out.SecurityGroups?.[0]?.IpPermissions).toHaveLength(4);
  });

  it('carries markup characters, line breaks and empty strings through unchanged', async () => {
    const db = estate.securityGroups.find((g) => g.GroupName === 'db');
    db?.Tags?.push(
      { Key: 'note', Value: 'a<b & "c" > d\r\nline two' },
      { Key: 'empty', Value: '' },
    );
    const out = await ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [db?.GroupId ?? ''] }),
    );
    expect(out.SecurityGroups).toStrictEqual([db]);
  });

  it('lists the regions of the world', async () => {
    const out = await ec2.send(new DescribeRegionsCommand({}));
    expect(out.Regions).toStrictEqual(sim.world.regions);
  });

  it('answers an empty region with empty lists', async () => {
    const elsewhere = simEc2(sim, { region: 'us-east-1' });
    const pages = await collect(paginateDescribeInstances({ client: elsewhere, pageSize: 5 }, {}));
    elsewhere.destroy();
    expect(pages.map((p) => p.Reservations)).toStrictEqual([[]]);
  });

  it('logs each call with its account, region and SDK-shaped parameters', async () => {
    sim.resetCalls();
    await ec2.send(
      new DescribeSecurityGroupsCommand({
        MaxResults: 5,
        Filters: [{ Name: 'vpc-id', Values: ['vpc-x'] }],
      }),
    );
    expect(sim.calls).toStrictEqual([
      {
        service: 'ec2',
        action: 'DescribeSecurityGroups',
        accountId: ACCOUNT,
        region: REGION,
        params: { MaxResults: 5, Filters: [{ Name: 'vpc-id', Values: ['vpc-x'] }] },
        status: 200,
        paginated: true,
      },
    ]);
  });
});
