import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { toCanonicalYaml } from '../../../lib/snapshot/canonical-yaml.js';

const securityGroup = {
  VpcId: 'vpc-0a1b2c3d4e5f67890',
  Tags: [
    { Key: 'Name', Value: 'web' },
    { Key: 'team', Value: 'platform' },
    { Key: 'aws:cloudformation:stack-name', Value: 'net' },
  ],
  SecurityGroupArn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b2c3d4e5f67890',
  OwnerId: '123456789012',
  IpPermissionsEgress: [
    {
      IpProtocol: '-1',
      UserIdGroupPairs: [],
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
      Ipv6Ranges: [],
      PrefixListIds: [],
    },
  ],
  IpPermissions: [
    {
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      UserIdGroupPairs: [],
      IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTPS from anywhere' }],
      Ipv6Ranges: [{ CidrIpv6: '::/0' }],
      PrefixListIds: [],
    },
    {
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      UserIdGroupPairs: [
        { UserId: '123456789012', GroupId: 'sg-0fedcba9876543210', Description: 'bastion' },
      ],
      IpRanges: [],
      Ipv6Ranges: [],
      PrefixListIds: [],
    },
  ],
  GroupName: 'web',
  GroupId: 'sg-0a1b2c3d4e5f67890',
  Description: 'Web tier: HTTPS from the internet, SSH from the bastion',
};

class Box {
  public readonly value = 1;
}

