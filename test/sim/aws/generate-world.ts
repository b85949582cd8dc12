import type {
  GroupIdentifier,
  Instance,
  Reservation,
  SecurityGroup,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
import { type GenerateEc2NetworkOptions, generateEc2Network } from './ec2-generate-network.js';
import {
  instanceShape,
  reservationShape,
  rule,
  securityGroupShape,
  subnetShape,
  vpcShape,
} from './ec2-shapes.js';
import { generateEksRegions } from './eks-generate.js';
import { idFactory, mac, mulberry32, pick, type Random } from './random.js';
import { defaultRegions } from './regions.js';
import { generateS3Account } from './s3-generate.js';
import type { AwsWorld, Ec2RegionWorld, SimAccount } from './world.js';

/**
 * The size of a generated world; resource counts are per account and region (the EC2 network and
 * storage counts of GenerateEc2NetworkOptions default to 0).
 */
export interface GenerateWorldOptions extends GenerateEc2NetworkOptions {
  seed: number;
  /** @default 1 */
  accounts?: number;
  /** @default ['eu-west-1'] */
  regions?: readonly string[];
  /** @default 10 */
  instances?: number;
  /** Including each VPC's default group. @default 5 */
  securityGroups?: number;
  /** @default 1 */
  vpcs?: number;
  /** @default 2 */
  subnets?: number;
  /** EKS clusters per account and region, each with its node groups, add-ons... @default 0 */
  eksClusters?: number;
  /** S3 buckets per account, spread over the regions and us-east-1. @default 0 */
  buckets?: number;
}

/** The account id of the i-th generated account (0-based): 100000000000, 100000000001... */
export function generatedAccountId(index: number): string {
  return String(100_000_000_000 + index);
}

/** The access key of the i-th generated account. */
export function generatedAccessKeyId(index: number): string {
  return `AKIASIMGEN${String(index).padStart(10, '0')}`;
}

/**
 * A world of any size, the same for the same options. Every account gets one key and a role
 * `statetrail-reader` trusted by the first account, as an organization's member accounts would.
 */
export function generateWorld(options: GenerateWorldOptions): AwsWorld {
  const random = mulberry32(options.seed);
  const ids = idFactory(random);
  const regions = options.regions ?? ['eu-west-1'];
  const accountCount = options.accounts ?? 1;
  const world: AwsWorld = { accounts: {}, roles: [], regions: defaultRegions() };
  for (let a = 0; a < accountCount; a++) {
    const accountId = generatedAccountId(a);
    const account: SimAccount = {
      accessKeys: [
        {
          accessKeyId: generatedAccessKeyId(a),
          secretAccessKey: `sim-secret-${a}`,
          principalArn: `arn:aws:iam::${accountId}:user/statetrail-scanner`,
          userId: `AIDASIMGEN${String(a).padStart(11, '0')}`,
        },
      ],
      ec2: {},
    };
    for (const region of regions)
      account.ec2[region] = generateRegion(accountId, region, options, random, ids);
    if ((options.eksClusters ?? 0) > 0)
      account.eks = generateEksRegions(
        accountId,
        account.ec2,
        options.eksClusters ?? 0,
        options.seed + a,
      );
    if ((options.buckets ?? 0) > 0)
      account.s3 = generateS3Account({
        accountId,
        accountIndex: a,
        regions,
        buckets: options.buckets ?? 0,
        seed: options.seed,
      });
    world.accounts[accountId] = account;
    world.roles.push({
      arn: `arn:aws:iam::${accountId}:role/statetrail-reader`,
      roleId: `AROASIMGEN${String(a).padStart(11, '0')}`,
      trustedPrincipals: [generatedAccountId(0)],
    });
  }
  return world;
}

function generateRegion(
  accountId: string,
  region: string,
  options: GenerateWorldOptions,
  random: Random,
  ids: (prefix: string) => string,
): Ec2RegionWorld {
  const vpcCount = Math.max(1, options.vpcs ?? 1);
  const vpcs: Vpc[] = [];
  for (let v = 0; v < vpcCount; v++) {
    vpcs.push(
      vpcShape({
        accountId,
        vpcId: ids('vpc'),
        cidr: `10.${v % 256}.0.0/16`,
        associationId: ids('vpc-cidr-assoc'),
        dhcpOptionsId: ids('dopt'),
        isDefault: false,
        tags: { Name: `vpc-${v}`, env: pick(random, ['prod', 'staging', 'dev']) },
      }),
    );
  }
  const subnets: Subnet[] = [];
  for (let s = 0; s < Math.max(1, options.subnets ?? 2); s++) {
    const vpc = vpcs[s % vpcCount] as Vpc;
    const slot = Math.floor(s / vpcCount) % 16;
    const zone = 'abc'[s % 3] ?? 'a';
    subnets.push(
      subnetShape({
        accountId,
        region,
        subnetId: ids('subnet'),
        vpcId: vpc.VpcId ?? '',
        cidr: `10.${(s % vpcCount) % 256}.${slot * 16}.0/20`,
        availabilityZone: `${region}${zone}`,
        availabilityZoneId: `${zoneIdPrefix(region)}-az${(s % 3) + 1}`,
        availableIpAddressCount: 4091 - Math.floor(random() * 200),
        mapPublicIpOnLaunch: slot % 2 === 0,
        tags: { Name: `subnet-${s}`, tier: slot % 2 === 0 ? 'public' : 'private' },
      }),
    );
  }
  const securityGroups = generateGroups(
    accountId,
    region,
    vpcs,
    options.securityGroups ?? 5,
    random,
    ids,
  );
  const reservations = generateInstances(
    accountId,
    region,
    subnets,
    securityGroups,
    options.instances ?? 10,
    random,
    ids,
  );
  const instances = reservations.flatMap((r) => r.Instances ?? []);
  const network = generateEc2Network(
    { accountId, region, vpcs, subnets, instances },
    options,
    random,
    ids,
  );
  return { vpcs, subnets, securityGroups, reservations, ...network };
}

function generateGroups(
  accountId: string,
  region: string,
  vpcs: readonly Vpc[],
  count: number,
  random: Random,
  ids: (prefix: string) => string,
): SecurityGroup[] {
  const groups: SecurityGroup[] = [];
  for (let g = 0; g < Math.max(count, vpcs.length); g++) {
    const vpcId =
      (g < vpcs.length ? vpcs[g] : vpcs[Math.floor(random() * vpcs.length)])?.VpcId ?? '';
    const groupId = ids('sg');
    const isDefault = g < vpcs.length;
    const peers = groups.filter((p) => p.VpcId === vpcId);
    const peer = peers.length > 0 ? pick(random, peers) : undefined;
    const port = pick(random, [22, 80, 443, 3306, 5432, 6379, 8080, 9090]);
    const ingress = isDefault
      ? [rule({ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: groupId, UserId: accountId }] })]
      : [
          rule({
            IpProtocol: 'tcp',
            FromPort: port,
            ToPort: port,
            IpRanges: [{ CidrIp: random() < 0.3 ? '0.0.0.0/0' : '10.0.0.0/8' }],
          }),
          ...(peer?.GroupId
            ? [
                rule({
                  IpProtocol: 'tcp',
                  FromPort: 0,
                  ToPort: 65535,
                  UserIdGroupPairs: [{ GroupId: peer.GroupId, UserId: accountId }],
                }),
              ]
            : []),
        ];
    groups.push(
      securityGroupShape({
        accountId,
        region,
        groupId,
        groupName: isDefault ? 'default' : `sg-${g}`,
        description: isDefault ? 'default VPC security group' : `generated group ${g}`,
        vpcId,
        ingress,
        ...(isDefault
          ? {}
          : { tags: { Name: `sg-${g}`, team: pick(random, ['platform', 'data', 'web']) } }),
      }),
    );
  }
  return groups;
}

