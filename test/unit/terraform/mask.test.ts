import { describe, expect, it } from 'vitest';
import { redactedKey } from '../../../lib/snapshot/normalize/redact-credentials.js';
import { isSecretAttributeName, maskAttributes } from '../../../lib/terraform/mask.js';
import { SENSITIVE } from '../../../lib/terraform/state-instance.js';

describe('isSecretAttributeName', () => {
  it.each([
    'password',
    'master_password',
    'ses_smtp_password_v4',
    'secret',
    'client_secret',
    'secret_string',
    'secret_key',
    'token',
    'auth_token',
    'private_key',
    'private_key_pem',
    'user_data',
    'user_data_base64',
    'kubeconfig',
    'client_key',
    'access_key',
    'Password',
  ])('treats %s as secret', (name) => {
    expect(isSecretAttributeName(name)).toBe(true);
  });

  it.each([
    'id',
    'arn',
    'secret_arn',
    'secret_id',
    'kms_key_id',
    'password_reset_required',
    'password_length',
    'http_tokens',
    'creation_token',
    'public_key',
    'user_data_replace_on_change',
    'certificate_authority',
  ])('leaves %s alone', (name) => {
    expect(isSecretAttributeName(name)).toBe(false);
  });
});

describe('maskAttributes', () => {
  it('never masks the ids of a resource named like a credential, only its values', () => {
    const masked = maskAttributes({
      id: 'AKIAIOSFODNN7EXAMPLE',
      key_name: 'AKIAIOSFODNN7EXAMPLE',
      arn: 'arn:aws:ec2:eu-west-1:111111111111:key-pair/AKIAIOSFODNN7EXAMPLE',
      public_key: 'ghp_0123456789abcdefghijABCDEFGHIJ012345',
      tags: { Name: 'AKIAIOSFODNN7EXAMPLE' },
    });
    expect(masked).toMatchObject({
      id: 'AKIAIOSFODNN7EXAMPLE',
      key_name: 'AKIAIOSFODNN7EXAMPLE',
      public_key: SENSITIVE,
      tags: { Name: SENSITIVE },
    });
  });

  it('still masks an id that Terraform itself marks sensitive', () => {
    expect(maskAttributes({ id: 'x-1' }, [[{ type: 'get_attr', value: 'id' }]])).toEqual({
      id: SENSITIVE,
    });
  });

  it('masks a credential-shaped tag key as the exporter does', () => {
    const token = `ghp_${'a1B2'.repeat(9)}`;
    const masked = maskAttributes({ tags: { [token]: 'on', team: 'platform' } });
    expect(masked['tags']).toEqual({ [redactedKey(token)]: 'on', team: 'platform' });
  });

  it('does not change the object it was given', () => {
    const attributes = { password: 'p', nested: { list: [{ cert: 'c' }] } };
    const paths = [
      [
        { type: 'get_attr', value: 'nested' },
        { type: 'get_attr', value: 'list' },
        { type: 'index', value: { value: 0, type: 'number' } },
        { type: 'get_attr', value: 'cert' },
      ],
    ];
    expect(maskAttributes(attributes, paths)).toEqual({
      password: SENSITIVE,
      nested: { list: [{ cert: SENSITIVE }] },
    });
    expect(attributes).toEqual({ password: 'p', nested: { list: [{ cert: 'c' }] } });
  });

  it('ignores paths to attributes that are not there', () => {
    const paths = [
      [{ type: 'get_attr', value: 'absent' }],
      [
        { type: 'get_attr', value: 'list' },
        { type: 'index', value: { value: 5, type: 'number' } },
      ],
    ];
    expect(maskAttributes({ list: ['a'] }, paths)).toEqual({ list: ['a'] });
  });

  it('hides the value where a path step cannot be followed', () => {
    const paths = [
      [
        { type: 'get_attr', value: 'blob' },
        { type: 'get_attr', value: 'inner' },
      ],
      [
        { type: 'get_attr', value: 'odd' },
        { type: 'future_step', value: 1 },
      ],
      [
        { type: 'get_attr', value: 'bare' },
        { type: 'index', value: 0 },
      ],
    ];
    expect(maskAttributes({ blob: '{"inner":1}', odd: [1], bare: ['s', 't'] }, paths)).toEqual({
      blob: SENSITIVE,
      odd: SENSITIVE,
      bare: [SENSITIVE, 't'],
    });
  });
});
