import { describe, expect, it } from 'vitest';
import {
  looksLikeCredential,
  REDACTED,
  redactCredentials,
  redactedKey,
  safeKey,
} from '../../../../lib/snapshot/normalize/redact-credentials.js';
import { deepFreeze, resourceOf } from './fixtures.js';

// Canary values built at run time, so no scanner mistakes this file for a leak.
const GITHUB = `ghp_${'a1B2'.repeat(9)}`;
const FINE_GRAINED = `github_pat_${'x'.repeat(22)}_${'Y'.repeat(59)}`;
const ACCESS_KEY = `AKIA${'Q'.repeat(16)}`;
const SECRET_LINE = `aws_secret_access_key = ${'s3Cr'.repeat(10)}`;
const PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\nMIIE${'A'.repeat(60)}\n-----END RSA PRIVATE KEY-----\n`;
const SLACK = `xoxb-${'1'.repeat(12)}-${'b'.repeat(24)}`;
const WEBHOOK = `https://hooks.slack.com/services/T000/B000/${'z'.repeat(24)}`;

// One canary per published format, and a near miss that must stay in clear.
const B62 = 'a1B2c3D4e5'.repeat(8);
const AWS_SECRET_SLASH = `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'9'.repeat(8)}+/`;
const FORMATS: readonly (readonly [format: string, credential: string, nearMiss: string])[] = [
  ['GitHub classic ghp_', GITHUB, `ghp_${'a'.repeat(20)}`],
  ['GitHub gho_', `gho_${B62.slice(0, 36)}`, `gho_${B62.slice(0, 35)}`],
  ['GitHub ghu_', `ghu_${B62.slice(0, 36)}`, 'ghu_settings'],
  ['GitHub ghs_', `ghs_${B62.slice(0, 36)}`, `xghs_${B62.slice(0, 36)}`],
  ['GitHub ghr_', `ghr_${B62.slice(0, 40)}`, 'ghr_'],
  ['a GitHub token after an underscore', `MY_ghp_${B62.slice(0, 36)}`, 'MY_ghp_x'],
  ['GitHub fine-grained', FINE_GRAINED, `github_pat_${'x'.repeat(10)}`],
  ['AWS AKIA', ACCESS_KEY, `AKIA${'Q'.repeat(15)}`],
  ['AWS ASIA', `ASIA${'Z7'.repeat(8)}`, `ASIA${'Z7'.repeat(9)}`],
  ['AWS ABIA', `ABIA${'Z7'.repeat(8)}`, `ABIB${'Z7'.repeat(8)}`],
  ['AWS ACCA', `ACCA${'Z7'.repeat(8)}`, `acca${'z7'.repeat(8)}`],
  ['an access key glued to word characters', `key${ACCESS_KEY}_x`, `key${ACCESS_KEY}Q`],
  ['an AWS secret key assignment', SECRET_LINE, 'aws_secret_access_key = short'],
  [
    'an AWS secret key ending in / and +',
    `aws_secret_access_key=${AWS_SECRET_SLASH}`,
    `aws_region=${'a'.repeat(40)}`,
  ],
  [
    'a SecretAccessKey field',
    `"SecretAccessKey": "${AWS_SECRET_SLASH}"`,
    '"SecretAccessKeyLength": 40',
  ],
  ['a bare AWS secret key', AWS_SECRET_SLASH, 'ce013625030ba8dba906f756967f9e9ca394464a'],
  [
    'a bare secret key, not base64 of text',
    `${B62.slice(0, 38)}+/`,
    Buffer.from('thirty bytes of printable text').toString('base64'),
  ],
  ['an RSA private key', PRIVATE_KEY, '-----BEGIN PUBLIC KEY-----'],
  ['an EC private key', '-----BEGIN EC PRIVATE KEY-----', '-----BEGIN CERTIFICATE-----'],
  [
    'an OpenSSH private key',
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@host',
  ],
  ['a PKCS#8 private key', '-----BEGIN PRIVATE KEY-----', 'BEGIN PRIVATE KEY'],
  [
    'a PGP private key',
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    '-----BEGIN PGP PUBLIC KEY BLOCK-----',
  ],
  ['GitLab glpat-', `glpat-${'x_Y-'.repeat(5)}`, 'glpat-short'],
  ['Slack xoxb-', SLACK, 'xoxb-1'],
  ['Slack xoxp-', `xoxp-${'2'.repeat(12)}-${'c'.repeat(24)}`, 'xoxp'],
  ['Slack xoxa-', `xoxa-2-${'d'.repeat(20)}`, 'xoxz-2-dddddddddddddddddddd'],
  ['Slack xoxs-', `xoxs-${'e'.repeat(20)}`, 'xoxs-e'],
  ['Slack xapp-', `xapp-1-A0${'F'.repeat(12)}`, 'xapp-store'],
  ['a Slack webhook', WEBHOOK, 'https://hooks.slack.com/'],
  ['Stripe sk_live_', `sk_live_${B62.slice(0, 24)}`, 'sk_live_'],
  ['Stripe rk_live_', `rk_live_${B62.slice(0, 24)}`, `task_live_${B62.slice(0, 24)}`],
  ['Stripe pk_live_', `pk_live_${B62.slice(0, 24)}`, 'pk_live_demo'],
  ['Stripe sk_test_', `sk_test_${B62.slice(0, 24)}`, 'sk_test_x'],
  ['npm npm_', `npm_${B62.slice(0, 36)}`, 'npm_config_registry'],
  ['PyPI pypi-', `pypi-AgEIcHlwaS5vcmc${'Q1x_'.repeat(15)}`, 'pypi-package-name'],
  ['a JWT', `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.${'s1G'.repeat(10)}`, 'eyJhbGciOiJIUzI1NiJ9'],
  [
    'a connection string password',
    'Server=db;User Id=app;Password=hunter2;',
    'Server=db;Integrated Security=true',
  ],
  ['an ODBC pwd', 'DRIVER={x};UID=app;pwd=hunter2', 'password_min_length=8'],
  ['a properties password', 'spring.datasource.password=hunter2', `password=\${DB_PASSWORD}`],
  [
    'a URL with user:pass@',
    'postgres://app:hunter2@db:5432/app',
    'https://app@db.example.com:8443/x@y',
  ],
  ['a token inside other text', `export TOKEN=${GITHUB} # ci`, 'export TOKEN=$GITHUB_TOKEN # ci'],
];

