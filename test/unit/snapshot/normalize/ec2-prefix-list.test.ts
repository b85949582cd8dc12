import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../../lib/model/schema.js';
import {
  dropPrefixListVolatileFields,
  sortPrefixListEntries,
} from '../../../../lib/snapshot/normalize/ec2-prefix-list.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropPrefixListVolatileFields', () => {
  it.each([
    [
      'drops the state and its message, keeping the version',
      { PrefixListId: 'pl-1', State: 'modify-complete', StateMessage: 'x', Version: 3 },
      { PrefixListId: 'pl-1', Version: 3 },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropPrefixListVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::PrefixList', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortPrefixListEntries', () => {
  const withEntries = (entries: unknown): Resource => ({
    ...resourceOf('AWS::EC2::PrefixList', {}),
    supplementaryConfiguration: { Entries: entries },
  });
  it.each([
    [
      'sorts the entries by CIDR',
      [{ Cidr: '198.51.100.0/24' }, { Cidr: '192.0.2.0/24', Description: 'x' }],
      [{ Cidr: '192.0.2.0/24', Description: 'x' }, { Cidr: '198.51.100.0/24' }],
    ],
    ['keeps an empty list', [], []],
  ])('%s', (_name, entries, expected) => {
    const output = sortPrefixListEntries(deepFreeze(withEntries(entries)));
    expect(output.supplementaryConfiguration).toStrictEqual({ Entries: expected });
  });

  it('leaves a list whose entries were unreadable alone', () => {
    const input = deepFreeze({
      ...resourceOf('AWS::EC2::PrefixList', {}),
      unreadable: ['Entries'],
    });
    expect(sortPrefixListEntries(input)).toBe(input);
  });
});
