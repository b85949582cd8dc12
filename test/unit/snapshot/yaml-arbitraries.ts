import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';

/** Strings that YAML 1.1 or 1.2 would read as something else, or that break naive emitters. */
export const TRICKY_STRINGS = [
  ...['on', 'On', 'ON', 'off', 'yes', 'Yes', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N', 'true', 'True'],
  ...['FALSE', 'null', 'Null', 'NULL', '~', 'nan', 'NaN', '.nan', '.inf', '-.inf', '.Inf', 'inf'],
  ...[
    'E0',
    'e5',
    'e-3',
    '0755',
    '0o17',
    '0x1F',
    '0b101',
    '1e3',
    '1E3',
    '1_000',
    '+1',
    '-1',
    '1.',
    '.5',
    '12:30',
  ],
  ...['190:20:30', '2026-01-01', '2026-01-01T10:00:00Z', '2001-12-14 21:59:43.10 -5', '0.1'],
  ...['-', '- a', '-a', '--', '---', '...', '? x', '?', ':', 'a: b', 'a:', 'a:b', 'a :b', '#x'],
  ...['x #y', 'x#y', '@a', '`a', '!tag', '&a', '*a', '%x', '|', '>', '|-', '>-', "'q'", '"q"'],
  ...['<<', '=', ',', '[a]', '{a}', 'a,b', 'a  b', ' lead', 'trail ', ' ', '  ', '\t', 'a\tb'],
  ...[
    'a\r\nb',
    '\r',
    'a\rb',
    'é',
    'café',
    '日本語',
    '😀',
    'a😀b',
    '',
    '\u0000',
    '\u001f',
    '\u007f',
  ],
  ...['x\u0085y', 'x\u2028y', 'x\u2029y', '\ufeffbom', '\ufffe', '\uffff', '\ud800', 'a\udc00b'],
  ...['\ud83d', 'a\n', '\n', '\n\n', 'a\n\n', 'a\n\n\n', ' a\nb', '\ta\nb', 'a\n \nb', 'a\n\nb'],
  ...['\na', '\n a', '\n\n  a\n', 'l1\nl2\n', 'a \nb ', 'a\n ', 'a\n\t', '- a\n- b', '#\n#'],
  ...['a\n---\nb', 'a\n...\n', '|\n>', 'key: v\nk2: v2', '"\n\'', '\\\n\\', 'x\r\ny\r\n'],
  ...['__proto__', 'constructor', 'toString', 'Cost Center', 'aws:cloudformation:stack-name'],
  ...['arn:aws:iam::123456789012:role/x', 'http://example.com/a?b=c#d', 'sg-0a1b2c3d'],
];

const PIECES = [' ', '  ', '\n', '\t', '\r', ':', '#', '-', '?', 'a', 'Y', '0', '.', '"', '\\'];

/** Any string worth trying: tricky constants, unicode, and short mixes of YAML-significant pieces. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.array(fc.constantFrom(...PIECES, ...TRICKY_STRINGS), { maxLength: 8 }).map((p) => p.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...TRICKY_STRINGS), fc.string()), {
      minLength: 2,
      maxLength: 5,
    })
    .map((lines) => lines.join('\n')),
);

/** Numbers including the ones YAML and JSON disagree on. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 0, 1e21, -1e21, 5e-324, 0.1, 1e-7, 2 ** 53, 2 ** 53 + 2, 1e20, 1.5e300),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 123.456),
);

const scalar = fc.oneof(
  { arbitrary: anyString, weight: 4 },
  { arbitrary: anyNumber, weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: true }), weight: 1 },
);

/** Data a collector may hand over: plain objects and arrays of scalars, Dates and undefined. */
export const anyData: fc.Arbitrary<unknown> = fc.letrec<{
  value: unknown;
  list: unknown[];
  map: object;
}>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(fc.option(tie('value'), { nil: undefined, freq: 20 }), { maxLength: 5 }),
  map: fc.dictionary(anyString, fc.option(tie('value'), { nil: undefined, freq: 10 }), {
    maxKeys: 6,
  }),
})).value;

/**
 * What YAML gives back for `value`: Dates as ISO strings, undefined dropped from objects and null
 * in arrays (as JSON does), -0 as 0 (the emitter writes `0`, as JSON does); NaN and infinities stay.
 */
export function expectedReadBack(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return value.map((item) => (item === undefined ? null : expectedReadBack(item)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a `__proto__` key must stay an own property, as the yaml parser makes it.
      if (item !== undefined) {
        Object.defineProperty(out, key, {
          value: expectedReadBack(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return out;
  }
  return Object.is(value, -0) ? 0 : value;
}

/** The same data with every object's keys inserted in another order (reversed, then rotated). */
export function reorderKeys(value: unknown, rotation: number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, rotation));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const entries = Object.entries(value).reverse();
  const shift = entries.length === 0 ? 0 : rotation % entries.length;
  const out: Record<string, unknown> = {};
  for (const [key, item] of [...entries.slice(shift), ...entries.slice(0, shift)]) {
    Object.defineProperty(out, key, {
      value: reorderKeys(item, rotation),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Asserts deep strict equality with Node's own check: vitest's toStrictEqual compares `constructor`
 * properties, which fails on data with a `constructor` key.
 */
export function expectSameData(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(
      `Read back ${inspect(actual, { depth: 9 })}, expected ${inspect(expected, { depth: 9 })}`,
    );
  }
}
