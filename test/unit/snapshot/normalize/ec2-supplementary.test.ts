import { describe, expect, it } from 'vitest';
import {
  editSupplementary,
  flag,
  sortedStrings,
  withoutItems,
} from '../../../../lib/snapshot/normalize/ec2-supplementary.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: editSupplementary', () => {
  it('edits one supplementary key and keeps the others', () => {
    const input = deepFreeze({
      ...resourceOf('AWS::EC2::VPC', {}),
      supplementaryConfiguration: { A: 1, B: 2 },
    });
    expect(
      editSupplementary(input, 'A', (v) => Number(v) + 1).supplementaryConfiguration,
    ).toStrictEqual({ A: 2, B: 2 });
  });

  it.each([
    ['a resource without supplementary configuration', resourceOf('AWS::EC2::VPC', {})],
    [
      'a resource without that key',
      { ...resourceOf('AWS::EC2::VPC', {}), supplementaryConfiguration: { B: 1 } },
    ],
  ])('returns %s unchanged', (_name, resource) => {
    const input = deepFreeze(resource);
    expect(editSupplementary(input, 'A', () => 0)).toBe(input);
  });
});

describe('Helpers', () => {
  it.each([
    [
      ['b', 'a', 'c'],
      ['a', 'b', 'c'],
    ],
    ['not a list', 'not a list'],
  ])('sortedStrings(%j) is %j', (input, expected) => {
    expect(sortedStrings(deepFreeze(input))).toStrictEqual(expected);
  });

  it('withoutItems drops only the selected objects', () => {
    expect(withoutItems([{ a: 1 }, { a: 2 }, 'x'], (o) => o['a'] === 1)).toStrictEqual([
      { a: 2 },
      'x',
    ]);
  });

  it.each([
    [{ Egress: true }, 1],
    [{ Egress: false }, 0],
    [{}, 0],
    ['x', 0],
  ])('flag(%j) is %i', (value, expected) => {
    expect(flag(value, 'Egress')).toBe(expected);
  });
});