function generateInstances(
  accountId: string,
  region: string,
  subnets: readonly Subnet[],
  groups: readonly SecurityGroup[],
  count: number,
  random: Random,
  ids: (prefix: string) => string,
): Reservation[] {
  const reservations: Reservation[] = [];
  const groupsByVpc = new Map<string, SecurityGroup[]>();
  for (const g of groups)
    groupsByVpc.set(g.VpcId ?? '', [...(groupsByVpc.get(g.VpcId ?? '') ?? []), g]);
  const used = new Map<Subnet, number>();
  let made = 0;
  while (made < count) {
    const size = Math.min(count - made, 1 + Math.floor(random() * random() * 3));
    const instances: Instance[] = [];
    const launchTime = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 500 * 86_400) * 1000);
    for (let k = 0; k < size; k++, made++) {
      const subnet = pick(random, subnets);
      const n = used.get(subnet) ?? 0;
      used.set(subnet, n + 1);
      const [a, b] = (subnet.CidrBlock ?? '10.0.0.0').split('.').map(Number);
      const host = 4 + (n % 4090);
      const vpcGroups = groupsByVpc.get(subnet.VpcId ?? '') ?? [];
      const sgs: GroupIdentifier[] = [pick(random, vpcGroups)].map((g) => ({
        GroupId: g.GroupId ?? '',
        GroupName: g.GroupName ?? '',
      }));
      const running = random() < 0.85;
      const id = ids('i');
      instances.push(
        instanceShape({
          accountId,
          region,
          availabilityZone: subnet.AvailabilityZone ?? `${region}a`,
          instanceId: id,
          imageId: ids('ami'),
          instanceType: pick(random, [
            't3.micro',
            't3.small',
            'm6i.large',
            'r6g.large',
            'c7g.xlarge',
          ] as const),
          running,
          launchTime,
          subnetId: subnet.SubnetId ?? '',
          vpcId: subnet.VpcId ?? '',
          privateIp: `${a}.${b}.${Number((subnet.CidrBlock ?? '').split('.')[2] ?? 0) + (host >> 8)}.${host & 255}`,
          ...(subnet.MapPublicIpOnLaunch
            ? { publicIp: `54.${made % 250}.${(made >> 8) % 250}.${1 + (made % 200)}` }
            : {}),
          securityGroups: sgs,
          tags: { Name: `host-${made}`, env: pick(random, ['prod', 'staging', 'dev']) },
          volumeId: ids('vol'),
          networkInterfaceId: ids('eni'),
          attachmentId: ids('eni-attach'),
          macAddress: mac(random),
          clientToken: `gen-${id}`,
        }),
      );
    }
    reservations.push(reservationShape(ids('r'), accountId, instances));
  }
  return reservations;
}

function zoneIdPrefix(region: string): string {
  const [geo = '', area = '', n = ''] = region.split('-');
  return `${geo}${area.charAt(0)}${n}`;
}
