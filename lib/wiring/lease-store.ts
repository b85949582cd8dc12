import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity } from '@smithy/types';
import { AdaptiveRetryStrategy } from '@smithy/util-retry';
import { DynamoDbLeaseStore } from '../pipeline/dynamodb-lease-store.js';
import type { LeaseStore } from '../pipeline/lease.js';
import type { RetryOptions } from '../sources/aws/client-factory.js';

/** What {@link createLeaseStore} builds from. */
export interface LeaseStoreOptions {
  /** The lease table's name (`LEASE_TABLE`). */
  readonly table: string;
  /** Service -> endpoint URL; `dynamodb` points the client at the simulated world. */
  readonly endpoints?: Readonly<Record<string, string>>;
  /** Tests: static credentials. @default the SDK's default provider chain */
  readonly credentials?: AwsCredentialIdentity;
  /** @default 8 attempts with the SDK's adaptive backoff */
  readonly retry?: RetryOptions;
  /** Socket timeout per request in ms: a lease call is one small item. @default 5000 */
  readonly requestTimeoutMs?: number;
  /** @default the function's own region (`AWS_REGION`) */
  readonly region?: string;
}

const DEFAULT_MAX_ATTEMPTS = 8;

/** A rate limiter that never waits: with a zero backoff, tests retry without sleeping. */
const noWaitRateLimiter = {
  getSendToken: async () => {},
  updateClientSendingRate: () => {},
};

/**
 * The DynamoDB lease store of a deployed scan, with its own client (the table is in the scanner's
 * account and region, not a scanned one): throttling and 5xx are retried with adaptive backoff.
 */
export function createLeaseStore(options: LeaseStoreOptions): LeaseStore {
  const maxAttempts = options.retry?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.retry?.backoffMs;
  const endpoint = options.endpoints?.['dynamodb'];
  const client = new DynamoDBClient({
    ...(options.region ? { region: options.region } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    retryStrategy: backoffMs
      ? new AdaptiveRetryStrategy(maxAttempts, {
          backoff: { computeNextBackoffDelay: backoffMs, setDelayBase: () => {} },
          rateLimiter: noWaitRateLimiter,
        })
      : new AdaptiveRetryStrategy(maxAttempts),
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: options.requestTimeoutMs ?? 5_000,
      throwOnRequestTimeout: true,
    }),
  });
  return new DynamoDbLeaseStore({ client, table: options.table });
}
