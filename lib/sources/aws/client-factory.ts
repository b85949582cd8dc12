import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AdaptiveRetryStrategy, StandardRetryStrategy } from '@smithy/util-retry';
import type { AccountRef } from '../../model/index.js';
import { checkAnswers } from './answer-check.js';

/** How the SDK clients retry. */
export interface RetryOptions {
  /** Attempts per call, the first included. @default 8 */
  readonly maxAttempts?: number;
  /** Delay before retry `attempt` (1-based) in ms; tests pass `() => 0`. @default SDK adaptive backoff */
  readonly backoffMs?: (attempt: number) => number;
}

/** Options for the client factory, built once per process (cold start or CLI run). */
export interface AwsClientFactoryOptions {
  /** Service name -> endpoint URL, as `--endpoint ec2=http://127.0.0.1:4566`. */
  readonly endpoints?: Readonly<Record<string, string>>;
  readonly retry?: RetryOptions;
  /** Socket timeout per request in ms. @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Credentials for the caller's account. @default the SDK's default provider chain */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Session name on assumed roles, shown in the member accounts' CloudTrail. @default 'statetrail' */
  readonly roleSessionName?: string;
}

/** Hands out one SDK client per (account, region, service), built lazily and reused. */
export interface AwsClientFactory {
  ec2(account: AccountRef, region: string): EC2Client;
  sts(account: AccountRef, region: string): STSClient;
  s3(account: AccountRef, region: string): S3Client;
  eks(account: AccountRef, region: string): EKSClient;
  organizations(account: AccountRef, region: string): OrganizationsClient;
  /**
   * CloudTrail, without retries of its own: attribution retries throttled lookups through its
   * pacer, so that every attempt counts against the 2 per second of the account and region.
   */
  cloudtrail(account: AccountRef, region: string): CloudTrailClient;
}

type AnyClient =
  | EC2Client
  | STSClient
  | S3Client
  | EKSClient
  | OrganizationsClient
  | CloudTrailClient;

const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// Role chaining caps sessions at one hour; the provider refreshes before expiry.
const ROLE_SESSION_SECONDS = 3600;

/** A rate limiter that never waits: with a zero backoff, tests retry without sleeping. */
const noWaitRateLimiter = {
  getSendToken: async () => {},
  updateClientSendingRate: () => {},
};

/** The cache key of an account: `caller`, or the role it is reached through. */
export function accountKey(account: AccountRef): string {
  return account.roleArn ?? 'caller';
}

/**
 * Builds the factory. Each (account, region, service) gets its own client with adaptive retry:
 * AWS throttles per account and region, and adaptive mode assumes clients pooled at that scope.
 * Accounts reached through a role share one refreshing credential provider per role.
 */
export function createAwsClientFactory(options: AwsClientFactoryOptions): AwsClientFactory {
  const clients = new Map<string, AnyClient>();
  const roleCredentials = new Map<string, AwsCredentialIdentityProvider>();
  const maxAttempts = options.retry?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.retry?.backoffMs;

  function retryStrategy() {
    return backoffMs
      ? new AdaptiveRetryStrategy(maxAttempts, {
          backoff: { computeNextBackoffDelay: backoffMs, setDelayBase: () => {} },
          rateLimiter: noWaitRateLimiter,
        })
      : new AdaptiveRetryStrategy(maxAttempts);
  }

  function requestHandler() {
    return new NodeHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      // Without it the handler only logs a warning and waits on a server that never answers.
      throwOnRequestTimeout: true,
    });
  }

  function credentialsFor(account: AccountRef, region: string) {
    if (!account.roleArn) return options.credentials;
    const existing = roleCredentials.get(accountKey(account));
    if (existing) return existing;
    const stsEndpoint = options.endpoints?.['sts'];
    const provider = fromTemporaryCredentials({
      params: {
        RoleArn: account.roleArn,
        RoleSessionName: options.roleSessionName ?? 'statetrail',
        DurationSeconds: ROLE_SESSION_SECONDS,
        ...(account.externalId ? { ExternalId: account.externalId } : {}),
      },
      ...(options.credentials ? { masterCredentials: options.credentials } : {}),
      clientConfig: {
        region,
        retryStrategy: retryStrategy(),
        requestHandler: requestHandler(),
        ...(stsEndpoint ? { endpoint: stsEndpoint } : {}),
      },
    });
    roleCredentials.set(accountKey(account), provider);
    return provider;
  }

  function config(service: string, account: AccountRef, region: string) {
    const endpoint = options.endpoints?.[service];
    const credentials = credentialsFor(account, region);
    return {
      region,
      retryStrategy: retryStrategy(),
      requestHandler: requestHandler(),
      ...(endpoint ? { endpoint } : {}),
      ...(credentials ? { credentials } : {}),
    };
  }

  function get<T extends AnyClient>(
    service: string,
    account: AccountRef,
    region: string,
    build: (c: ReturnType<typeof config>) => T,
  ): T {
    const key = `${accountKey(account)}|${region}|${service}`;
    const existing = clients.get(key);
    if (existing) return existing as T;
    const client = build(config(service, account, region));
    clients.set(key, client);
    return client;
  }

  return {
    // The collectors' clients refuse broken 2xx answers (answer-shapes.ts) rather than read
    // them as empty listings.
    ec2: (account, region) => get('ec2', account, region, (c) => checkAnswers(new EC2Client(c))),
    sts: (account, region) => get('sts', account, region, (c) => new STSClient(c)),
    // A custom S3 endpoint (the sim, LocalStack) serves buckets by path, not by virtual host.
    s3: (account, region) =>
      get('s3', account, region, (c) =>
        checkAnswers(new S3Client({ ...c, forcePathStyle: 'endpoint' in c })),
      ),
    eks: (account, region) => get('eks', account, region, (c) => checkAnswers(new EKSClient(c))),
    organizations: (account, region) =>
      get('organizations', account, region, (c) => new OrganizationsClient(c)),
    cloudtrail: (account, region) =>
      get(
        'cloudtrail',
        account,
        region,
        (c) => new CloudTrailClient({ ...c, retryStrategy: new StandardRetryStrategy(1) }),
      ),
  };
}
