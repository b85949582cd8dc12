import type { GroupIdentifier } from '@aws-sdk/client-ec2';
import { sampleEc2Network } from './ec2-sample-network.js';
import {
  instanceShape,
  reservationShape,
  rule,
  securityGroupShape,
  subnetShape,
  vpcShape,
} from './ec2-shapes.js';
import { sampleEksRegion } from './eks-sample.js';
import { defaultRegions } from './regions.js';
import { sampleS3Account } from './s3-sample.js';
import type { AwsWorld } from './world.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const VPC = 'vpc-0a1b2c3d4e5f60001';
const SUBNET_A = 'subnet-0a1b2c3d4e5f6000a';
const SUBNET_B = 'subnet-0a1b2c3d4e5f6000b';
const SG_DEFAULT = 'sg-0a1b2c3d4e5f60d00';
const SG_WEB = 'sg-0a1b2c3d4e5f60e00';
const SG_DB = 'sg-0a1b2c3d4e5f60f00';

/**
 * A small realistic estate: account 111111111111 (key AKIASIMSAMPLE0000001) in eu-west-1 with one
 * VPC, a public and a private subnet, the VPC's default security group, `web` (80/443 from
 * anywhere, 8080 from the default group) and `db` (5432 from `web`), a running web instance and a
 * stopped db instance, with the network and storage around them (`ec2-sample-network.ts`: route
 * tables, NACL, gateways, NAT, EIPs, volumes, ENIs, a launch template, a key pair, endpoints, a
 * peering, prefix lists); the EKS cluster `prod` of `eks-sample.ts`; and the four buckets of
 * `s3-sample.ts`. A fresh copy each call, so tests can mutate it.
 */
