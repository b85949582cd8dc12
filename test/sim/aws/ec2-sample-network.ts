import { addressShape } from './ec2-attachable-shapes.js';
import {
  egressOnlyInternetGatewayShape,
  internetGatewayShape,
  managedPrefixListShape,
  natGatewayShape,
  networkAclShape,
  route,
  routeAssociation,
  routeTableShape,
  vpcPeeringConnectionShape,
} from './ec2-network-shapes.js';
import type { Ec2NetworkWorld } from './ec2-network-world.js';
import { sampleEc2Compute } from './ec2-sample-compute.js';
import { gatewayEndpointShape, interfaceEndpointShape } from './ec2-template-shapes.js';

/** The sample world's own ids that the network resources refer to (sample-world.ts). */
export interface SampleEc2Ids {
  accountId: string;
  region: string;
  vpcId: string;
  vpcCidr: string;
  /** Public subnet (eu-west-1a), private subnet (eu-west-1b). */
  subnetA: string;
  subnetB: string;
  sgDefault: string;
  sgWeb: string;
}

// The AWS-managed S3 prefix list of eu-west-1, which private route tables route to.
const S3_PREFIX_LIST = 'pl-6da54004';

/**
 * The sample VPC's network and storage around the two instances: main, public and private route
 * tables (the public one with a VGW-propagated route), the default NACL, an internet gateway, an
 * egress-only gateway, a NAT gateway with its Elastic IP plus a spare EIP, S3 gateway and SSM
 * interface endpoints, a peering to another account, one customer prefix list next to an
 * AWS-managed one, the VPC's attributes, and the compute side of ec2-sample-compute.ts.
 */
