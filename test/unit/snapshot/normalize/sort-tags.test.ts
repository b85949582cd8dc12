import { describe, expect, it } from 'vitest';
import { sortTags } from '../../../../lib/snapshot/normalize/sort-tags.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: sortTags', () => {
  it.each([
    [
      'sorts Tags by Key, capitals first',
      {
        Tags: [
          { Key: 'team', Value: 'a' },
          { Key: 'Name', Value: 'b' },
          { Key: 'Env', Value: 'c' },
        ],
      },
      {
        Tags: [
          { Key: 'Env', Value: 'c' },
          { Key: 'Name', Value: 'b' },
          { Key: 'team', Value: 'a' },
        ],
      },
    ],
    ['leaves a configuration without Tags alone', { GroupId: 'sg-1' }, { GroupId: 'sg-1' }],
    ['leaves a Tags value that is not a list alone', { Tags: { a: '1' } }, { Tags: { a: '1' } }],
    [
      'orders tags without a Key first, by their content',
      { Tags: [{ Key: 'b' }, { Value: 'y' }, { Value: 'x' }] },
      { Tags: [{ Value: 'x' }, { Value: 'y' }, { Key: 'b' }] },
    ],
  ])('%s', (_name, configuration, expected) => {
    expect(
      sortTags(deepFreeze(resourceOf('AWS::EC2::VPC', configuration))).configuration,
    ).toStrictEqual(expected);
  });

  it('leaves the envelope tags record alone', () => {
    const resource = { ...resourceOf('AWS::EC2::VPC', {}), tags: { z: '1', a: '2' } };
    expect(Object.keys(sortTags(deepFreeze(resource)).tags)).toEqual(['z', 'a']);
  });
});