export function sampleWorld(): AwsWorld {
  const web: GroupIdentifier = { GroupId: SG_WEB, GroupName: 'web' };
  const db: GroupIdentifier = { GroupId: SG_DB, GroupName: 'db' };
  return {
    accounts: {
      [ACCOUNT]: {
        accessKeys: [
          {
            accessKeyId: 'AKIASIMSAMPLE0000001',
            secretAccessKey: 'sim/sample/secret/key/0000000000000000000',
            principalArn: `arn:aws:iam::${ACCOUNT}:user/statetrail-scanner`,
            userId: 'AIDASIMSAMPLE00000001',
          },
        ],
        eks: { [REGION]: sampleEksRegion() },
        s3: sampleS3Account(ACCOUNT),
        ec2: {
          [REGION]: {
            ...sampleEc2Network({
              accountId: ACCOUNT,
              region: REGION,
              vpcId: VPC,
              vpcCidr: '10.20.0.0/16',
              subnetA: SUBNET_A,
              subnetB: SUBNET_B,
              sgDefault: SG_DEFAULT,
              sgWeb: SG_WEB,
            }),
            vpcs: [
              vpcShape({
                accountId: ACCOUNT,
                vpcId: VPC,
                cidr: '10.20.0.0/16',
                associationId: 'vpc-cidr-assoc-0a1b2c3d4e5f60001',
                dhcpOptionsId: 'dopt-0a1b2c3d4e5f60001',
                isDefault: false,
                tags: { Name: 'main', env: 'prod' },
              }),
            ],
            subnets: [
              subnetShape({
                accountId: ACCOUNT,
                region: REGION,
                subnetId: SUBNET_A,
                vpcId: VPC,
                cidr: '10.20.1.0/24',
                availabilityZone: 'eu-west-1a',
                availabilityZoneId: 'euw1-az3',
                availableIpAddressCount: 249,
                mapPublicIpOnLaunch: true,
                tags: { Name: 'public-a', tier: 'public' },
              }),
              subnetShape({
                accountId: ACCOUNT,
                region: REGION,
                subnetId: SUBNET_B,
                vpcId: VPC,
                cidr: '10.20.2.0/24',
                availabilityZone: 'eu-west-1b',
                availabilityZoneId: 'euw1-az1',
                availableIpAddressCount: 250,
                mapPublicIpOnLaunch: false,
                tags: { Name: 'private-b', tier: 'private' },
              }),
            ],
            securityGroups: [
              securityGroupShape({
                accountId: ACCOUNT,
                region: REGION,
                groupId: SG_DEFAULT,
                groupName: 'default',
                description: 'default VPC security group',
                vpcId: VPC,
                ingress: [
                  rule({
                    IpProtocol: '-1',
                    UserIdGroupPairs: [{ GroupId: SG_DEFAULT, UserId: ACCOUNT }],
                  }),
                ],
              }),
              securityGroupShape({
                accountId: ACCOUNT,
                region: REGION,
                groupId: SG_WEB,
                groupName: 'web',
                description: 'Public web servers',
                vpcId: VPC,
                tags: { Name: 'web', team: 'platform' },
                ingress: [
                  rule({
                    IpProtocol: 'tcp',
                    FromPort: 80,
                    ToPort: 80,
                    IpRanges: [{ CidrIp: '0.0.0.0/0' }],
                  }),
                  rule({
                    IpProtocol: 'tcp',
                    FromPort: 443,
                    ToPort: 443,
                    IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTPS from anywhere' }],
                    Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'HTTPS from anywhere (IPv6)' }],
                  }),
                  rule({
                    IpProtocol: 'tcp',
                    FromPort: 8080,
                    ToPort: 8080,
                    UserIdGroupPairs: [
                      { Description: 'health checks', GroupId: SG_DEFAULT, UserId: ACCOUNT },
                    ],
                  }),
                ],
              }),
              securityGroupShape({
                accountId: ACCOUNT,
                region: REGION,
                groupId: SG_DB,
                groupName: 'db',
                description: 'PostgreSQL',
                vpcId: VPC,
                tags: { Name: 'db', team: 'data' },
                ingress: [
                  rule({
                    IpProtocol: 'tcp',
                    FromPort: 5432,
                    ToPort: 5432,
                    UserIdGroupPairs: [{ GroupId: SG_WEB, UserId: ACCOUNT }],
                  }),
                ],
              }),
            ],
            reservations: [
              reservationShape('r-0a1b2c3d4e5f60101', ACCOUNT, [
                instanceShape({
                  accountId: ACCOUNT,
                  region: REGION,
                  availabilityZone: 'eu-west-1a',
                  instanceId: 'i-0a1b2c3d4e5f60101',
                  imageId: 'ami-0c1bea58988a989155',
                  instanceType: 't3.micro',
                  running: true,
                  launchTime: new Date('2026-05-02T09:14:27.000Z'),
                  subnetId: SUBNET_A,
                  vpcId: VPC,
                  privateIp: '10.20.1.17',
                  publicIp: '34.245.18.201',
                  securityGroups: [web],
                  tags: { Name: 'web-1', env: 'prod', team: 'platform' },
                  volumeId: 'vol-0a1b2c3d4e5f60101',
                  networkInterfaceId: 'eni-0a1b2c3d4e5f60101',
                  attachmentId: 'eni-attach-0a1b2c3d4e5f60101',
                  macAddress: '06:1f:3a:8b:52:c1',
                  keyName: 'ops',
                  clientToken: 'terraform-20260502091425123400000001',
                }),
              ]),
              reservationShape('r-0a1b2c3d4e5f60102', ACCOUNT, [
                instanceShape({
                  accountId: ACCOUNT,
                  region: REGION,
                  availabilityZone: 'eu-west-1b',
                  instanceId: 'i-0a1b2c3d4e5f60102',
                  imageId: 'ami-0e5f882be1900e43b',
                  instanceType: 'r6g.large',
                  running: false,
                  launchTime: new Date('2026-04-28T16:40:03.000Z'),
                  subnetId: SUBNET_B,
                  vpcId: VPC,
                  privateIp: '10.20.2.41',
                  securityGroups: [db],
                  tags: { Name: 'db-1', env: 'prod', team: 'data', backup: 'daily' },
                  volumeId: 'vol-0a1b2c3d4e5f60102',
                  networkInterfaceId: 'eni-0a1b2c3d4e5f60102',
                  attachmentId: 'eni-attach-0a1b2c3d4e5f60102',
                  macAddress: '0a:7c:21:d4:9e:33',
                  clientToken: 'terraform-20260428164001987600000002',
                }),
              ]),
            ],
          },
        },
      },
    },
    roles: [],
    regions: defaultRegions(),
  };
}