export function sampleEc2Network(ids: SampleEc2Ids): Ec2NetworkWorld {
  const { accountId, region, vpcId, vpcCidr, subnetA, subnetB, sgDefault } = ids;
  // The ENIs of the NAT gateway and of the SSM endpoint (ec2-sample-compute.ts).
  const natEni = 'eni-0a1b2c3d4e5f60a01';
  const endpointEni = 'eni-0a1b2c3d4e5f60a02';
  return {
    ...sampleEc2Compute(ids),
    routeTables: [
      routeTableShape({
        accountId,
        vpcId,
        vpcCidr,
        routeTableId: 'rtb-0a1b2c3d4e5f60001',
        associations: [routeAssociation('rtb-0a1b2c3d4e5f60001', 'rtbassoc-0a1b2c3d4e5f60001')],
        tags: { Name: 'main' },
      }),
      {
        ...routeTableShape({
          accountId,
          vpcId,
          vpcCidr,
          routeTableId: 'rtb-0a1b2c3d4e5f6000a',
          routes: [
            {
              DestinationCidrBlock: '172.16.0.0/12',
              GatewayId: 'vgw-0a1b2c3d4e5f60001',
              Origin: 'EnableVgwRoutePropagation',
              State: 'active',
            },
            route('::/0', { EgressOnlyInternetGatewayId: 'eigw-0a1b2c3d4e5f60001' }),
            route('0.0.0.0/0', { GatewayId: 'igw-0a1b2c3d4e5f60001' }),
          ],
          associations: [
            routeAssociation('rtb-0a1b2c3d4e5f6000a', 'rtbassoc-0a1b2c3d4e5f6000a', subnetA),
          ],
          tags: { Name: 'public', tier: 'public' },
        }),
        PropagatingVgws: [{ GatewayId: 'vgw-0a1b2c3d4e5f60001' }],
      },
      routeTableShape({
        accountId,
        vpcId,
        vpcCidr,
        routeTableId: 'rtb-0a1b2c3d4e5f6000b',
        routes: [
          route('0.0.0.0/0', { NatGatewayId: 'nat-0a1b2c3d4e5f60001' }),
          route('10.30.0.0/16', { VpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60001' }),
          {
            DestinationPrefixListId: S3_PREFIX_LIST,
            GatewayId: 'vpce-0a1b2c3d4e5f60001',
            Origin: 'CreateRoute',
            State: 'active',
          },
        ],
        associations: [
          routeAssociation('rtb-0a1b2c3d4e5f6000b', 'rtbassoc-0a1b2c3d4e5f6000b', subnetB),
        ],
        tags: { Name: 'private', tier: 'private' },
      }),
    ],
    networkAcls: [
      networkAclShape({
        accountId,
        vpcId,
        networkAclId: 'acl-0a1b2c3d4e5f60001',
        isDefault: true,
        associations: [
          {
            NetworkAclAssociationId: 'aclassoc-0a1b2c3d4e5f6000b',
            NetworkAclId: 'acl-0a1b2c3d4e5f60001',
            SubnetId: subnetB,
          },
          {
            NetworkAclAssociationId: 'aclassoc-0a1b2c3d4e5f6000a',
            NetworkAclId: 'acl-0a1b2c3d4e5f60001',
            SubnetId: subnetA,
          },
        ],
      }),
    ],
    internetGateways: [
      internetGatewayShape({
        accountId,
        internetGatewayId: 'igw-0a1b2c3d4e5f60001',
        vpcId,
        tags: { Name: 'main' },
      }),
    ],
    egressOnlyInternetGateways: [
      egressOnlyInternetGatewayShape({
        egressOnlyInternetGatewayId: 'eigw-0a1b2c3d4e5f60001',
        vpcId,
        tags: { Name: 'main-ipv6' },
      }),
    ],
    natGateways: [
      natGatewayShape({
        natGatewayId: 'nat-0a1b2c3d4e5f60001',
        subnetId: subnetA,
        vpcId,
        createTime: new Date('2026-03-10T12:05:41.000Z'),
        allocationId: 'eipalloc-0a1b2c3d4e5f60001',
        associationId: 'eipassoc-0a1b2c3d4e5f60001',
        networkInterfaceId: natEni,
        privateIp: '10.20.1.200',
        publicIp: '52.49.100.10',
        tags: { Name: 'main-a' },
      }),
    ],
    addresses: [
      addressShape({
        region,
        allocationId: 'eipalloc-0a1b2c3d4e5f60001',
        publicIp: '52.49.100.10',
        association: {
          associationId: 'eipassoc-0a1b2c3d4e5f60001',
          networkInterfaceId: natEni,
          ownerId: accountId,
          privateIp: '10.20.1.200',
        },
        tags: { Name: 'nat-a' },
      }),
      addressShape({
        region,
        allocationId: 'eipalloc-0a1b2c3d4e5f60002',
        publicIp: '52.49.100.77',
        tags: { Name: 'spare' },
      }),
    ],
    vpcEndpoints: [
      gatewayEndpointShape({
        accountId,
        region,
        vpcEndpointId: 'vpce-0a1b2c3d4e5f60001',
        vpcId,
        service: 's3',
        routeTableIds: ['rtb-0a1b2c3d4e5f6000b'],
        policy: {
          Version: '2008-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
        },
        createTime: new Date('2026-03-11T08:59:40.000Z'),
        tags: { Name: 's3' },
      }),
      interfaceEndpointShape({
        accountId,
        region,
        vpcEndpointId: 'vpce-0a1b2c3d4e5f60002',
        vpcId,
        service: 'ssm',
        subnetIds: [subnetB],
        networkInterfaceIds: [endpointEni],
        groups: [{ GroupId: sgDefault, GroupName: 'default' }],
        createTime: new Date('2026-03-11T09:00:12.000Z'),
        tags: { Name: 'ssm' },
      }),
    ],
    vpcPeeringConnections: [
      vpcPeeringConnectionShape({
        vpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60001',
        region,
        requester: { accountId, vpcId, cidr: vpcCidr },
        accepter: {
          accountId: '222222222222',
          vpcId: 'vpc-0f0e0d0c0b0a00001',
          cidr: '10.30.0.0/16',
        },
        tags: { Name: 'main-to-shared' },
      }),
    ],
    managedPrefixLists: [
      managedPrefixListShape({
        region,
        ownerId: 'AWS',
        prefixListId: S3_PREFIX_LIST,
        name: `com.amazonaws.${region}.s3`,
        version: 7,
      }),
      managedPrefixListShape({
        region,
        ownerId: accountId,
        prefixListId: 'pl-0a1b2c3d4e5f60001',
        name: 'office-cidrs',
        maxEntries: 10,
        version: 3,
        tags: { Name: 'office-cidrs', team: 'platform' },
      }),
    ],
    prefixListEntries: {
      [S3_PREFIX_LIST]: [{ Cidr: '52.218.0.0/17' }, { Cidr: '3.5.64.0/21' }],
      'pl-0a1b2c3d4e5f60001': [
        { Cidr: '198.51.100.0/24', Description: 'Berlin office' },
        { Cidr: '192.0.2.0/24', Description: 'Lisbon office' },
        { Cidr: '203.0.113.8/29', Description: 'VPN' },
      ],
    },
    vpcAttributes: {
      [vpcId]: {
        enableDnsSupport: true,
        enableDnsHostnames: true,
        enableNetworkAddressUsageMetrics: false,
      },
    },
  };
}
