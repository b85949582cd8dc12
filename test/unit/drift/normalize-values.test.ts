import { describe, expect, it } from 'vitest';
import { normalizePolicy } from '../../../lib/drift/normalize-policy.js';
import {
  canonicalKey,
  normalizeBoolean,
  normalizeCidr,
  normalizeNumber,
  normalizePortRange,
  normalizeProtocol,
  normalizeStringSet,
  normalizeTags,
} from '../../../lib/drift/normalize-values.js';

describe('value normalizers', () => {
  it.each([
    ['-1', 'all'],
    ['all', 'all'],
    ['6', 'tcp'],
    ['TCP', 'tcp'],
    ['17', 'udp'],
    ['1', 'icmp'],
  ])('protocol %s is %s', (input, expected) => expect(normalizeProtocol(input)).toBe(expected));

  it.each([
    ['-1', 0, 0, 'all'],
    ['tcp', 0, 65535, 'all'],
    ['tcp', 443, 443, '443-443'],
    ['icmp', -1, -1, 'all'],
    ['icmp', 8, 0, '8-0'],
  ])('ports %s %s-%s are %s', (p, from, to, expected) =>
    expect(normalizePortRange(p, from, to)).toBe(expected),
  );

  it.each([
    ['10.0.0.1', '10.0.0.1/32'],
    ['::0/0', '::/0'],
    ['2001:DB8:0:0::1/64', '2001:db8::1/64'],
  ])('CIDR %s is %s', (input, expected) => expect(normalizeCidr(input)).toBe(expected));

  it('reads booleans, numbers and sets in every spelling', () => {
    expect(normalizeBoolean('true')).toBe(true);
    expect(normalizeNumber('20')).toBe(20);
    expect(normalizeStringSet(['b', 'a', 'b'])).toEqual(['a', 'b']);
    expect(normalizeStringSet([])).toBeNull();
    expect(normalizeStringSet('a')).toEqual(['a']);
  });

  it('drops AWS and controller tags and reads SDK tag lists', () => {
    expect(
      normalizeTags([
        { Key: 'b', Value: '1' },
        { Key: 'aws:cloudformation:stack-name', Value: 'x' },
        { Key: 'kubernetes.io/cluster/prod', Value: 'owned' },
        { Key: 'a', Value: '2' },
      ]),
    ).toEqual({ a: '2', b: '1' });
    expect(normalizeTags({ 'eks:cluster-name': 'prod' })).toBeNull();
  });

  it('treats equivalent policies as equal', () => {
    const a = normalizePolicy(
      '{"Statement":{"Effect":"Allow","Action":"s3:Get*","Principal":{"AWS":"111111111111"},"Resource":"*"}}',
    );
    const b = normalizePolicy({
      Statement: [
        {
          Resource: ['*'],
          Principal: { AWS: ['arn:aws:iam::111111111111:root'] },
          Action: ['s3:Get*'],
          Effect: 'Allow',
        },
      ],
    });
    expect(canonicalKey(a)).toBe(canonicalKey(b));
  });
});
