import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../../lib/model/schema.js';
import { normalizationSteps, normalizeResource } from '../../../../lib/snapshot/normalize/chain.js';
import {
  dropInstanceVolatileFields,
  sortInstanceLists,
} from '../../../../lib/snapshot/normalize/ec2-instance.js';
import { sortSecurityGroupRules } from '../../../../lib/snapshot/normalize/ec2-security-group.js';
import { redactCredentialValues } from '../../../../lib/snapshot/normalize/redact-values.js';
import { sortTags } from '../../../../lib/snapshot/normalize/sort-tags.js';
import { toPlainData } from '../../../../lib/snapshot/normalize/to-plain-data.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const launch = new Date('2026-01-15T10:00:00Z');

function rawInstance(
  order: { groups?: readonly number[]; enis?: readonly number[]; tags?: readonly number[] } = {},
): Resource {
  const groups = [
    { GroupId: 'sg-1', GroupName: 'web' },
    { GroupId: 'sg-2', GroupName: 'ssh' },
  ];
  const enis = [
    {
      NetworkInterfaceId: 'eni-0',
      Attachment: { AttachTime: launch, DeviceIndex: 0, Status: 'attached' },
    },
    {
      NetworkInterfaceId: 'eni-1',
      Attachment: { AttachTime: launch, DeviceIndex: 1, Status: 'attached' },
    },
  ];
  const tags = [
    { Key: 'Name', Value: 'web' },
    { Key: 'team', Value: 'platform' },
    { Key: 'Env', Value: 'prod' },
  ];
  const pickOrder = <T>(items: T[], indexes: readonly number[] | undefined): T[] =>
    indexes === undefined ? items : indexes.map((i) => items[i] as T);
  return resourceOf('AWS::EC2::Instance', {
    InstanceId: 'i-1',
    InstanceType: 't3.micro',
    KernelId: undefined,
    LaunchTime: launch,
    State: { Code: 16, Name: 'running' },
    Monitoring: { State: 'pending' },
    SecurityGroups: pickOrder(groups, order.groups),
    NetworkInterfaces: pickOrder(enis, order.enis),
    Tags: pickOrder(tags, order.tags),
  });
}

const rawOf: Record<string, () => Resource> = {
  'AWS::EC2::Instance': () => rawInstance({ groups: [1, 0], enis: [1, 0], tags: [2, 0, 1] }),
  'AWS::EC2::SecurityGroup': () =>
    resourceOf('AWS::EC2::SecurityGroup', {
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, IpRanges: [{ CidrIp: 'b' }, { CidrIp: 'a' }] },
        { IpProtocol: '-1' },
      ],
      Tags: [{ Key: 'b' }, { Key: 'a' }],
    }),
  'AWS::EC2::Subnet': () =>
    resourceOf('AWS::EC2::Subnet', {
      State: 'available',
      AvailableIpAddressCount: 3,
      Ipv6CidrBlockAssociationSet: [{ AssociationId: 'b' }, { AssociationId: 'a' }],
    }),
  'AWS::EC2::VPC': () =>
    resourceOf('AWS::EC2::VPC', {
      State: 'available',
      CidrBlockAssociationSet: [
        { AssociationId: 'b', CidrBlockState: { State: 'associated' } },
        { AssociationId: 'a' },
      ],
    }),
  'AWS::S3::Bucket': () =>
    resourceOf('AWS::S3::Bucket', { CreationDate: launch, Tags: [{ Key: 'b' }, { Key: 'a' }] }),
};

describe('Function: normalizationSteps', () => {
  it('runs the plain-data step first, the type steps, then the steps for all types', () => {
    expect(normalizationSteps('AWS::EC2::Instance')).toEqual([
      toPlainData,
      dropInstanceVolatileFields,
      sortInstanceLists,
      sortTags,
      redactCredentialValues,
    ]);
    expect(normalizationSteps('AWS::EC2::SecurityGroup')).toEqual([
      toPlainData,
      sortSecurityGroupRules,
      sortTags,
      redactCredentialValues,
    ]);
  });

  it('gives a type without steps of its own only the steps for all types', () => {
    expect(normalizationSteps('AWS::SQS::Queue')).toEqual([
      toPlainData,
      sortTags,
      redactCredentialValues,
    ]);
  });
});

describe('Function: normalizeResource', () => {
  it('turns a raw SDK instance into the record the trail stores', () => {
    expect(
      normalizeResource(rawInstance({ groups: [1, 0], enis: [1, 0], tags: [2, 0, 1] }))
        .configuration,
    ).toStrictEqual({
      InstanceId: 'i-1',
      InstanceType: 't3.micro',
      Monitoring: {},
      SecurityGroups: [
        { GroupId: 'sg-1', GroupName: 'web' },
        { GroupId: 'sg-2', GroupName: 'ssh' },
      ],
      NetworkInterfaces: [
        { NetworkInterfaceId: 'eni-0', Attachment: { DeviceIndex: 0 } },
        { NetworkInterfaceId: 'eni-1', Attachment: { DeviceIndex: 1 } },
      ],
      Tags: [
        { Key: 'Env', Value: 'prod' },
        { Key: 'Name', Value: 'web' },
        { Key: 'team', Value: 'platform' },
      ],
    });
  });

  it.each(Object.keys(rawOf))('never mutates its input (%s, deep-frozen)', (resourceType) => {
    const build = rawOf[resourceType] as () => Resource;
    const input = deepFreeze(build());
    const output = normalizeResource(input);
    expect(input).toStrictEqual(build());
    expect(output).not.toBe(input);
  });

  it.each(Object.keys(rawOf))('gives its own output back unchanged (%s)', (resourceType) => {
    const once = normalizeResource((rawOf[resourceType] as () => Resource)());
    expect(normalizeResource(once)).toStrictEqual(once);
  });

  it('gives the same instance whatever the order of its set-like lists', () => {
    const expected = normalizeResource(rawInstance());
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1], { minLength: 2 }),
        fc.shuffledSubarray([0, 1], { minLength: 2 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3 }),
        (groups, enis, tags) => {
          expect(normalizeResource(rawInstance({ groups, enis, tags }))).toStrictEqual(expected);
        },
      ),
    );
  });
});
