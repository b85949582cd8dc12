import type { CollectOptions, Logger } from '../../../../../lib/model/index.js';
import { createAwsClientFactory } from '../../../../../lib/sources/aws/client-factory.js';
import type { AwsCollectorContext } from '../../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../../sim/aws/server.js';

/** The sample world's account, region and key. */
export const SAMPLE = {
  accountId: '111111111111',
  region: 'eu-west-1',
  accessKeyId: 'AKIASIMSAMPLE0000001',
} as const;

/** A collector context on the sim, with what it logged and counted. */
export interface TestContext {
  readonly context: AwsCollectorContext;
  /** Calls counted per service. */
  readonly calls: Record<string, number>;
  /** Everything logged, as `message JSON(details)` lines. */
  readonly logs: string[];
}

/** Builds a collector context that reaches the sim through the real SDK, retrying without sleeping. */
export function simContext(
  sim: AwsSim,
  options: {
    accountId?: string;
    accessKeyId?: string;
    region?: string;
    collect?: Partial<CollectOptions>;
    hmacKey?: Uint8Array;
  } = {},
): TestContext {
  const calls: Record<string, number> = {};
  const logs: string[] = [];
  const log = (message: string, details?: Record<string, unknown>) => {
    logs.push(`${message} ${JSON.stringify(details ?? {})}`);
  };
  const logger: Logger = { debug: log, info: log, warn: log, error: log };
  const aws = createAwsClientFactory({
    endpoints: { ec2: sim.url, sts: sim.url },
    credentials: {
      accessKeyId: options.accessKeyId ?? SAMPLE.accessKeyId,
      secretAccessKey: 'sim-secret',
    },
    retry: { maxAttempts: 3, backoffMs: () => 0 },
  });
  const context: AwsCollectorContext = {
    account: {},
    accountId: options.accountId ?? SAMPLE.accountId,
    region: options.region ?? SAMPLE.region,
    aws,
    logger,
    target: 'aws-caller-eu-west-1-ec2',
    options: { userData: 'skip', keepVolatile: false, ...options.collect },
    hmacKey: options.hmacKey,
    countCall: (service) => {
      calls[service] = (calls[service] ?? 0) + 1;
    },
  };
  return { context, calls, logs };
}
