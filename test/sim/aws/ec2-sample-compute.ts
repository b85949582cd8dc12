import { keyPairShape, networkInterfaceShape, volumeShape } from './ec2-attachable-shapes.js';
import type { Ec2NetworkWorld } from './ec2-network-world.js';
import type { SampleEc2Ids } from './ec2-sample-network.js';
import { launchTemplateShape } from './ec2-template-shapes.js';

// The two sample instances and what their shapes in sample-world.ts already say about them.
const WEB = 'i-0a1b2c3d4e5f60101';
const DB = 'i-0a1b2c3d4e5f60102';

/** Base64, as EC2 holds user data. */
function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** What the sample's compute side adds: volumes, ENIs, a launch template, a key pair, user data. */
export type SampleEc2Compute = Pick<
  Ec2NetworkWorld,
  | 'volumes'
  | 'networkInterfaces'
  | 'launchTemplates'
  | 'launchTemplateVersions'
  | 'keyPairs'
  | 'userData'
>;

/**
 * The instances' root volumes plus a detached one, their ENIs plus a floating ENI and two
 * service-managed ones (NAT gateway, endpoint) that collectors must leave out, the `web` launch
 * template with two versions and user data, the `ops` key pair, and the web instance's user data.
 */
export function sampleEc2Compute(ids: SampleEc2Ids): SampleEc2Compute {
  const { accountId, region, vpcId, subnetA, subnetB, sgDefault, sgWeb } = ids;
  const web = launchTemplateShape({
    accountId,
    launchTemplateId: 'lt-0a1b2c3d4e5f60001',
    name: 'web',
    createdBy: `arn:aws:iam::${accountId}:role/terraform`,
    tags: { team: 'platform' },
    versions: [
      {
        createTime: new Date('2026-04-02T08:00:00.000Z'),
        description: 'nginx',
        imageId: 'ami-0c1bea58988a989155',
        instanceType: 't3.micro',
        securityGroupIds: [sgWeb],
        keyName: 'ops',
        userData: base64('#!/bin/bash\ndnf install -y nginx\nsystemctl enable --now nginx\n'),
      },
      {
        createTime: new Date('2026-05-01T17:30:00.000Z'),
        description: 'nginx on t3.small',
        imageId: 'ami-0c1bea58988a989155',
        instanceType: 't3.small',
        securityGroupIds: [sgWeb, sgDefault],
        keyName: 'ops',
        userData: base64(
          '#!/bin/bash\ndnf install -y nginx\necho ok > /usr/share/nginx/html/health\n',
        ),
      },
    ],
  });
  const natEni = 'eni-0a1b2c3d4e5f60a01';
  const endpointEni = 'eni-0a1b2c3d4e5f60a02';
  return {
    volumes: [
      volumeShape({
        accountId,
        region,
        volumeId: 'vol-0a1b2c3d4e5f60101',
        availabilityZone: 'eu-west-1a',
        sizeGiB: 8,
        snapshotId: 'snap-0a1b2c3d4e5f60101',
        createTime: new Date('2026-05-02T09:14:27.512Z'),
        attachment: {
          instanceId: WEB,
          device: '/dev/xvda',
          attachTime: new Date('2026-05-02T09:14:27.000Z'),
          deleteOnTermination: true,
        },
      }),
      volumeShape({
        accountId,
        region,
        volumeId: 'vol-0a1b2c3d4e5f60102',
        availabilityZone: 'eu-west-1b',
        sizeGiB: 8,
        snapshotId: 'snap-0a1b2c3d4e5f60102',
        createTime: new Date('2026-04-28T16:40:03.277Z'),
        attachment: {
          instanceId: DB,
          device: '/dev/xvda',
          attachTime: new Date('2026-04-28T16:40:03.000Z'),
          deleteOnTermination: true,
        },
      }),
      volumeShape({
        accountId,
        region,
        volumeId: 'vol-0a1b2c3d4e5f60103',
        availabilityZone: 'eu-west-1b',
        sizeGiB: 100,
        snapshotId: 'snap-0a1b2c3d4e5f60f01',
        createTime: new Date('2026-05-06T07:12:55.103Z'),
        tags: { Name: 'db-restore', team: 'data' },
      }),
    ],
    networkInterfaces: [
      networkInterfaceShape({
        accountId,
        region,
        networkInterfaceId: 'eni-0a1b2c3d4e5f60101',
        subnetId: subnetA,
        vpcId,
        availabilityZone: 'eu-west-1a',
        privateIp: '10.20.1.17',
        macAddress: '06:1f:3a:8b:52:c1',
        groups: [{ GroupId: sgWeb, GroupName: 'web' }],
        attachment: {
          attachmentId: 'eni-attach-0a1b2c3d4e5f60101',
          instanceId: WEB,
          deviceIndex: 0,
          attachTime: new Date('2026-05-02T09:14:27.000Z'),
        },
        publicIp: { ip: '34.245.18.201' },
      }),
      networkInterfaceShape({
        accountId,
        region,
        networkInterfaceId: 'eni-0a1b2c3d4e5f60102',
        subnetId: subnetB,
        vpcId,
        availabilityZone: 'eu-west-1b',
        privateIp: '10.20.2.41',
        macAddress: '0a:7c:21:d4:9e:33',
        groups: [{ GroupId: 'sg-0a1b2c3d4e5f60f00', GroupName: 'db' }],
        attachment: {
          attachmentId: 'eni-attach-0a1b2c3d4e5f60102',
          instanceId: DB,
          deviceIndex: 0,
          attachTime: new Date('2026-04-28T16:40:03.000Z'),
        },
      }),
      networkInterfaceShape({
        accountId,
        region,
        networkInterfaceId: 'eni-0a1b2c3d4e5f60c01',
        subnetId: subnetA,
        vpcId,
        availabilityZone: 'eu-west-1a',
        privateIp: '10.20.1.250',
        macAddress: '06:9a:11:c3:7e:05',
        groups: [{ GroupId: sgWeb, GroupName: 'web' }],
        description: 'floating VIP for keepalived',
        tags: { Name: 'web-vip', team: 'platform' },
      }),
      networkInterfaceShape({
        accountId,
        region,
        networkInterfaceId: natEni,
        subnetId: subnetA,
        vpcId,
        availabilityZone: 'eu-west-1a',
        privateIp: '10.20.1.200',
        macAddress: '06:4d:e0:17:aa:10',
        groups: [],
        description: 'Interface for NAT Gateway nat-0a1b2c3d4e5f60001',
        interfaceType: 'natGateway',
        requesterId: '568349812017',
        attachment: {
          attachmentId: 'ela-attach-0a1b2c3d4e5f60a01',
          deviceIndex: 1,
          attachTime: new Date('2026-03-10T12:05:41.000Z'),
        },
        publicIp: {
          ip: '52.49.100.10',
          allocationId: 'eipalloc-0a1b2c3d4e5f60001',
          associationId: 'eipassoc-0a1b2c3d4e5f60001',
        },
      }),
      networkInterfaceShape({
        accountId,
        region,
        networkInterfaceId: endpointEni,
        subnetId: subnetB,
        vpcId,
        availabilityZone: 'eu-west-1b',
        privateIp: '10.20.2.90',
        macAddress: '0a:1e:b7:40:3c:d2',
        groups: [{ GroupId: sgDefault, GroupName: 'default' }],
        description: 'VPC Endpoint Interface vpce-0a1b2c3d4e5f60002',
        interfaceType: 'vpc_endpoint',
        requesterId: '727180483921',
        attachment: {
          attachmentId: 'ela-attach-0a1b2c3d4e5f60a02',
          deviceIndex: 1,
          attachTime: new Date('2026-03-11T09:00:12.000Z'),
        },
      }),
    ],
    launchTemplates: [web.template],
    launchTemplateVersions: web.versions,
    keyPairs: [
      keyPairShape({
        keyPairId: 'key-0a1b2c3d4e5f60001',
        keyName: 'ops',
        fingerprint: 'iIxG3tB7mT0zKcQ6xDqkq0Zb0l2Hn0J5c3Jv5m6P8Yw=',
        createTime: new Date('2025-11-03T14:21:09.000Z'),
        publicKey:
          'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM4Gx0mF0qv8ZsY1s4c3d2e1f0a9b8c7d6e5f4a3b2c1 ops',
        tags: { team: 'platform' },
      }),
    ],
    userData: {
      [WEB]: base64('#!/bin/bash\ndnf install -y nginx\nsystemctl enable --now nginx\n'),
    },
  };
}
