import { type Bucket, paginateListBuckets } from '@aws-sdk/client-s3';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Resource, ScanWarning } from '../../../model/index.js';
import { normalizeResource } from '../../../snapshot/normalize/chain.js';
import type { AwsCollector, AwsCollectorContext, CollectorOutput } from '../../collector.js';
import { partitionOf } from '../arn.js';
import { classifyAwsError } from '../errors.js';
import { tagRecord } from '../tags.js';
import { inShard } from './bucket-shard.js';
import { bucketReadWarnings } from './bucket-warnings.js';
import { type BucketReadFailure, readBucket } from './read-bucket.js';

const RESOURCE_TYPE = 'AWS::S3::Bucket';
// ListBuckets' largest page: one call lists a default-quota account.
const LIST_PAGE_SIZE = 10_000;
// S3 publishes no control-plane rate; it answers 503 SlowDown when pushed. Modest per region.
const DEFAULT_READS_PER_REGION = 10;

/** Tuning for the bucket collector. */
export interface BucketCollectorOptions {
  /** Buckets read at once per bucket region (each bucket's reads run one after the other). @default 10 */
  readonly readsPerRegion?: number;
  /** ListBuckets page size (MaxBuckets, 1-10000); smaller only for tests. @default 10000 */
  readonly listPageSize?: number;
}

/** A listed bucket whose name and region are known. */
interface ListedBucket extends Bucket {
  readonly Name: string;
  readonly BucketRegion: string;
}

/**
 * Builds the `AWS::S3::Bucket` collector: one target per account (region `global`). It lists
 * every bucket with ListBuckets pages of 10,000, keeps those of its shard, and reads each in the
 * bucket's own region. Files go to `aws/<account>/global/s3/bucket/<name>.yaml`; the bucket's
 * real region stays in `configuration.BucketRegion`.
 */
export function createBucketCollector(options: BucketCollectorOptions = {}): AwsCollector {
  const tuning = {
    readsPerRegion: options.readsPerRegion ?? DEFAULT_READS_PER_REGION,
    listPageSize: options.listPageSize ?? LIST_PAGE_SIZE,
  };
  return {
    resourceType: RESOURCE_TYPE,
    service: 's3',
    collect: (context) => collectBuckets(context, tuning),
  };
}

/** The S3 bucket collector with default tuning, as the registry holds it. */
export const bucketCollector = createBucketCollector();

async function collectBuckets(
  context: AwsCollectorContext,
  tuning: Required<BucketCollectorOptions>,
): Promise<CollectorOutput> {
  let listed: Bucket[];
  try {
    listed = await listBuckets(context, tuning.listPageSize);
  } catch (error) {
    context.countCall('s3'); // the page that failed was a call too
    return { resources: [], warnings: [listFailed(context, error)], complete: false };
  }
  const warnings: ScanWarning[] = [];
  const mine: ListedBucket[] = [];
  let withoutRegion = 0;
  for (const bucket of listed) {
    if (!bucket.Name || !inShard(bucket.Name, context.shard)) continue;
    if (bucket.BucketRegion) mine.push(bucket as ListedBucket);
    else withoutRegion++;
  }
  // Without its region a bucket cannot be read, and leaving it out would look like a deletion:
  // the scope is reported incomplete instead.
  if (withoutRegion > 0) warnings.push(regionMissing(context, withoutRegion));
  const limits = new Map<string, LimitFunction>();
  const limitFor = (region: string): LimitFunction => {
    let limit = limits.get(region);
    if (!limit) {
      limit = pLimit(tuning.readsPerRegion);
      limits.set(region, limit);
    }
    return limit;
  };
  const failures: BucketReadFailure[] = [];
  const resources: Resource[] = [];
  await Promise.all(
    mine.map((bucket) =>
      limitFor(bucket.BucketRegion)(async () => {
        const result = await readBucket({
          client: context.aws.s3(context.account, bucket.BucketRegion),
          bucket: bucket.Name,
          accountId: context.accountId,
          countCall: () => context.countCall('s3'),
        });
        if (result.gone) return;
        failures.push(...result.failures);
        resources.push(toResource(bucket, result.supplementary, result.unreadable, context));
      }),
    ),
  );
  resources.sort((a, b) => (a.resourceId < b.resourceId ? -1 : 1));
  warnings.push(
    ...bucketReadWarnings(failures, {
      target: context.target,
      accountId: context.accountId,
      region: context.region,
      logger: context.logger,
    }),
  );
  return { resources, warnings, complete: withoutRegion === 0 };
}

async function listBuckets(context: AwsCollectorContext, pageSize: number): Promise<Bucket[]> {
  // ListBuckets is not bucket-specific: `global` calls it in us-east-1, as the pipeline does.
  const region = context.region === 'global' ? 'us-east-1' : context.region;
  const client = context.aws.s3(context.account, region);
  const buckets: Bucket[] = [];
  for await (const page of paginateListBuckets({ client, pageSize }, {})) {
    context.countCall('s3');
    buckets.push(...(page.Buckets ?? []));
  }
  return buckets;
}

function toResource(
  bucket: ListedBucket,
  supplementary: Record<string, unknown>,
  unreadable: readonly string[],
  context: AwsCollectorContext,
): Resource {
  const tagging = supplementary['BucketTagging'] as { TagSet?: { Key?: string }[] } | null;
  return normalizeResource(
    {
      schemaVersion: 1,
      resourceType: RESOURCE_TYPE,
      resourceId: bucket.Name,
      accountId: context.accountId,
      awsRegion: 'global',
      arn: `arn:${partitionOf(bucket.BucketRegion)}:s3:::${bucket.Name}`,
      resourceName: bucket.Name,
      tags: tagRecord(tagging?.TagSet),
      // As ListBuckets gave it, CreationDate included: a new date means deleted and re-created.
      configuration: { ...bucket },
      supplementaryConfiguration: supplementary,
      ...(unreadable.length > 0 ? { unreadable: [...unreadable] } : {}),
    },
    { keepVolatile: context.options.keepVolatile },
  );
}

function listFailed(context: AwsCollectorContext, error: unknown): ScanWarning {
  const { code, reason } = classifyAwsError(error);
  context.logger.warn('Collector failed', {
    resourceType: RESOURCE_TYPE,
    operation: 'ListBuckets',
    code,
    reason,
  });
  return {
    code,
    target: context.target,
    operation: 's3:ListBuckets',
    message: `s3:ListBuckets ${code} in ${context.accountId}/${context.region} (${reason}); previous ${RESOURCE_TYPE} files kept`,
  };
}

function regionMissing(context: AwsCollectorContext, count: number): ScanWarning {
  context.logger.warn('Buckets listed without a region', { operation: 'ListBuckets', count });
  return {
    code: 'malformed',
    target: context.target,
    operation: 's3:ListBuckets',
    message: `s3:ListBuckets gave ${count} bucket(s) without BucketRegion in ${context.accountId}/${context.region}; previous ${RESOURCE_TYPE} files kept`,
  };
}
