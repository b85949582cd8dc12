import { describe, expect, it } from 'vitest';
import { IgnoreSyntaxError } from '../../../lib/drift/errors.js';
import { isIgnored, parseIgnore } from '../../../lib/drift/ignore.js';

type Case = readonly [type: string, id: string, attribute: string | undefined, ignored: boolean];

const check = (text: string, cases: readonly Case[]) => {
  const rules = parseIgnore(text, '.driftignore');
  return cases.map(([type, id, attribute]) => isIgnored(rules, type, id, attribute));
};
const expected = (cases: readonly Case[]) => cases.map((c) => c[3]);

describe('parseIgnore and isIgnored', () => {
  const rules = parseIgnore(
    [
      '# comment',
      'aws_ebs_volume.*',
      '!aws_ebs_volume.vol-keep',
      'aws_s3_bucket.my\\.bucket',
      'aws_instance.*.tags.LastPatched',
      '',
    ].join('\n'),
    '.driftignore',
  );
  it.each([
    ['aws_ebs_volume', 'vol-1', undefined, true],
    ['aws_ebs_volume', 'vol-keep', undefined, false],
    ['aws_ebs_volume', 'vol-1', 'size', true],
    ['aws_s3_bucket', 'my.bucket', undefined, true],
    ['aws_s3_bucket', 'myxbucket', undefined, false],
    ['aws_instance', 'i-1', undefined, false],
    ['aws_instance', 'i-1', 'tags.LastPatched', true],
    ['aws_instance', 'i-1', 'tags.Owner', false],
  ] as const)('%s.%s (%s) ignored: %s', (type, id, attribute, expected) => {
    expect(isIgnored(rules, type, id, attribute)).toBe(expected);
  });

  it('names the file and line of a malformed pattern', () => {
    expect(() => parseIgnore('ok.x\naws_instance..x', 'f')).toThrow(IgnoreSyntaxError);
    expect(() => parseIgnore('ok.x\naws_instance..x', 'f')).toThrow('f:2');
  });

  it.each([
    ['a trailing backslash', 'aws_instance.i-1\\'],
    ['an unclosed class', 'aws_instance.i-[0-9'],
    ['an empty class', 'aws_instance.i-[]'],
    ['an unescaped - in a class', 'aws_instance.i-[0-]'],
    ['a leading dot', '.i-1'],
    ['a trailing dot', 'aws_instance.i-1.'],
  ])('rejects %s, naming the file and line', (_what, line) => {
    expect(() => parseIgnore(`# header\n${line}`, 'f')).toThrow(IgnoreSyntaxError);
    expect(() => parseIgnore(`# header\n${line}`, 'f')).toThrow('f:2:');
  });
});

// The cases of driftctl's own tests (snyk/driftctl pkg/filter/driftignore_test.go with its
// testdata .driftignore files): a file written for driftctl means the same here.
describe('driftctl conformance', () => {
  it('reads drift_ignore_wildcard: runs of * are one *, and * spans the dot', () => {
    const cases: Case[] = [
      ['type1', 'id1', undefined, false],
      ['type2', 'id1', undefined, true],
      ['type2', 'id11', undefined, true],
      ['type2', 'id2', undefined, false],
      ['type3', 'id100', undefined, true],
      ['type3', 'id101', undefined, false],
      ['type4', 'id\\WithBac*slash***\\*\\', undefined, true],
    ];
    const file = String.raw`*2**.**d1*
type3.id1***0
*.id\\WithBa*slas*\\**\\

# this is *** comment`;
    expect(check(file, cases)).toEqual(expected(cases));
  });

  it('reads drift_ignore_valid: escaped dots and backslashes, / inside an id', () => {
    const cases: Case[] = [
      ['type1', 'id1', undefined, false],
      ['wildcard_resource', 'id1/with/slash', undefined, true],
      ['wildcard_resource', 'id1', undefined, true],
      ['ignored_resource', 'id2', undefined, true],
      ['resource_type', 'id.with.dots', undefined, true],
      ['resource_type', 'idwith\\', undefined, true],
      ['resource_type', 'idwith\\backslashes', undefined, true],
    ];
    const file = String.raw`ignored_resource.id2
wildcard_resource.*
resource_type.id\.with\.dots
resource_type.idwith\\
resource_type.idwith\\backslashes
`;
    expect(check(file, cases)).toEqual(expected(cases));
  });

  it('reads drift_ignore_all_exclude: * ignores everything, ! takes some back', () => {
    const cases: Case[] = [
      ['type1', 'id1', undefined, true],
      ['type3', 'id101', undefined, true],
      ['iam_user', 'id\\WithBac*slash***\\*\\', undefined, false],
      ['some_type', 'idwith/slash', undefined, false],
      ['some_type', 'idwith/slash/', undefined, true],
    ];
    const file = ['*', '!iam_user.*', '!some_type.idwith/slash'].join('\n');
    expect(check(file, cases)).toEqual(expected(cases));
  });
});

