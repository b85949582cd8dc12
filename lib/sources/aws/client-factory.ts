import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';

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
}

/** Hands out one SDK client per (account, region, service), built lazily and reused. */
export interface AwsClientFactory {
  /** The EC2 client for an account (`caller` for the default credentials) and region. */
  ec2(account: string, region: string): EC2Client;
  /** The STS client for an account and region. */
  sts(account: string, region: string): STSClient;
}

/** Builds the factory. */
export function createAwsClientFactory(_options: AwsClientFactoryOptions): AwsClientFactory {
  throw new Error('not implemented yet');
}
