import type { CallCounts, CollectOptions, Logger, Shard } from '../../../../lib/model/index.js';
import {
  type AwsClientFactory,
  createAwsClientFactory,
} from '../../../../lib/sources/aws/client-factory.js';
import type { AwsCollectorContext } from '../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../sim/aws/server.js';

/** The sample world's account, region and key. */
export const SAMPLE = {
  accountId: '111111111111',
  region: 'eu-west-1',
  accessKeyId: 'AKIASIMSAMPLE0000001',
} as const;

/** A log line a collector wrote. */
export interface LoggedLine {
  readonly level: string;
  readonly message: string;
  readonly details: Record<string, unknown> | undefined;
}

/** Where a collector context reaches the sim, as whom, and what it collects. */
export interface SimCollectorContextOptions {
  /** The service whose endpoint is the sim (STS always is). */
  readonly service: 'ec2' | 'eks' | 's3';
  /** The key of the target, for warnings. */
  readonly target: string;
  /** @default SAMPLE.accountId */
  readonly accountId?: string | undefined;
  /** @default SAMPLE.accessKeyId */
  readonly accessKeyId?: string | undefined;
  /** @default SAMPLE.region */
  readonly region?: string | undefined;
  /** Overrides of the default options (user data skipped, volatile fields dropped). */
  readonly collect?: Partial<CollectOptions> | undefined;
  readonly hmacKey?: Uint8Array | undefined;
  readonly shard?: Shard | undefined;
  /** @default 3 */
  readonly maxAttempts?: number | undefined;
  /** Sees every line as it is logged, besides `log`. */
  readonly onLog?: ((line: LoggedLine) => void) | undefined;
}

/** A collector context on the sim, with its client factory, what it counted and what it logged. */
export interface SimCollectorContext {
  readonly context: AwsCollectorContext;
  readonly aws: AwsClientFactory;
  /** Calls counted per service. */
  readonly calls: CallCounts;
  readonly log: LoggedLine[];
}

/** Builds a collector context as the collect step builds it, on the sim; retries never sleep. */
export function simCollectorContext(
  sim: AwsSim,
  options: SimCollectorContextOptions,
): SimCollectorContext {
  const calls: CallCounts = {};
  const log: LoggedLine[] = [];
  const record =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void => {
      const line = { level, message, details };
      log.push(line);
      options.onLog?.(line);
    };
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const aws = createAwsClientFactory({
    endpoints: { [options.service]: sim.url, sts: sim.url },
    credentials: {
      accessKeyId: options.accessKeyId ?? SAMPLE.accessKeyId,
      secretAccessKey: 'sim-secret',
    },
    retry: { maxAttempts: options.maxAttempts ?? 3, backoffMs: () => 0 },
  });
  const context: AwsCollectorContext = {
    account: {},
    accountId: options.accountId ?? SAMPLE.accountId,
    region: options.region ?? SAMPLE.region,
    aws,
    logger,
    target: options.target,
    options: { userData: 'skip', keepVolatile: false, ...options.collect },
    shard: options.shard,
    hmacKey: options.hmacKey,
    countCall: (service) => {
      calls[service] = (calls[service] ?? 0) + 1;
    },
  };
  return { context, aws, calls, log };
}
