import { describe, expect, it } from 'vitest';
import { canonicalizeBucketPolicy } from '../../../../lib/snapshot/normalize/s3-bucket-policy.js';
import { deepFreeze } from './fixtures.js';
import { bucketWith } from './s3-fixtures.js';

describe('Function: canonicalizeBucketPolicy', () => {
  it.each([
    [
      'parses a policy S3 sent as JSON text',
      {
        Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}',
      },
      {
        Policy: { Statement: [{ Action: 's3:GetObject', Effect: 'Allow' }], Version: '2012-10-17' },
      },
    ],
    [
      'sorts keys at every level, statements keep their order',
      {
        Policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'b', Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
            { Sid: 'a', Effect: 'Allow' },
          ],
        },
      },
      {
        Policy: {
          Statement: [
            { Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Effect: 'Deny', Sid: 'b' },
            { Effect: 'Allow', Sid: 'a' },
          ],
          Version: '2012-10-17',
        },
      },
    ],
    [
      'keeps a lone Action string and a one-element Resource list as AWS returned them',
      { Policy: { Statement: [{ Action: 's3:*', Resource: ['arn:aws:s3:::b'] }] } },
      { Policy: { Statement: [{ Action: 's3:*', Resource: ['arn:aws:s3:::b'] }] } },
    ],
    ['leaves text that is not JSON as it is', { Policy: '{"Version":' }, { Policy: '{"Version":' }],
  ])('%s', (_name, policy, expected) => {
    const output = canonicalizeBucketPolicy(deepFreeze(bucketWith({ BucketPolicy: policy })));
    expect(output.supplementaryConfiguration?.['BucketPolicy']).toStrictEqual(expected);
  });

  it.each([
    ['a policy that is not set (null)', { BucketPolicy: null }],
    ['a policy that could not be read (absent)', { BucketVersioning: {} }],
  ])('leaves %s alone', (_name, supplementary) => {
    const input = deepFreeze(bucketWith(supplementary));
    expect(canonicalizeBucketPolicy(input)).toBe(input);
  });

  it('keeps a `__proto__` key in a policy as data', () => {
    const output = canonicalizeBucketPolicy(
      bucketWith({ BucketPolicy: { Policy: '{"__proto__":{"x":1},"Version":"1"}' } }),
    );
    const read = output.supplementaryConfiguration?.['BucketPolicy'] as { Policy: object };
    const policy = read.Policy;
    expect(Object.keys(policy)).toStrictEqual(['Version', '__proto__']);
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
  });
});
