import type { Instance, Subnet, Vpc } from '@aws-sdk/client-ec2';
import {
  addressShape,
  keyPairShape,
  networkInterfaceShape,
  volumeShape,
} from './ec2-attachable-shapes.js';
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
import { type Ec2NetworkWorld, emptyEc2Network } from './ec2-network-world.js';
import { gatewayEndpointShape, launchTemplateShape } from './ec2-template-shapes.js';
import { mac, pick, type Random } from './random.js';

/** How many of each network and storage resource to generate per account and region (all default 0). */
export interface GenerateEc2NetworkOptions {
  routeTables?: number;
  networkAcls?: number;
  internetGateways?: number;
  egressOnlyInternetGateways?: number;
  natGateways?: number;
  addresses?: number;
  volumes?: number;
  /** Every fourth is a requester-managed Lambda ENI, which collectors leave out. */
  networkInterfaces?: number;
  launchTemplates?: number;
  keyPairs?: number;
  vpcEndpoints?: number;
  vpcPeeringConnections?: number;
  /** Customer-managed, with three entries each. */
  prefixLists?: number;
}

/** What the generated network hangs off: the region's VPCs, subnets and instances. */
export interface GeneratedBase {
  accountId: string;
  region: string;
  vpcs: readonly Vpc[];
  subnets: readonly Subnet[];
  instances: readonly Instance[];
}

const CREATED = Date.UTC(2025, 5, 1);

/**
 * The network and storage part of a generated region. A count of 0 draws no random numbers, so
 * worlds generated without these options are the same as before they existed.
 */
