import { describe, expect, it } from 'vitest';
import {
  dropNetworkInterfaceVolatileFields,
  sortNetworkInterfaceLists,
} from '../../../../lib/snapshot/normalize/ec2-network-interface.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const lent = { IpOwnerId: 'amazon', PublicIp: '34.0.0.1', PublicDnsName: 'ec2-34-0-0-1' };
const elastic = {
  AllocationId: 'eipalloc-1',
  AssociationId: 'eipassoc-1',
  IpOwnerId: '123456789012',
  PublicIp: '52.0.0.1',
};

describe('Function: dropNetworkInterfaceVolatileFields', () => {
  it.each([
    [
      'drops the status',
      { NetworkInterfaceId: 'eni-1', Status: 'in-use' },
      { NetworkInterfaceId: 'eni-1' },
    ],
    [
      'drops the attachment time and status, keeping the attachment',
      {
        Attachment: {
          AttachmentId: 'eni-attach-1',
          AttachTime: '2026-01-01T00:00:00.000Z',
          Status: 'attached',
          DeviceIndex: 0,
        },
      },
      { Attachment: { AttachmentId: 'eni-attach-1', DeviceIndex: 0 } },
    ],
    [
      'drops a public address AWS lends, and its DNS name, everywhere',
      {
        Association: lent,
        PublicDnsName: 'ec2-34-0-0-1',
        PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1', Association: lent }],
      },
      { PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1' }] },
    ],
    [
      'keeps an Elastic IP association: it is configuration',
      {
        Association: elastic,
        PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1', Association: elastic }],
      },
      {
        Association: elastic,
        PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1', Association: elastic }],
      },
    ],
    [
      'keeps what ownership is read from',
      { RequesterManaged: true, InterfaceType: 'lambda', RequesterId: 'AROA1' },
      { RequesterManaged: true, InterfaceType: 'lambda', RequesterId: 'AROA1' },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropNetworkInterfaceVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::NetworkInterface', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortNetworkInterfaceLists', () => {
  it.each([
    [
      'sorts groups by id',
      { Groups: [{ GroupId: 'sg-2' }, { GroupId: 'sg-1' }] },
      { Groups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2' }] },
    ],
    [
      'sorts private addresses by address',
      { PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.9' }, { PrivateIpAddress: '10.0.0.10' }] },
      { PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.10' }, { PrivateIpAddress: '10.0.0.9' }] },
    ],
    [
      'sorts IPv6 addresses and prefixes',
      {
        Ipv6Addresses: [{ Ipv6Address: 'b::' }, { Ipv6Address: 'a::' }],
        Ipv4Prefixes: [{ Ipv4Prefix: '10.0.1.0/28' }, { Ipv4Prefix: '10.0.0.0/28' }],
        Ipv6Prefixes: [{ Ipv6Prefix: 'b::/80' }, { Ipv6Prefix: 'a::/80' }],
      },
      {
        Ipv6Addresses: [{ Ipv6Address: 'a::' }, { Ipv6Address: 'b::' }],
        Ipv4Prefixes: [{ Ipv4Prefix: '10.0.0.0/28' }, { Ipv4Prefix: '10.0.1.0/28' }],
        Ipv6Prefixes: [{ Ipv6Prefix: 'a::/80' }, { Ipv6Prefix: 'b::/80' }],
      },
    ],
    [
      'sorts the TagSet by key (ENIs do not call it Tags)',
      {
        TagSet: [
          { Key: 'team', Value: 'a' },
          { Key: 'Name', Value: 'b' },
        ],
      },
      {
        TagSet: [
          { Key: 'Name', Value: 'b' },
          { Key: 'team', Value: 'a' },
        ],
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortNetworkInterfaceLists(
      deepFreeze(resourceOf('AWS::EC2::NetworkInterface', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
