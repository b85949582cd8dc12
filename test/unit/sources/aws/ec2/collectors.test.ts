import { beforeEach, describe, expect, it } from 'vitest';
import { keyPairCollector } from '../../../../../lib/sources/aws/ec2/key-pairs.js';
import { launchTemplateCollector } from '../../../../../lib/sources/aws/ec2/launch-templates.js';
import { natGatewayCollector } from '../../../../../lib/sources/aws/ec2/nat-gateways.js';
import {
  isUserNetworkInterface,
  networkInterfaceCollector,
} from '../../../../../lib/sources/aws/ec2/network-interfaces.js';
import { prefixListCollector } from '../../../../../lib/sources/aws/ec2/prefix-lists.js';
import { securityGroupCollector } from '../../../../../lib/sources/aws/ec2/security-groups.js';
import { vpcEndpointCollector } from '../../../../../lib/sources/aws/ec2/vpc-endpoints.js';
import { vpcPeeringConnectionCollector } from '../../../../../lib/sources/aws/ec2/vpc-peering-connections.js';
import { collectorsFor } from '../../../../../lib/sources/aws/registry.js';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { type Ec2RegionWorld, ec2Region } from '../../../../sim/aws/world.js';
import { useSampleSim } from '../sample-sim.js';
import { SAMPLE, simContext } from './context.js';

describe('Function: isUserNetworkInterface', () => {
  it.each([
    [
      'a plain interface a user made',
      { InterfaceType: 'interface', RequesterManaged: false },
      true,
    ],
    [
      'an instance’s own interface',
      { InterfaceType: 'interface', Attachment: { DeviceIndex: 0 } },
      true,
    ],
    ['one without a type (older answers)', {}, true],
    [
      'a requester-managed one (ELB, EKS)',
      { InterfaceType: 'interface', RequesterManaged: true },
      false,
    ],
    ['one a service operates', { InterfaceType: 'interface', Operator: { Managed: true } }, false],
    ['a NAT gateway’s', { InterfaceType: 'natGateway', RequesterManaged: true }, false],
    ['an endpoint’s', { InterfaceType: 'vpc_endpoint' }, false],
    ['a Lambda function’s', { InterfaceType: 'lambda' }, false],
    ['a trunk (ECS)', { InterfaceType: 'trunk' }, false],
  ] as const)('%s: %s', (_name, eni, expected) => {
    expect(isUserNetworkInterface(eni as never)).toBe(expected);
  });
});