describe('Function: looksLikeCredential', () => {
  it.each(FORMATS)('recognizes %s', (_format, credential) => {
    expect(looksLikeCredential(credential)).toBe(true);
  });

  it.each(FORMATS)('leaves the near miss of %s alone', (_format, _credential, nearMiss) => {
    expect(looksLikeCredential(nearMiss)).toBe(false);
  });

  it.each([
    ['an instance id', 'i-0a1b2c3d4e5f60101'],
    ['a security group id', 'sg-0a1b2c3d4e5f60e00'],
    ['a git sha', 'ce013625030ba8dba906f756967f9e9ca394464a'],
    ['a sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['an ARN', 'arn:aws:iam::111111111111:role/Admin'],
    ['a secret ARN', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf'],
    ['a CIDR', '10.0.0.0/16'],
    ['base64 of short text', Buffer.from('hello world').toString('base64')],
    [
      'an EKS OIDC issuer',
      'https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
    ],
    ['a description', 'allow https from the load balancer'],
  ])('leaves %s alone', (_name, value) => {
    expect(looksLikeCredential(value)).toBe(false);
  });
});

describe('Function: redactedKey', () => {
  it('gives two credential-shaped keys two stable markers', () => {
    const other = `ghp_${B62.slice(0, 36)}`;
    expect(redactedKey(GITHUB)).toMatch(/^\(redacted:[0-9a-f]{16}\)$/);
    expect(redactedKey(GITHUB)).toBe(redactedKey(GITHUB));
    expect(redactedKey(GITHUB)).not.toBe(redactedKey(other));
    expect(redactedKey(GITHUB)).not.toContain(GITHUB);
    expect(safeKey('team')).toBe('team');
    expect(looksLikeCredential(redactedKey(GITHUB))).toBe(false);
  });
});

describe('Function: redactCredentials', () => {
  it('replaces credential-shaped values in configuration, tags and name, keeping keys', () => {
    const resource = deepFreeze({
      ...resourceOf('AWS::EC2::Instance', {
        Tags: [{ Key: 'deploy-token', Value: GITHUB }],
        Nested: { list: ['ok', PRIVATE_KEY] },
        Fine: 'value',
      }),
      resourceName: SLACK,
      tags: { 'deploy-token': GITHUB, team: 'platform' },
    });
    const redacted = redactCredentials(resource);
    expect(redacted.configuration).toEqual({
      Tags: [{ Key: 'deploy-token', Value: REDACTED }],
      Nested: { list: ['ok', REDACTED] },
      Fine: 'value',
    });
    expect(redacted.tags).toEqual({ 'deploy-token': REDACTED, team: 'platform' });
    expect(redacted.resourceName).toBe(REDACTED);
    expect(JSON.stringify(redacted)).not.toContain(GITHUB);
  });

  it('masks credential-shaped map keys, keeping them apart', () => {
    const second = `ghp_${B62.slice(0, 36)}`;
    const resource = deepFreeze({
      ...resourceOf('AWS::EC2::Instance', { Labels: { [GITHUB]: 'a', [second]: 'b', app: 'c' } }),
      tags: { [ACCESS_KEY]: 'x', team: 'platform' },
    });
    const redacted = redactCredentials(resource);
    expect(redacted.configuration).toEqual({
      Labels: { [redactedKey(GITHUB)]: 'a', [redactedKey(second)]: 'b', app: 'c' },
    });
    expect(redacted.tags).toEqual({ [redactedKey(ACCESS_KEY)]: 'x', team: 'platform' });
    expect(JSON.stringify(redacted)).not.toContain(GITHUB);
    expect(JSON.stringify(redacted)).not.toContain(ACCESS_KEY);
  });

  it('returns the same record when nothing needs redacting', () => {
    const resource = deepFreeze(
      resourceOf('AWS::EC2::VPC', { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }),
    );
    expect(redactCredentials(resource)).toBe(resource);
  });
});