describe('wildcards span dots, as in driftctl', () => {
  it('lets * match across the dots of an attribute path', () => {
    const cases: Case[] = [
      ['aws_instance', 'i-1', 'tags.LastPatched', true],
      ['aws_instance', 'i-1', 'LastPatched', true],
      ['aws_instance', 'i-1', 'tags.Owner', false],
      ['aws_instance', 'i-1', undefined, false],
    ];
    expect(check('aws_instance.*.LastPatched', cases)).toEqual(expected(cases));
  });

  it('treats ** as *: everything under an attribute, not the attribute siblings', () => {
    const cases: Case[] = [
      ['aws_instance', 'i-1', 'tags.Owner', true],
      ['aws_instance', 'i.with.dots', 'tags.kubernetes.io/role', true],
      ['aws_instance', 'i-1', 'tags_all.Owner', false],
      ['aws_instance', 'i-1', 'instance_type', false],
      ['aws_instance', 'i-1', undefined, false],
    ];
    expect(check('aws_instance.*.tags.**', cases)).toEqual(expected(cases));
    expect(check('aws_instance.**.tags.*', cases)).toEqual(expected(cases));
  });

  it('lets *.*.tags cover every tag of every resource', () => {
    const cases: Case[] = [
      ['aws_vpc', 'vpc-1', 'tags.Owner', true],
      ['aws_s3_bucket', 'logs.example.com', 'tags.Owner', true],
      ['aws_vpc', 'vpc-1', 'cidr_block', false],
      ['aws_vpc', 'vpc-1', undefined, false],
    ];
    expect(check('*.*.tags', cases)).toEqual(expected(cases));
  });

  it('reads ? as one character and [...] as a class, with ^ negating it', () => {
    const cases: Case[] = [
      ['aws_ebs_volume', 'vol-1', undefined, true],
      ['aws_ebs_volume', 'vol-12', undefined, false],
      ['aws_subnet', 'subnet-01', undefined, true],
      ['aws_subnet', 'subnet-03', undefined, false],
      ['aws_vpc', 'vpc-a', undefined, false],
      ['aws_vpc', 'vpc-z', undefined, true],
      ['aws_sqs_queue', 'a?[1]', undefined, true],
      ['aws_sqs_queue', 'ab[1]', undefined, false],
    ];
    const file = [
      'aws_ebs_volume.vol-?',
      'aws_subnet.subnet-0[0-2]',
      'aws_vpc.vpc-[^a-c]',
      'aws_sqs_queue.a\\?\\[1]',
    ].join('\n');
    expect(check(file, cases)).toEqual(expected(cases));
  });
});

describe('dots inside ids and map keys', () => {
  it('matches a map key holding dots, escaped or not', () => {
    const cases: Case[] = [
      ['aws_instance', 'i-1', 'tags.kubernetes.io/cluster/prod', true],
      ['aws_instance', 'i-1', 'tags.kubernetesXio/cluster/prod', false],
      ['aws_instance', 'i-1', 'tags.kubernetes', false],
    ];
    expect(check('aws_instance.*.tags.kubernetes\\.io/cluster/prod', cases)).toEqual(
      expected(cases),
    );
    expect(check('aws_instance.*.tags.kubernetes.io/cluster/prod', cases)).toEqual(expected(cases));
  });

  it('matches an id holding dots written without escapes, as driftctl does', () => {
    const cases: Case[] = [['aws_s3_bucket', 'logs.example.com', undefined, true]];
    expect(check('aws_s3_bucket.logs.example.com', cases)).toEqual(expected(cases));
  });

  it('covers what is under a rule, but never a longer id', () => {
    const cases: Case[] = [
      ['aws_s3_bucket', 'logs', undefined, true],
      ['aws_s3_bucket', 'logs', 'versioning', true],
      ['aws_s3_bucket', 'logs.example.com', undefined, false],
      ['aws_s3_bucket', 'logs.example.com', 'versioning', false],
    ];
    expect(check('aws_s3_bucket.logs', cases)).toEqual(expected(cases));
  });

  it('covers the keys under a parent attribute, and lets a later ! take one back', () => {
    const cases: Case[] = [
      ['aws_instance', 'i-1', 'metadata_options.http_tokens', true],
      ['aws_instance', 'i-1', 'tags.Team', true],
      ['aws_instance', 'i-1', 'tags.Owner', false],
      ['aws_instance', 'i-1', 'instance_type', false],
    ];
    const file = [
      'aws_instance.i-1.metadata_options',
      'aws_instance.i-1.tags',
      '!aws_instance.*.tags.Owner',
    ].join('\n');
    expect(check(file, cases)).toEqual(expected(cases));
  });

  it('reads / as a plain character that * spans; _-_ is not a way to write it', () => {
    const arn = 'arn:aws:iam::aws:policy/aws-service-role/AmazonRDSServiceRolePolicy';
    const cases: Case[] = [
      ['aws_iam_policy_attachment', arn, undefined, true],
      ['aws_iam_policy_attachment', 'arn:aws:iam::aws:policy/ReadOnlyAccess', undefined, false],
      ['aws_iam_role', 'a/b', undefined, false],
    ];
    const file = [
      'aws_iam_policy_attachment.arn:aws:iam::aws:policy/aws-service-role/*',
      'aws_iam_role.a_-_b',
    ].join('\n');
    expect(check(file, cases)).toEqual(expected(cases));
  });
});
