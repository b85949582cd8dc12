import { describe, expect, it } from 'vitest';
import {
  looksLikeCredential,
  REDACTED,
  redactCredentials,
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

describe('Function: looksLikeCredential', () => {
  it.each([
    ['a GitHub token', GITHUB],
    ['a fine-grained GitHub token', FINE_GRAINED],
    ['an AWS access key id', ACCESS_KEY],
    ['an AWS secret key assignment', SECRET_LINE],
    ['a private key block', PRIVATE_KEY],
    ['a Slack token', SLACK],
    ['a Slack webhook', WEBHOOK],
    ['a token inside other text', `export TOKEN=${GITHUB} # ci`],
  ])('recognizes %s', (_name, value) => {
    expect(looksLikeCredential(value)).toBe(true);
  });

  it.each([
    ['an instance id', 'i-0a1b2c3d4e5f60101'],
    ['a security group id', 'sg-0a1b2c3d4e5f60e00'],
    ['a git sha', 'ce013625030ba8dba906f756967f9e9ca394464a'],
    ['an ARN', 'arn:aws:iam::111111111111:role/Admin'],
    ['a CIDR', '10.0.0.0/16'],
    ['a description', 'allow https from the load balancer'],
  ])('leaves %s alone', (_name, value) => {
    expect(looksLikeCredential(value)).toBe(false);
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

  it('returns the same record when nothing needs redacting', () => {
    const resource = deepFreeze(
      resourceOf('AWS::EC2::VPC', { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }),
    );
    expect(redactCredentials(resource)).toBe(resource);
  });
});
