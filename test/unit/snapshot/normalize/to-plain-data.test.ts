import { describe, expect, it } from 'vitest';
import { toPlainData } from '../../../../lib/snapshot/normalize/to-plain-data.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const launch = new Date('2026-01-15T10:00:00Z');

describe('Function: toPlainData', () => {
  it.each([
    [
      'turns a Date into its ISO string',
      { LaunchTime: launch },
      { LaunchTime: '2026-01-15T10:00:00.000Z' },
    ],
    ['drops undefined fields', { A: undefined, B: 1 }, { B: 1 }],
    [
      'works at every depth',
      { A: [{ T: launch, U: undefined }], B: { C: { D: launch } } },
      { A: [{ T: '2026-01-15T10:00:00.000Z' }], B: { C: { D: '2026-01-15T10:00:00.000Z' } } },
    ],
    ['turns an undefined list item into null', { A: [1, undefined, 2] }, { A: [1, null, 2] }],
    [
      'keeps null, numbers, booleans and strings',
      { A: null, B: 0, C: false, D: '' },
      { A: null, B: 0, C: false, D: '' },
    ],
    [
      'keeps a __proto__ key as data',
      JSON.parse('{"__proto__":{"x":1}}'),
      JSON.parse('{"__proto__":{"x":1}}'),
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = toPlainData(deepFreeze(resourceOf('AWS::EC2::Instance', configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });

  it('drops undefined envelope fields too', () => {
    const resource = { ...resourceOf('AWS::EC2::VPC', {}), arn: undefined };
    expect(Object.hasOwn(toPlainData(deepFreeze(resource) as never), 'arn')).toBe(false);
  });
});
