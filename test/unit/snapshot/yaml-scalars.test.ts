import { describe, expect, it } from 'vitest';
import {
  doubleQuoted,
  formatNumber,
  inlineString,
  literalBlock,
} from '../../../lib/snapshot/yaml-scalars.js';

describe('Function: inlineString', () => {
  it.each([
    ['web', 'web'],
    ['a:b', 'a:b'],
    ['a :b', 'a :b'],
    ['Yes', '"Yes"'],
    ['e5', '"e5"'],
    ['E-3', '"E-3"'],
    ['e5x', 'e5x'],
    ['x\ty', '"x\\ty"'],
    ['café', '"café"'],
    ['say "hi"', '"say \\"hi\\""'],
  ])('writes %j as %s', (text, expected) => {
    expect(inlineString(text)).toBe(expected);
  });
});

describe('Function: doubleQuoted', () => {
  it('escapes what JSON leaves alone but YAML must not see raw', () => {
    expect(doubleQuoted('a\u0085b\u2029c\ufffe')).toBe('"a\\u0085b\\u2029c\\ufffe"');
  });
});

describe('Function: formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [123, '123'],
    [-1.5, '-1.5'],
    [1e21, '1.0e+21'],
    [1.25e21, '1.25e+21'],
    [-1e-7, '-1.0e-7'],
    [5e-324, '5.0e-324'],
    [Number.NaN, '.nan'],
    [Number.POSITIVE_INFINITY, '.inf'],
    [Number.NEGATIVE_INFINITY, '-.inf'],
  ])('writes %d as %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('Function: literalBlock', () => {
  it.each([
    ['a\nb', '|-\n  a\n  b\n'],
    ['a\nb\n', '|\n  a\n  b\n'],
    ['a\n\nb', '|-\n  a\n\n  b\n'],
    [' a\nb', '|2-\n   a\n  b\n'],
    ['\n\ta', '|2-\n\n  \ta\n'],
  ])('writes %j as %j', (text, expected) => {
    expect(literalBlock(text, '  ')).toBe(expected);
  });

  it.each([
    ['a\r\nb'],
    ['a\n\n'],
    ['\n'],
    ['a\n  \nb'],
    ['a\n\u0000'],
    ['a\n\ud800'],
    ['a\n\u2028'],
  ])('refuses %j', (text) => {
    expect(literalBlock(text, '  ')).toBeUndefined();
  });
});
