import { describe, expect, it } from 'vitest';
import { canonicalJson, sortedBy } from '../../../../lib/snapshot/normalize/sort-list.js';
import { pick } from '../../../../lib/snapshot/normalize/step.js';
import { deepFreeze } from './fixtures.js';

describe('Function: sortedBy', () => {
  it.each([
    ['sorts by the key', [{ k: 'b' }, { k: 'a' }], [{ k: 'a' }, { k: 'b' }]],
    [
      'compares code units, not locale',
      [{ k: 'é' }, { k: 'z' }, { k: 'Z' }],
      [{ k: 'Z' }, { k: 'z' }, { k: 'é' }],
    ],
    ['puts numbers in numeric order', [{ k: 10 }, { k: 9 }], [{ k: 9 }, { k: 10 }]],
    ['puts a missing key first', [{ k: 'a' }, {}], [{}, { k: 'a' }]],
    [
      'breaks ties by canonical JSON',
      [
        { k: 'a', v: 2 },
        { v: 1, k: 'a' },
      ],
      [
        { v: 1, k: 'a' },
        { k: 'a', v: 2 },
      ],
    ],
    ['leaves a value that is not a list alone', 'x', 'x'],
  ])('%s', (_name, input, expected) => {
    expect(sortedBy(deepFreeze(input), (item) => [pick(item, 'k')])).toStrictEqual(expected);
  });

  it('gives the same order whatever the input order', () => {
    const items = [{ k: 'a', v: 2 }, { k: 'a', v: 1 }, { v: 3 }, { k: 'b' }];
    const sorted = sortedBy(items, (item) => [pick(item, 'k')]);
    expect(sortedBy([...items].reverse(), (item) => [pick(item, 'k')])).toStrictEqual(sorted);
  });
});

describe('Function: canonicalJson', () => {
  it.each([
    [{ b: 1, a: [{ d: 1, c: 2 }] }, '{"a":[{"c":2,"d":1}],"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[undefined], '[null]'],
    ['x', '"x"'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});
