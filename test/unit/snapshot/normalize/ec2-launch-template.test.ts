import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../../lib/model/schema.js';
import { sortLaunchTemplateVersionLists } from '../../../../lib/snapshot/normalize/ec2-launch-template.js';
import { deepFreeze, resourceOf } from './fixtures.js';

function withData(data: Record<string, unknown>): Resource {
  return {
    ...resourceOf('AWS::EC2::LaunchTemplate', {}),
    supplementaryConfiguration: {
      DefaultVersion: { VersionNumber: 1, LaunchTemplateData: data },
      LatestVersion: { VersionNumber: 2, LaunchTemplateData: data },
    },
  };
}

describe('Function: sortLaunchTemplateVersionLists', () => {
  it.each([
    [
      'sorts security group ids and names',
      { SecurityGroupIds: ['sg-2', 'sg-1'], SecurityGroups: ['web', 'db'] },
      { SecurityGroupIds: ['sg-1', 'sg-2'], SecurityGroups: ['db', 'web'] },
    ],
    [
      'sorts block devices by device name',
      { BlockDeviceMappings: [{ DeviceName: '/dev/sdf' }, { DeviceName: '/dev/xvda' }] },
      { BlockDeviceMappings: [{ DeviceName: '/dev/sdf' }, { DeviceName: '/dev/xvda' }] },
    ],
    [
      'sorts network interfaces by card and device index, and their groups',
      {
        NetworkInterfaces: [{ DeviceIndex: 1, Groups: ['sg-2', 'sg-1'] }, { DeviceIndex: 0 }],
      },
      {
        NetworkInterfaces: [{ DeviceIndex: 0 }, { DeviceIndex: 1, Groups: ['sg-1', 'sg-2'] }],
      },
    ],
    [
      'sorts tag specifications by resource type, and their tags by key',
      {
        TagSpecifications: [
          { ResourceType: 'volume', Tags: [{ Key: 'b' }, { Key: 'a' }] },
          { ResourceType: 'instance' },
        ],
      },
      {
        TagSpecifications: [
          { ResourceType: 'instance' },
          { ResourceType: 'volume', Tags: [{ Key: 'a' }, { Key: 'b' }] },
        ],
      },
    ],
  ])('%s (in both versions)', (_name, data, expected) => {
    const output = sortLaunchTemplateVersionLists(deepFreeze(withData(data)));
    expect(output.supplementaryConfiguration).toStrictEqual({
      DefaultVersion: { VersionNumber: 1, LaunchTemplateData: expected },
      LatestVersion: { VersionNumber: 2, LaunchTemplateData: expected },
    });
  });

  it('leaves a template whose versions were unreadable alone', () => {
    const input = deepFreeze({
      ...resourceOf('AWS::EC2::LaunchTemplate', {}),
      unreadable: ['DefaultVersion'],
    });
    expect(sortLaunchTemplateVersionLists(input)).toBe(input);
  });
});
