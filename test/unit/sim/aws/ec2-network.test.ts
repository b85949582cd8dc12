import {
  DescribeAddressesCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInstanceAttributeCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeManagedPrefixListsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeVpcAttributeCommand,
  type EC2Client,
  GetManagedPrefixListEntriesCommand,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeInternetGateways,
  paginateDescribeLaunchTemplates,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroupRules,
  paginateDescribeVolumes,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcPeeringConnections,
} from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { securityGroupRulesOf } from '../../../sim/aws/ec2-security-group-rules.js';
import type { AwsSim } from '../../../sim/aws/server.js';
import type { Ec2RegionWorld } from '../../../sim/aws/world.js';
import { collect, failureOf, useSampleEc2 } from './sim-client.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

describe('the simulated VPC and EBS APIs, read by the real SDK', () => {
  let sim: AwsSim;
  let ec2: EC2Client;
  let estate: Ec2RegionWorld;

  useSampleEc2({ accountId: ACCOUNT, region: REGION }, (sample) => {
    ({ sim, ec2, estate } = sample);
  });
  afterEach(() => sim.resetCalls());

  it('returns every new type exactly as the world holds it, dates included', async () => {
    const all = async <P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined) =>
      (await collect(pages)).flatMap((page) => items(page) ?? []);
    const client = ec2;
    expect(
      await all(paginateDescribeRouteTables({ client, pageSize: 5 }, {}), (p) => p.RouteTables),
    ).toStrictEqual(estate.routeTables);
    expect(
      await all(paginateDescribeNetworkAcls({ client, pageSize: 5 }, {}), (p) => p.NetworkAcls),
    ).toStrictEqual(estate.networkAcls);
    expect(
      await all(
        paginateDescribeInternetGateways({ client, pageSize: 5 }, {}),
        (p) => p.InternetGateways,
      ),
    ).toStrictEqual(estate.internetGateways);
    expect(
      await all(
        paginateDescribeEgressOnlyInternetGateways({ client, pageSize: 5 }, {}),
        (p) => p.EgressOnlyInternetGateways,
      ),
    ).toStrictEqual(estate.egressOnlyInternetGateways);
    expect(
      await all(paginateDescribeNatGateways({ client, pageSize: 5 }, {}), (p) => p.NatGateways),
    ).toStrictEqual(estate.natGateways);
    expect(
      await all(paginateDescribeVolumes({ client, pageSize: 5 }, {}), (p) => p.Volumes),
    ).toStrictEqual(estate.volumes);
    expect(
      await all(
        paginateDescribeNetworkInterfaces({ client, pageSize: 5 }, {}),
        (p) => p.NetworkInterfaces,
      ),
    ).toStrictEqual(estate.networkInterfaces);
    expect(
      await all(
        paginateDescribeLaunchTemplates({ client, pageSize: 5 }, {}),
        (p) => p.LaunchTemplates,
      ),
    ).toStrictEqual(estate.launchTemplates);
    expect(
      await all(paginateDescribeVpcEndpoints({ client, pageSize: 5 }, {}), (p) => p.VpcEndpoints),
    ).toStrictEqual(estate.vpcEndpoints);
    expect(
      await all(
        paginateDescribeVpcPeeringConnections({ client, pageSize: 5 }, {}),
        (p) => p.VpcPeeringConnections,
      ),
    ).toStrictEqual(estate.vpcPeeringConnections);
    expect(
      await all(
        paginateDescribeManagedPrefixLists({ client, pageSize: 1 }, {}),
        (p) => p.PrefixLists,
      ),
    ).toStrictEqual(estate.managedPrefixLists);
    expect((await ec2.send(new DescribeAddressesCommand({}))).Addresses).toStrictEqual(
      estate.addresses,
    );
    expect(estate.volumes[0]?.CreateTime).toBeInstanceOf(Date);
  });

  it('answers DescribeAddresses and DescribeKeyPairs whole, as APIs without paging, and key material only on request', async () => {
    const keys = await ec2.send(new DescribeKeyPairsCommand({}));
    expect(keys.KeyPairs?.[0]?.PublicKey).toBeUndefined();
    const withKey = await ec2.send(new DescribeKeyPairsCommand({ IncludePublicKey: true }));
    expect(withKey.KeyPairs).toStrictEqual(estate.keyPairs);
    expect(sim.calls.map((c) => c.paginated)).toEqual([undefined, undefined]);
  });

  it.each([
    ['DescribeRouteTables', 101, () => new DescribeRouteTablesCommand({ MaxResults: 101 })],
    ['DescribeRouteTables', 4, () => new DescribeRouteTablesCommand({ MaxResults: 4 })],
    [
      'DescribeEgressOnlyInternetGateways',
      256,
      () => new DescribeEgressOnlyInternetGatewaysCommand({ MaxResults: 256 }),
    ],
    [
      'DescribeManagedPrefixLists',
      101,
      () => new DescribeManagedPrefixListsCommand({ MaxResults: 101 }),
    ],
    [
      'DescribeLaunchTemplateVersions',
      201,
      () => new DescribeLaunchTemplateVersionsCommand({ Versions: ['$Latest'], MaxResults: 201 }),
    ],
  ] as const)(
    'rejects %s with MaxResults %i, outside the API’s range',
    async (_action, _max, command) => {
      const error = await failureOf(ec2.send(command() as never));
      expect(error.name).toBe('InvalidParameterValue');
    },
  );

  it('pages prefix-list entries of one list', async () => {
    const out = await ec2.send(
      new GetManagedPrefixListEntriesCommand({
        PrefixListId: 'pl-0a1b2c3d4e5f60001',
        MaxResults: 2,
      }),
    );
    expect(out.Entries).toHaveLength(2);
    const rest = await ec2.send(
      new GetManagedPrefixListEntriesCommand({
        PrefixListId: 'pl-0a1b2c3d4e5f60001',
        MaxResults: 2,
        NextToken: out.NextToken ?? '',
      }),
    );
    expect([...(out.Entries ?? []), ...(rest.Entries ?? [])]).toStrictEqual(
      estate.prefixListEntries['pl-0a1b2c3d4e5f60001'],
    );
    const missing = await failureOf(
      ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: 'pl-0nope' })),
    );
    expect(missing.name).toBe('InvalidPrefixListID.NotFound');
  });

  describe('DescribeLaunchTemplateVersions', () => {
    it('describes the latest and default versions of every template when no template is named', async () => {
      const out = await ec2.send(
        new DescribeLaunchTemplateVersionsCommand({ Versions: ['$Latest', '$Default'] }),
      );
      expect(
        out.LaunchTemplateVersions?.map((v) => [
          v.LaunchTemplateId,
          v.VersionNumber,
          v.DefaultVersion,
        ]),
      ).toEqual([
        ['lt-0a1b2c3d4e5f60001', 1, true],
        ['lt-0a1b2c3d4e5f60001', 2, false],
      ]);
    });

    it('refuses version numbers, or no versions, without a template', async () => {
      for (const Versions of [['1'], undefined]) {
        const error = await failureOf(
          ec2.send(new DescribeLaunchTemplateVersionsCommand(Versions ? { Versions } : {})),
        );
        expect(error.name).toBe('MissingParameter');
      }
    });

    it('describes one template’s versions by number, alias or range', async () => {
      const byNumber = await ec2.send(
        new DescribeLaunchTemplateVersionsCommand({
          LaunchTemplateId: 'lt-0a1b2c3d4e5f60001',
          Versions: ['2'],
        }),
      );
      expect(byNumber.LaunchTemplateVersions?.map((v) => v.VersionNumber)).toEqual([2]);
      const byName = await ec2.send(
        new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'web', MinVersion: '1' }),
      );
      expect(byName.LaunchTemplateVersions?.map((v) => v.VersionNumber)).toEqual([1, 2]);
      const missing = await failureOf(
        ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: 'lt-0nope' })),
      );
      expect(missing.name).toBe('InvalidLaunchTemplateId.NotFound');
    });
  });

  describe('DescribeSecurityGroupRules', () => {
    it('lists one rule per source of each IpPermission, consistent with the groups', async () => {
      const rules = (
        await collect(paginateDescribeSecurityGroupRules({ client: ec2, pageSize: 5 }, {}))
      ).flatMap((p) => p.SecurityGroupRules ?? []);
      const web = estate.securityGroups.find((g) => g.GroupName === 'web');
      const ofWeb = rules.filter((r) => r.GroupId === web?.GroupId);
      // 80 (v4), 443 (v4 + v6), 8080 (group) in, all traffic out.
      expect(
        ofWeb.map((r) => [
          r.IsEgress,
          r.IpProtocol,
          r.FromPort,
          r.CidrIpv4 ?? r.CidrIpv6 ?? r.ReferencedGroupInfo?.GroupId,
        ]),
      ).toEqual([
        [false, 'tcp', 80, '0.0.0.0/0'],
        [false, 'tcp', 443, '0.0.0.0/0'],
        [false, 'tcp', 443, '::/0'],
        [false, 'tcp', 8080, 'sg-0a1b2c3d4e5f60d00'],
        [true, '-1', -1, '0.0.0.0/0'],
      ]);
      expect(rules).toStrictEqual(
        estate.securityGroups.flatMap((g) => securityGroupRulesOf(g, REGION)),
      );
    });

    it('keeps a rule’s sgr- id when only its description changes, and filters by group', async () => {
      const web = estate.securityGroups.find((g) => g.GroupName === 'web');
      const filter = { Filters: [{ Name: 'group-id', Values: [web?.GroupId ?? ''] }] };
      const before = await ec2.send(new DescribeSecurityGroupRulesCommand(filter));
      const range = web?.IpPermissions?.[0]?.IpRanges?.[0];
      if (range) range.Description = 'changed by hand';
      const after = await ec2.send(new DescribeSecurityGroupRulesCommand(filter));
      expect(after.SecurityGroupRules?.map((r) => r.SecurityGroupRuleId)).toEqual(
        before.SecurityGroupRules?.map((r) => r.SecurityGroupRuleId),
      );
      expect(after.SecurityGroupRules?.every((r) => r.GroupId === web?.GroupId)).toBe(true);
    });
  });

  describe('attributes', () => {
    it('answers one VPC attribute per call, a new VPC’s defaults when none are stored', async () => {
      const vpc = 'vpc-0a1b2c3d4e5f60001';
      const hostnames = await ec2.send(
        new DescribeVpcAttributeCommand({ VpcId: vpc, Attribute: 'enableDnsHostnames' }),
      );
      expect(hostnames.EnableDnsHostnames).toEqual({ Value: true });
      expect(hostnames.EnableDnsSupport).toBeUndefined();
      delete estate.vpcAttributes[vpc];
      const defaults = await ec2.send(
        new DescribeVpcAttributeCommand({ VpcId: vpc, Attribute: 'enableDnsHostnames' }),
      );
      expect(defaults.EnableDnsHostnames).toEqual({ Value: false });
      const missing = await failureOf(
        ec2.send(
          new DescribeVpcAttributeCommand({ VpcId: 'vpc-0nope', Attribute: 'enableDnsSupport' }),
        ),
      );
      expect(missing.name).toBe('InvalidVpcID.NotFound');
    });

    it('answers an instance’s user data in base64, and an empty value when it has none', async () => {
      const web = await ec2.send(
        new DescribeInstanceAttributeCommand({
          InstanceId: 'i-0a1b2c3d4e5f60101',
          Attribute: 'userData',
        }),
      );
      expect(Buffer.from(web.UserData?.Value ?? '', 'base64').toString()).toContain('nginx');
      const db = await ec2.send(
        new DescribeInstanceAttributeCommand({
          InstanceId: 'i-0a1b2c3d4e5f60102',
          Attribute: 'userData',
        }),
      );
      expect(db.UserData).toEqual({});
      const missing = await failureOf(
        ec2.send(
          new DescribeInstanceAttributeCommand({ InstanceId: 'i-0nope', Attribute: 'userData' }),
        ),
      );
      expect(missing.name).toBe('InvalidInstanceID.NotFound');
    });
  });

  it('applies faults to the new actions like any other', async () => {
    sim.faults.deny({ action: 'DescribeVpcAttribute' });
    const error = await failureOf(
      ec2.send(
        new DescribeVpcAttributeCommand({
          VpcId: 'vpc-0a1b2c3d4e5f60001',
          Attribute: 'enableDnsSupport',
        }),
      ),
    );
    sim.faults.clear();
    expect(error.name).toBe('UnauthorizedOperation');
  });
});