describe('EC2 collectors: what each one takes and leaves', () => {
  let sim: AwsSim;
  let region: Ec2RegionWorld;

  useSampleSim((started) => {
    sim = started;
  });
  beforeEach(() => {
    region = ec2Region(sim.world, SAMPLE.accountId, SAMPLE.region);
  });

  it('names every type with its CloudFormation type, Terraform id and ec2 ARN', async () => {
    const { context } = simContext(sim);
    const seen: string[] = [];
    for (const collector of collectorsFor('ec2')) {
      const [first] = (await collector.collect(context)).resources;
      seen.push(`${first?.resourceType} ${first?.resourceId} ${first?.arn}`);
    }
    const arn = (resource: string) => `arn:aws:ec2:eu-west-1:111111111111:${resource}`;
    expect(seen).toEqual([
      `AWS::EC2::Instance i-0a1b2c3d4e5f60101 ${arn('instance/i-0a1b2c3d4e5f60101')}`,
      `AWS::EC2::SecurityGroup sg-0a1b2c3d4e5f60d00 ${arn('security-group/sg-0a1b2c3d4e5f60d00')}`,
      `AWS::EC2::VPC vpc-0a1b2c3d4e5f60001 ${arn('vpc/vpc-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::Subnet subnet-0a1b2c3d4e5f6000a ${arn('subnet/subnet-0a1b2c3d4e5f6000a')}`,
      `AWS::EC2::RouteTable rtb-0a1b2c3d4e5f60001 ${arn('route-table/rtb-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::NetworkAcl acl-0a1b2c3d4e5f60001 ${arn('network-acl/acl-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::InternetGateway igw-0a1b2c3d4e5f60001 ${arn('internet-gateway/igw-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::EgressOnlyInternetGateway eigw-0a1b2c3d4e5f60001 ${arn('egress-only-internet-gateway/eigw-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::NatGateway nat-0a1b2c3d4e5f60001 ${arn('natgateway/nat-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::EIP eipalloc-0a1b2c3d4e5f60001 ${arn('elastic-ip/eipalloc-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::Volume vol-0a1b2c3d4e5f60101 ${arn('volume/vol-0a1b2c3d4e5f60101')}`,
      `AWS::EC2::NetworkInterface eni-0a1b2c3d4e5f60101 ${arn('network-interface/eni-0a1b2c3d4e5f60101')}`,
      `AWS::EC2::LaunchTemplate lt-0a1b2c3d4e5f60001 ${arn('launch-template/lt-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::KeyPair ops ${arn('key-pair/key-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::VPCEndpoint vpce-0a1b2c3d4e5f60001 ${arn('vpc-endpoint/vpce-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::VPCPeeringConnection pcx-0a1b2c3d4e5f60001 ${arn('vpc-peering-connection/pcx-0a1b2c3d4e5f60001')}`,
      `AWS::EC2::PrefixList pl-0a1b2c3d4e5f60001 ${arn('prefix-list/pl-0a1b2c3d4e5f60001')}`,
    ]);
  });

  it('leaves out the ENIs of the NAT gateway and the endpoint, and keeps what tells ownership', async () => {
    const { context } = simContext(sim);
    const { resources } = await networkInterfaceCollector.collect(context);
    expect(resources.map((r) => r.resourceId)).toEqual([
      'eni-0a1b2c3d4e5f60101',
      'eni-0a1b2c3d4e5f60102',
      'eni-0a1b2c3d4e5f60c01',
    ]);
    expect(resources[0]?.configuration).toMatchObject({
      InterfaceType: 'interface',
      RequesterManaged: false,
    });
  });

  it('leaves out what is gone but still listed: deleted NAT gateways and endpoints, ended peerings', async () => {
    region.natGateways.push({
      ...region.natGateways[0],
      NatGatewayId: 'nat-0deleted',
      State: 'deleted',
    });
    region.vpcEndpoints.push({
      ...region.vpcEndpoints[0],
      VpcEndpointId: 'vpce-0deleted',
      State: 'deleted' as never,
    });
    for (const code of ['rejected', 'expired', 'deleted', 'failed', 'pending-acceptance'] as const)
      region.vpcPeeringConnections.push({
        ...region.vpcPeeringConnections[0],
        VpcPeeringConnectionId: `pcx-0${code}`,
        Status: { Code: code },
      });
    const { context } = simContext(sim);
    const ids = async (collector: typeof natGatewayCollector) =>
      (await collector.collect(context)).resources.map((r) => r.resourceId);
    expect(await ids(natGatewayCollector)).toEqual(['nat-0a1b2c3d4e5f60001']);
    expect(await ids(vpcEndpointCollector)).toEqual([
      'vpce-0a1b2c3d4e5f60001',
      'vpce-0a1b2c3d4e5f60002',
    ]);
    expect(await ids(vpcPeeringConnectionCollector)).toEqual([
      'pcx-0a1b2c3d4e5f60001',
      'pcx-0pending-acceptance',
    ]);
  });

  it('leaves out AWS-managed prefix lists and reads entries only for the customer ones', async () => {
    const { context } = simContext(sim);
    const { resources } = await prefixListCollector.collect(context);
    expect(resources.map((r) => r.resourceId)).toEqual(['pl-0a1b2c3d4e5f60001']);
    expect(resources[0]?.supplementaryConfiguration?.['Entries']).toEqual([
      { Cidr: '192.0.2.0/24', Description: 'Lisbon office' },
      { Cidr: '198.51.100.0/24', Description: 'Berlin office' },
      { Cidr: '203.0.113.8/29', Description: 'VPN' },
    ]);
    expect(
      sim.calls
        .filter((c) => c.action === 'GetManagedPrefixListEntries')
        .map((c) => c.params['PrefixListId']),
    ).toEqual(['pl-0a1b2c3d4e5f60001']);
  });

  it('reads every template’s default and latest version in one call without a template id', async () => {
    const { context } = simContext(sim);
    await launchTemplateCollector.collect(context);
    const versions = sim.calls.filter((c) => c.action === 'DescribeLaunchTemplateVersions');
    expect(versions.map((c) => c.params)).toEqual([
      { Versions: ['$Latest', '$Default'], MaxResults: 200 },
    ]);
  });

  it('gets every group’s sgr- rules from one region-wide listing, grouped by group', async () => {
    const { context } = simContext(sim);
    const { resources } = await securityGroupCollector.collect(context);
    expect(
      sim.calls.filter((c) => c.action === 'DescribeSecurityGroupRules').map((c) => c.params),
    ).toEqual([{ MaxResults: 1000 }]);
    for (const group of resources) {
      const rules = group.supplementaryConfiguration?.['SecurityGroupRules'] as {
        GroupId: string;
        SecurityGroupRuleId: string;
      }[];
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.every((r) => r.GroupId === group.resourceId)).toBe(true);
      const ids = rules.map((r) => r.SecurityGroupRuleId);
      expect(ids).toEqual([...ids].sort());
    }
  });

  it('names key pairs by key name, as Terraform does, and never asks for public key material', async () => {
    const { context } = simContext(sim);
    const { resources } = await keyPairCollector.collect(context);
    expect(resources.map((r) => [r.resourceId, r.resourceName])).toEqual([['ops', 'ops']]);
    expect(resources[0]?.configuration['PublicKey']).toBeUndefined();
    expect(sim.calls.map((c) => c.params)).toEqual([{}]);
  });
});