describe('Function: toCanonicalYaml', () => {
  it('writes a security group exactly as the golden file', () => {
    const golden = readFileSync(new URL('fixtures/security-group.yaml', import.meta.url), 'utf8');
    expect(toCanonicalYaml(securityGroup)).toBe(golden);
  });

  it('sorts keys by UTF-16 code unit, capitals first', () => {
    expect(toCanonicalYaml({ b: 1, a: 1, B: 1, é: 1, _: 1, '10': 1, '9': 1 })).toBe(
      '"10": 1\n"9": 1\nB: 1\n"_": 1\na: 1\nb: 1\n"é": 1\n',
    );
  });

  it('indents sequences under their key and writes nested collections compactly', () => {
    expect(toCanonicalYaml({ k: [{ a: 1, b: [1, [2, 3]] }, [], {}], e: {} })).toBe(
      'e: {}\nk:\n  - a: 1\n    b:\n      - 1\n      - - 2\n        - 3\n  - []\n  - {}\n',
    );
  });

  it.each([['on'], ['Off'], ['yes'], ['Y'], ['No'], ['TRUE'], ['null'], ['NaN'], ['E0']])(
    'quotes %j, which YAML 1.1 or 1.2 reads as something else',
    (text) => {
      expect(toCanonicalYaml({ [text]: text })).toBe(`"${text}": "${text}"\n`);
    },
  );

  it.each([
    ['0755'],
    ['0o17'],
    ['0x1F'],
    ['1e3'],
    ['1_000'],
    ['12:30'],
    ['2026-01-01'],
    ['.inf'],
    ['~'],
    ['-'],
    ['- a'],
    ['? x'],
    ['a: b'],
    ['a:'],
    ['x #y'],
    ['@a'],
    ['!tag'],
    ['&a'],
    ['*a'],
    ['%x'],
    ['|'],
    ['>'],
    [' lead'],
    ['trail '],
    ['a  b'],
    [''],
  ])('quotes %j', (text) => {
    expect(toCanonicalYaml(text)).toBe(`${JSON.stringify(text)}\n`);
  });

  it.each([
    ['sg-0a1b2c3d4e5f67890'],
    ['arn:aws:iam::123456789012:role/x'],
    ['aws:cloudformation:stack-name'],
    ['Cost Center'],
    ['t3.micro'],
    ['a/b@c_d-e'],
  ])('leaves %j plain', (text) => {
    expect(toCanonicalYaml({ [text]: text })).toBe(`${text}: ${text}\n`);
  });

  it('writes integers as they are and exponent floats with a dot and a signed exponent', () => {
    expect(toCanonicalYaml([0, -0, 42, -7, 0.1, 1e21, 5e-324, 1.5e-7, 2 ** 53])).toBe(
      '- 0\n- 0\n- 42\n- -7\n- 0.1\n- 1.0e+21\n- 5.0e-324\n- 1.5e-7\n- 9007199254740992\n',
    );
  });

  it('writes NaN and the infinities as YAML floats', () => {
    const out = toCanonicalYaml([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(out).toBe('- .nan\n- .inf\n- -.inf\n');
    expect(YAML.parse(out, { version: '1.1' })).toEqual([Number.NaN, Infinity, -Infinity]);
  });

  it('writes null, booleans and Dates, drops undefined in objects and nulls it in arrays', () => {
    const date = new Date('2026-01-15T10:00:00Z');
    expect(
      toCanonicalYaml({ z: null, t: true, f: false, d: date, u: undefined, l: [undefined] }),
    ).toBe('d: "2026-01-15T10:00:00.000Z"\nf: false\nl:\n  - null\nt: true\nz: null\n');
  });

  it('writes multi-line strings as literal blocks, with an indentation indicator when needed', () => {
    expect(toCanonicalYaml({ a: 'x\ny', b: 'x\ny\n', c: ' x\ny', d: ['\nx'] })).toBe(
      'a: |-\n  x\n  y\nb: |\n  x\n  y\nc: |2-\n   x\n  y\nd:\n  - |-\n\n    x\n',
    );
  });

  it.each([['x\r\ny'], ['x\n\n'], ['x\n \ny'], ['\n'], ['x\u0085\ny'], ['x\ty\n\u2028']])(
    'double-quotes the multi-line string %j that a literal block cannot carry',
    (text) => {
      expect(toCanonicalYaml({ a: text })).toMatch(/^a: "/);
    },
  );

  it('escapes characters YAML forbids or reads as line breaks', () => {
    expect(toCanonicalYaml('\u007f\u0085\u2028\ufeff\ud800\u0001\t')).toBe(
      '"\\u007f\\u0085\\u2028\\ufeff\\ud800\\u0001\\t"\n',
    );
  });

  it('writes a key longer than YAML allows for implicit keys as an explicit key', () => {
    const key = 'k'.repeat(1500);
    const out = toCanonicalYaml({ [key]: { a: 1 }, b: 2 });
    expect(out).toBe(`b: 2\n? ${key}\n:\n  a: 1\n`);
    expect(YAML.parse(out)).toEqual({ [key]: { a: 1 }, b: 2 });
  });

  it('reads back long keys with multi-line and list values inside sequences, in YAML 1.1 too', () => {
    const key = `${'k'.repeat(1100)}: #`;
    const value = [{ [key]: 'a\nb', z: 1 }, { [key]: [' x\ny', { [key]: {} }] }];
    const out = toCanonicalYaml(value);
    expect(YAML.parse(out)).toEqual(value);
    expect(YAML.parse(out, { version: '1.1' })).toEqual(value);
  });

  it('writes shared (not circular) references each time they appear', () => {
    const shared = { a: 1 };
    expect(toCanonicalYaml({ x: shared, z: shared })).toBe('x:\n  a: 1\nz:\n  a: 1\n');
  });

  it.each([
    ['a function', { a: { b: () => 1 } }, '$.a.b'],
    ['a symbol', { a: [Symbol('s')] }, '$.a[0]'],
    ['a bigint', { 'x y': 1n }, '$["x y"]'],
    ['a Map', { m: new Map() }, '$.m'],
    ['a class instance', [new Box()], '$[0]'],
    ['an invalid Date', { d: new Date(Number.NaN) }, '$.d'],
    ['undefined', undefined, '$'],
  ])('rejects %s with a TypeError naming the path', (_what, value, path) => {
    expect(() => toCanonicalYaml(value)).toThrow(TypeError);
    expect(() => toCanonicalYaml(value)).toThrow(` at ${path}`);
  });

  it('rejects a circular structure with a TypeError naming the path', () => {
    const root: Record<string, unknown> = { a: { list: [] as unknown[] } };
    ((root['a'] as { list: unknown[] }).list as unknown[]).push(root);
    expect(() => toCanonicalYaml(root)).toThrow(/circular reference .* at \$\.a\.list\[0\]$/);
  });
});
