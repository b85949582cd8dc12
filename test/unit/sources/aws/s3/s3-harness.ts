import type { CallCounts, Resource, Shard } from '../../../../../lib/model/index.js';
import type { AwsClientFactory } from '../../../../../lib/sources/aws/client-factory.js';
import { createBucketCollector } from '../../../../../lib/sources/aws/s3/buckets.js';
import type { AwsCollectorContext, CollectorOutput } from '../../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { type LoggedLine, simCollectorContext } from '../sim-collector-context.js';

export { SAMPLE } from '../sim-collector-context.js';

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
  const { readsPerRegion, listPageSize, ...rest } = options;
  const harness = simCollectorContext(sim, {
    ...rest,
    service: 's3',
    region: 'global',
    target: 'aws-caller-global-s3',
  });
  const collector = createBucketCollector({
    ...(readsPerRegion === undefined ? {} : { readsPerRegion }),
    ...(listPageSize === undefined ? {} : { listPageSize }),
  });
  return { ...harness, collect: () => collector.collect(harness.context) };
}

/** The record of the bucket `name`; throws when the collector left it out. */
export function byName(resources: readonly Resource[], name: string): Resource {
  const found = resources.find((r) => r.resourceId === name);
  if (!found) throw new Error(`No record for bucket ${name}`);
  return found;
}
