import type { CallCounts, Logger, Shard } from '../../../../../lib/model/index.js';
import {
  type AwsClientFactory,
  createAwsClientFactory,
} from '../../../../../lib/sources/aws/client-factory.js';
import { createBucketCollector } from '../../../../../lib/sources/aws/s3/buckets.js';
import type { AwsCollectorContext, CollectorOutput } from '../../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../../sim/aws/server.js';

/** The sample world's account and key. */
export const SAMPLE = { accountId: '111111111111', accessKeyId: 'AKIASIMSAMPLE0000001' } as const;

/** A log line the collector wrote. */
export interface LoggedLine {
  readonly level: string;
  readonly message: string;
  readonly details: Record<string, unknown> | undefined;
}

/** One bucket collector run's context, call counts and log. */
export interface S3Harness {
  readonly context: AwsCollectorContext;
  readonly aws: AwsClientFactory;
  readonly calls: CallCounts;
  readonly log: LoggedLine[];
  collect(): Promise<CollectorOutput>;
}

/** Options for a harness; the defaults scan the sample account unsharded. */
export interface S3HarnessOptions {
  shard?: Shard;
  accountId?: string;
  accessKeyId?: string;
  /** @default 3 */
  maxAttempts?: number;
  readsPerRegion?: number;
  listPageSize?: number;
}

/** A bucket collector context on the sim, built as the collect step builds it (region `global`). */
export function s3Harness(sim: AwsSim, options: S3HarnessOptions = {}): S3Harness {
  const calls: CallCounts = {};
  const log: LoggedLine[] = [];
  const record =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void => {
      log.push({ level, message, details });
    };
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const aws = createAwsClientFactory({
    endpoints: { s3: sim.url, sts: sim.url },
    credentials: {
      accessKeyId: options.accessKeyId ?? SAMPLE.accessKeyId,
      secretAccessKey: 'sim-secret',
    },
    retry: { maxAttempts: options.maxAttempts ?? 3, backoffMs: () => 0 },
  });
  const context: AwsCollectorContext = {
    account: {},
    accountId: options.accountId ?? SAMPLE.accountId,
    region: 'global',
    aws,
    logger,
    target: 'aws-caller-global-s3',
    options: { userData: 'skip', keepVolatile: false },
    shard: options.shard,
    countCall: (service) => {
      calls[service] = (calls[service] ?? 0) + 1;
    },
  };
  const collector = createBucketCollector({
    ...(options.readsPerRegion === undefined ? {} : { readsPerRegion: options.readsPerRegion }),
    ...(options.listPageSize === undefined ? {} : { listPageSize: options.listPageSize }),
  });
  return { context, aws, calls, log, collect: () => collector.collect(context) };
}