export function generateEc2Network(
  base: GeneratedBase,
  options: GenerateEc2NetworkOptions,
  random: Random,
  ids: (prefix: string) => string,
): Ec2NetworkWorld {
  const { accountId, region, vpcs, subnets } = base;
  const world = emptyEc2Network();
  const times = (count: number | undefined, make: (i: number) => void) => {
    for (let i = 0; i < (count ?? 0); i++) make(i);
  };
  const vpcOf = (i: number) => vpcs[i % vpcs.length] as Vpc;
  const subnetOf = (i: number) => subnets[i % subnets.length] as Subnet;
  const date = (i: number) => new Date(CREATED + i * 3_600_000);

  times(options.routeTables, (i) => {
    const vpc = vpcOf(i);
    const routeTableId = ids('rtb');
    const subnet = subnets.find((s, k) => s.VpcId === vpc.VpcId && k % vpcs.length === i);
    world.routeTables.push(
      routeTableShape({
        accountId,
        routeTableId,
        vpcId: vpc.VpcId ?? '',
        vpcCidr: vpc.CidrBlock ?? '',
        routes: [route('0.0.0.0/0', { GatewayId: ids('igw') })],
        associations: [
          routeAssociation(
            routeTableId,
            ids('rtbassoc'),
            i < vpcs.length ? undefined : subnet?.SubnetId,
          ),
        ],
        tags: { Name: `rtb-${i}` },
      }),
    );
  });
  times(options.networkAcls, (i) => {
    world.networkAcls.push(
      networkAclShape({
        accountId,
        networkAclId: ids('acl'),
        vpcId: vpcOf(i).VpcId ?? '',
        isDefault: i < vpcs.length,
        associations: [],
        tags: { Name: `acl-${i}` },
      }),
    );
  });
  times(options.internetGateways, (i) => {
    world.internetGateways.push(
      internetGatewayShape({
        accountId,
        internetGatewayId: ids('igw'),
        ...(i < vpcs.length ? { vpcId: vpcOf(i).VpcId ?? '' } : {}),
        tags: { Name: `igw-${i}` },
      }),
    );
  });
  times(options.egressOnlyInternetGateways, (i) => {
    world.egressOnlyInternetGateways.push(
      egressOnlyInternetGatewayShape({
        egressOnlyInternetGatewayId: ids('eigw'),
        vpcId: vpcOf(i).VpcId ?? '',
      }),
    );
  });
  times(options.natGateways, (i) => {
    const subnet = subnetOf(i);
    world.natGateways.push(
      natGatewayShape({
        natGatewayId: ids('nat'),
        subnetId: subnet.SubnetId ?? '',
        vpcId: subnet.VpcId ?? '',
        createTime: date(i),
        allocationId: ids('eipalloc'),
        associationId: ids('eipassoc'),
        networkInterfaceId: ids('eni'),
        privateIp: `10.250.${i >> 8}.${i & 255}`,
        publicIp: `52.${i % 250}.1.${1 + (i % 200)}`,
      }),
    );
  });
  times(options.addresses, (i) => {
    world.addresses.push(
      addressShape({
        region,
        allocationId: ids('eipalloc'),
        publicIp: `63.${i % 250}.${(i >> 8) % 250}.${1 + (i % 200)}`,
        tags: { Name: `eip-${i}` },
      }),
    );
  });
  times(options.volumes, (i) => {
    const instance = base.instances[i];
    world.volumes.push(
      volumeShape({
        accountId,
        region,
        volumeId: ids('vol'),
        availabilityZone: instance?.Placement?.AvailabilityZone ?? `${region}a`,
        sizeGiB: pick(random, [8, 20, 50, 100, 500]),
        createTime: date(i),
        ...(instance
          ? {
              attachment: {
                instanceId: instance.InstanceId ?? '',
                device: '/dev/sdf',
                attachTime: date(i),
                deleteOnTermination: false,
              },
            }
          : {}),
        tags: { Name: `data-${i}` },
      }),
    );
  });
  times(options.networkInterfaces, (i) => {
    const subnet = subnetOf(i);
    const lambda = i % 4 === 3;
    world.networkInterfaces.push(
      networkInterfaceShape({
        accountId,
        region,
        networkInterfaceId: ids('eni'),
        subnetId: subnet.SubnetId ?? '',
        vpcId: subnet.VpcId ?? '',
        availabilityZone: subnet.AvailabilityZone ?? `${region}a`,
        privateIp: `10.251.${i >> 8}.${i & 255}`,
        macAddress: mac(random),
        groups: [],
        ...(lambda
          ? {
              interfaceType: 'lambda' as const,
              requesterId: 'AROASIMLAMBDA:fn',
              description: 'AWS Lambda VPC ENI',
            }
          : { tags: { Name: `eni-${i}` } }),
      }),
    );
  });
  times(options.launchTemplates, (i) => {
    const versions = 1 + (i % 3);
    const made = launchTemplateShape({
      accountId,
      launchTemplateId: ids('lt'),
      name: `template-${i}`,
      createdBy: `arn:aws:iam::${accountId}:role/terraform`,
      defaultVersion: 1,
      versions: Array.from({ length: versions }, (_, v) => ({
        createTime: date(i * 3 + v),
        imageId: 'ami-0c1bea58988a989155',
        instanceType: pick(random, ['t3.micro', 't3.small', 'm6i.large']),
        securityGroupIds: [],
      })),
    });
    world.launchTemplates.push(made.template);
    world.launchTemplateVersions.push(...made.versions);
  });
  times(options.keyPairs, (i) => {
    world.keyPairs.push(
      keyPairShape({
        keyPairId: ids('key'),
        keyName: `key-${i}`,
        fingerprint: `fp${i}`,
        createTime: date(i),
      }),
    );
  });
  times(options.vpcEndpoints, (i) => {
    world.vpcEndpoints.push(
      gatewayEndpointShape({
        accountId,
        region,
        vpcEndpointId: ids('vpce'),
        vpcId: vpcOf(i).VpcId ?? '',
        service: i % 2 === 0 ? 's3' : 'dynamodb',
        routeTableIds: [],
        policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
        createTime: date(i),
      }),
    );
  });
  times(options.vpcPeeringConnections, (i) => {
    const vpc = vpcOf(i);
    world.vpcPeeringConnections.push(
      vpcPeeringConnectionShape({
        vpcPeeringConnectionId: ids('pcx'),
        region,
        requester: { accountId, vpcId: vpc.VpcId ?? '', cidr: vpc.CidrBlock ?? '' },
        accepter: {
          accountId: '999999999999',
          vpcId: ids('vpc'),
          cidr: `172.${16 + (i % 16)}.0.0/16`,
        },
      }),
    );
  });
  times(options.prefixLists, (i) => {
    const prefixListId = ids('pl');
    world.managedPrefixLists.push(
      managedPrefixListShape({
        region,
        ownerId: accountId,
        prefixListId,
        name: `list-${i}`,
        maxEntries: 10,
        version: 1,
      }),
    );
    world.prefixListEntries[prefixListId] = [0, 1, 2].map((k) => ({
      Cidr: `192.168.${i % 256}.${k * 8}/29`,
    }));
  });
  return world;
}
