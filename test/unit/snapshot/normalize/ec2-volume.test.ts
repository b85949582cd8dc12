import { describe, expect, it } from 'vitest';
import {
  dropVolumeVolatileFields,
  sortVolumeLists,
} from '../../../../lib/snapshot/normalize/ec2-volume.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropVolumeVolatileFields', () => {
  it.each([
    ['drops the state', { VolumeId: 'vol-1', State: 'in-use' }, { VolumeId: 'vol-1' }],
    [
      'drops each attachment time and state, keeping instance and device',
      {
        Attachments: [
          {
            InstanceId: 'i-1',
            Device: '/dev/xvda',
            AttachTime: '2026-01-01T00:00:00.000Z',
            State: 'attached',
          },
        ],
      },
      { Attachments: [{ InstanceId: 'i-1', Device: '/dev/xvda' }] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropVolumeVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::Volume', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortVolumeLists', () => {
  it.each([
    [
      'sorts (multi-attach) attachments by instance, then device',
      {
        Attachments: [
          { InstanceId: 'i-2', Device: '/dev/sdf' },
          { InstanceId: 'i-1', Device: '/dev/sdg' },
          { InstanceId: 'i-1', Device: '/dev/sdf' },
        ],
      },
      {
        Attachments: [
          { InstanceId: 'i-1', Device: '/dev/sdf' },
          { InstanceId: 'i-1', Device: '/dev/sdg' },
          { InstanceId: 'i-2', Device: '/dev/sdf' },
        ],
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortVolumeLists(deepFreeze(resourceOf('AWS::EC2::Volume', configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
