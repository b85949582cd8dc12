import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AdaptiveRetryStrategy } from '@smithy/util-retry';

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
}

/** The account a client acts in: `caller` for the default credentials. */
export type AccountKey = 'caller';

/** Hands out one SDK client per (account, region, service), built lazily and reused. */
export interface AwsClientFactory {
  /** The EC2 client for an account and region. */
  ec2(account: AccountKey, region: string): EC2Client;
  /** The STS client for an account and region. */
  sts(account: AccountKey, region: string): STSClient;
}

const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** A rate limiter that never waits: with a zero backoff, tests retry without sleeping. */
const noWaitRateLimiter = {
  getSendToken: async () => {},
  updateClientSendingRate: () => {},
};

/**
 * Builds the factory. Each (account, region, service) gets its own client with adaptive retry:
 * AWS throttles per account and region, and adaptive mode assumes clients pooled at that scope.
 */
export function createAwsClientFactory(options: AwsClientFactoryOptions): AwsClientFactory {
  const clients = new Map<string, EC2Client | STSClient>();
  const maxAttempts = options.retry?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.retry?.backoffMs;

  function baseConfig(service: string, region: string) {
    const endpoint = options.endpoints?.[service];
    const retryStrategy = backoffMs
      ? new AdaptiveRetryStrategy(maxAttempts, {
          backoff: { computeNextBackoffDelay: backoffMs, setDelayBase: () => {} },
          rateLimiter: noWaitRateLimiter,
        })
      : new AdaptiveRetryStrategy(maxAttempts);
    return {
      region,
      retryStrategy,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: 5_000,
        requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      }),
      ...(endpoint ? { endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    };
  }

  function get<T extends EC2Client | STSClient>(key: string, build: () => T): T {
    const existing = clients.get(key);
    if (existing) return existing as T;
    const client = build();
    clients.set(key, client);
    return client;
  }

  return {
    ec2: (account, region) =>
      get(`${account}/${region}/ec2`, () => new EC2Client(baseConfig('ec2', region))),
    sts: (account, region) =>
      get(`${account}/${region}/sts`, () => new STSClient(baseConfig('sts', region))),
  };
}
