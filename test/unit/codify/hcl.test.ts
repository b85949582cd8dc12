import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { addressBook, toIdentifier } from '../../../lib/codify/address.js';
import { expression, type HclBlock, jsonencode, printHcl, quote } from '../../../lib/codify/hcl.js';

// Untyped on purpose: see codify.test.ts.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (file: string, text: string) => Promise<Record<string, unknown>>;
};

describe('toIdentifier and addressBook', () => {
  it.each([
    ['Web App #1', 'web_app_1'],
    ['42 public/a', 'r_42_public_a'],
    ['vpc-0a1b', 'vpc_0a1b'],
    ['--__--', 'resource'],
    ['Ünïcode näme', 'n_code_n_me'],
    ['a..b', 'a_b'],
  ])('%j -> %s', (raw, name) => {
    expect(toIdentifier(raw)).toBe(name);
    expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it('numbers a name already taken, per type', () => {
    const book = addressBook(['aws_vpc.web']);
    expect(book.take('aws_vpc', 'web')).toBe('aws_vpc.web_2');
    expect(book.take('aws_vpc', 'WEB')).toBe('aws_vpc.web_3');
    expect(book.take('aws_subnet', 'web')).toBe('aws_subnet.web');
  });
});

describe('printHcl', () => {
  it('escapes quotes, backslashes, control characters and interpolation', async () => {
    const odd = `say "hi" \\ $${'{'}var.x} %{ if } \n\ttab`;
    expect(quote(odd)).toBe('"say \\"hi\\" \\\\ $${var.x} %%{ if } \\n\\ttab"');
    const block: HclBlock = {
      kind: 'block',
      type: 'resource',
      labels: ['aws_vpc', 'x'],
      body: [{ kind: 'attribute', name: 'tags', value: { 'a:b c': odd, ok: 'y' } }],
    };
    const parsed = (await parse('x.tf', printHcl([block]))) as {
      resource: { aws_vpc: { x: [{ tags: Record<string, string> }] } };
    };
    // hcl2json answers in Terraform's JSON syntax, where strings are templates too: the escapes
    // stay, so the value is the literal text, never an interpolation.
    const literal = odd.replace('${', () => '$${').replace('%{', () => '%%{');
    expect(parsed.resource.aws_vpc.x[0].tags).toEqual({ 'a:b c': literal, ok: 'y' });
  });

  it('aligns = within a run of single-line attributes, as terraform fmt does', () => {
    const block: HclBlock = {
      kind: 'block',
      type: 'resource',
      labels: ['aws_s3_bucket_policy', 'p'],
      body: [
        { kind: 'attribute', name: 'bucket', value: expression('aws_s3_bucket.b.id') },
        { kind: 'attribute', name: 'policy', value: jsonencode({ Version: '2012-10-17', S: [1] }) },
        { kind: 'attribute', name: 'a', value: true },
        { kind: 'attribute', name: 'long_name', value: ['x', 2] },
      ],
    };
    expect(printHcl([block])).toBe(
      [
        'resource "aws_s3_bucket_policy" "p" {',
        '  bucket = aws_s3_bucket.b.id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    S       = [1]',
        '  })',
        '  a         = true',
        '  long_name = ["x", 2]',
        '}',
        '',
      ].join('\n'),
    );
  });
});
