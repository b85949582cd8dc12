import { describe, expect, it } from 'vitest';
import {
  dropInstanceVolatileFields,
  sortInstanceLists,
} from '../../../../lib/snapshot/normalize/ec2-instance.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const run = (step: typeof sortInstanceLists, configuration: Record<string, unknown>) =>
  step(deepFreeze(resourceOf('AWS::EC2::Instance', configuration))).configuration;

describe('Function: dropInstanceVolatileFields', () => {
  it.each([
    [
      'drops run state, launch times, public addresses and the client token',
      {
        InstanceId: 'i-1',
        State: { Code: 16, Name: 'running' },
        StateTransitionReason: '',
        StateReason: { Code: 'x', Message: 'y' },
        LaunchTime: '2026-01-15T10:00:00.000Z',
        UsageOperationUpdateTime: '2026-01-15T10:00:00.000Z',
        PublicIpAddress: '203.0.113.7',
        PublicDnsName: 'ec2-203-0-113-7.compute.amazonaws.com',
        ClientToken: 'terraform-1',
      },
      { InstanceId: 'i-1' },
    ],
    [
      'drops attachment times and status and public associations of network interfaces',
      {
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-1',
            Attachment: { AttachTime: 't', Status: 'attached', DeviceIndex: 0 },
            Association: { PublicIp: '203.0.113.7' },
            PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1', Association: { PublicIp: 'x' } }],
          },
        ],
      },
      {
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-1',
            Attachment: { DeviceIndex: 0 },
            PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1' }],
          },
        ],
      },
    ],
    [
      'drops EBS attach time and status',
      {
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: { AttachTime: 't', Status: 'attached', VolumeId: 'vol-1' },
          },
        ],
      },
      { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-1' } }] },
    ],
    ['drops a pending monitoring state', { Monitoring: { State: 'pending' } }, { Monitoring: {} }],
    [
      'drops a disabling monitoring state',
      { Monitoring: { State: 'disabling' } },
      { Monitoring: {} },
    ],
    [
      'keeps an enabled monitoring state',
      { Monitoring: { State: 'enabled' } },
      { Monitoring: { State: 'enabled' } },
    ],
    [
      'keeps a disabled monitoring state',
      { Monitoring: { State: 'disabled' } },
      { Monitoring: { State: 'disabled' } },
    ],
    [
      'leaves unexpected shapes alone',
      { NetworkInterfaces: 'x', Monitoring: null },
      { NetworkInterfaces: 'x', Monitoring: null },
    ],
  ])('%s', (_name, configuration, expected) => {
    expect(run(dropInstanceVolatileFields, configuration)).toStrictEqual(expected);
  });
});

describe('Function: sortInstanceLists', () => {
  it.each([
    [
      'sorts security groups by GroupId',
      {
        SecurityGroups: [
          { GroupId: 'sg-2', GroupName: 'a' },
          { GroupId: 'sg-1', GroupName: 'b' },
        ],
      },
      {
        SecurityGroups: [
          { GroupId: 'sg-1', GroupName: 'b' },
          { GroupId: 'sg-2', GroupName: 'a' },
        ],
      },
    ],
    [
      'sorts network interfaces by device index (numerically), then id, and their groups',
      {
        NetworkInterfaces: [
          { NetworkInterfaceId: 'eni-a', Attachment: { DeviceIndex: 10 } },
          { NetworkInterfaceId: 'eni-c', Attachment: { DeviceIndex: 2 } },
          {
            NetworkInterfaceId: 'eni-b',
            Attachment: { DeviceIndex: 2 },
            Groups: [{ GroupId: 'sg-2' }, { GroupId: 'sg-1' }],
          },
        ],
      },
      {
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-b',
            Attachment: { DeviceIndex: 2 },
            Groups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2' }],
          },
          { NetworkInterfaceId: 'eni-c', Attachment: { DeviceIndex: 2 } },
          { NetworkInterfaceId: 'eni-a', Attachment: { DeviceIndex: 10 } },
        ],
      },
    ],
    [
      'sorts block device mappings by device name',
      { BlockDeviceMappings: [{ DeviceName: '/dev/xvdb' }, { DeviceName: '/dev/xvda' }] },
      { BlockDeviceMappings: [{ DeviceName: '/dev/xvda' }, { DeviceName: '/dev/xvdb' }] },
    ],
    [
      'sorts product codes by id',
      {
        ProductCodes: [
          { ProductCodeId: 'b', ProductCodeType: 'marketplace' },
          { ProductCodeId: 'a', ProductCodeType: 'devpay' },
        ],
      },
      {
        ProductCodes: [
          { ProductCodeId: 'a', ProductCodeType: 'devpay' },
          { ProductCodeId: 'b', ProductCodeType: 'marketplace' },
        ],
      },
    ],
    [
      'leaves other lists in their order',
      { Ipv6Addresses: ['b', 'a'] },
      { Ipv6Addresses: ['b', 'a'] },
    ],
  ])('%s', (_name, configuration, expected) => {
    expect(run(sortInstanceLists, configuration)).toStrictEqual(expected);
  });
});
