import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';

/**
 * How long a token is used before a new one is made. STS accepts the presigned URL for 15 minutes
 * after X-Amz-Date whatever X-Amz-Expires says; aws-iam-authenticator itself reports 14.
 */
export const EKS_TOKEN_LIFETIME_MS = 14 * 60_000;

/** What an EKS bearer token is made from. */
export interface EksTokenOptions {
  /** The EKS cluster name, signed as the `x-k8s-aws-id` header. */
  readonly cluster: string;
  /** The region of the regional STS endpoint the URL points at (the cluster's). */
  readonly region: string;
  readonly credentials: AwsCredentialIdentity;
  /** Signing time; defaults to the current time. */
  readonly now?: Date;
}

const TOKEN_PREFIX = 'k8s-aws-v1.';
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
// aws-iam-authenticator sends 60 "for legacy reasons"; the server ignores it.
const PRESIGN_EXPIRES_SECONDS = 60;

/**
 * The aws-iam-authenticator bearer token: `k8s-aws-v1.` + unpadded base64url of a presigned STS
 * GetCallerIdentity URL whose signed headers are `host;x-k8s-aws-id`. Signing is local; EKS makes
 * the STS call, so the caller needs neither a route to STS nor sts:GetCallerIdentity.
 */
export async function eksBearerToken(options: EksTokenOptions): Promise<string> {
  const { cluster, region, credentials, now = new Date() } = options;
  const hostname = `sts.${region}.amazonaws.com`;
  const signer = new SignatureV4({ service: 'sts', region, sha256: Sha256, credentials });
  // presign hoists only x-amz-* headers into the query, so x-k8s-aws-id stays a signed header.
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: hostname, [CLUSTER_ID_HEADER]: cluster },
    },
    { expiresIn: PRESIGN_EXPIRES_SECONDS, signingDate: now },
  );
  const query = Object.entries(signed.query ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
    .join('&');
  const url = `https://${hostname}/?${query}`;
  return TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
}

/** Percent-encodes as SigV4 does (RFC 3986 unreserved characters only stay as they are). */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
