import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EKS_TOKEN_LIFETIME_MS, eksBearerToken } from '../../../../lib/sources/k8s/eks-token.js';

const NOW = new Date('2026-11-22T10:00:00Z');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const REGION = 'eu-west-1';
const PREFIX = 'k8s-aws-v1.';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function decode(token: string): URL {
  expect(token.startsWith(PREFIX)).toBe(true);
  return new URL(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SigV4 query-string signing written from the AWS spec, independent of @smithy/signature-v4. */
function expectedSignature(url: URL, cluster: string, secret: string): string {
  const pairs = [...url.searchParams]
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalRequest = [
    'GET',
    '/',
    pairs.map(([key, value]) => `${key}=${value}`).join('&'),
    `host:${url.host}\nx-k8s-aws-id:${cluster}\n`,
    'host;x-k8s-aws-id',
    EMPTY_SHA256,
  ].join('\n');
  const amzDate = url.searchParams.get('X-Amz-Date') ?? '';
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${REGION}/sts/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest, 'utf8').digest('hex'),
  ].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), REGION), 'sts'), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

describe('eksBearerToken', () => {
  it('presigns STS GetCallerIdentity for the region with the cluster header signed', async () => {
    const token = await eksBearerToken({
      cluster: 'prod',
      region: REGION,
      credentials: CREDENTIALS,
      now: NOW,
    });
    const url = decode(token);
    const query = url.searchParams;
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe('sts.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/');
    expect(query.get('Action')).toBe('GetCallerIdentity');
    expect(query.get('Version')).toBe('2011-06-15');
    expect(query.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(query.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20261122/eu-west-1/sts/aws4_request');
    expect(query.get('X-Amz-Date')).toBe('20261122T100000Z');
    expect(query.get('X-Amz-Expires')).toBe('60');
    expect(query.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(query.has('X-Amz-Security-Token')).toBe(false);
    expect(query.has('x-k8s-aws-id')).toBe(false);
    expect(query.get('X-Amz-Signature')).toBe(
      expectedSignature(url, 'prod', CREDENTIALS.secretAccessKey),
    );
  });

  it('encodes the URL as unpadded base64url behind the k8s-aws-v1 prefix', async () => {
    for (const cluster of ['a', 'ab', 'abc', 'prod-eu']) {
      const token = await eksBearerToken({
        cluster,
        region: REGION,
        credentials: CREDENTIALS,
        now: NOW,
      });
      expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/);
    }
  });

  it('passes only the query parameters aws-iam-authenticator accepts', async () => {
    const token = await eksBearerToken({
      cluster: 'prod',
      region: REGION,
      credentials: { ...CREDENTIALS, sessionToken: 'session' },
      now: NOW,
    });
    const allowed = new Set([
      'action',
      'version',
      'x-amz-algorithm',
      'x-amz-credential',
      'x-amz-date',
      'x-amz-expires',
      'x-amz-security-token',
      'x-amz-signature',
      'x-amz-signedheaders',
    ]);
    for (const key of decode(token).searchParams.keys())
      expect(allowed).toContain(key.toLowerCase());
  });

  it('carries a session token as X-Amz-Security-Token, inside the signature', async () => {
    const sessionToken = 'FwoGZXIvYXdzE/+token==';
    const token = await eksBearerToken({
      cluster: 'prod',
      region: REGION,
      credentials: { ...CREDENTIALS, sessionToken },
      now: NOW,
    });
    const url = decode(token);
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(sessionToken);
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      expectedSignature(url, 'prod', CREDENTIALS.secretAccessKey),
    );
  });

  it('signs a different cluster name to a different signature', async () => {
    const sign = async (cluster: string) =>
      decode(await eksBearerToken({ cluster, region: REGION, credentials: CREDENTIALS, now: NOW }));
    const prod = await sign('prod');
    const staging = await sign('staging');
    expect(staging.searchParams.get('X-Amz-Signature')).not.toBe(
      prod.searchParams.get('X-Amz-Signature'),
    );
    expect(staging.searchParams.get('X-Amz-Signature')).toBe(
      expectedSignature(staging, 'staging', CREDENTIALS.secretAccessKey),
    );
  });

  it('is the same token for the same inputs and clock', async () => {
    const options = { cluster: 'prod', region: REGION, credentials: CREDENTIALS, now: NOW };
    expect(await eksBearerToken(options)).toBe(await eksBearerToken(options));
  });

  it('is renewed a minute before STS stops accepting it', () => {
    expect(EKS_TOKEN_LIFETIME_MS).toBe(14 * 60_000);
  });
});
