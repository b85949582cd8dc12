import type { S3Client } from '@aws-sdk/client-s3';
import type { WarningCode } from '../../../model/index.js';
import { classifyAwsError } from '../errors.js';
import { BUCKET_READS, type BucketRead } from './bucket-reads.js';

/** A read that failed for a reason other than "not configured": its key goes to `unreadable`. */
export interface BucketReadFailure {
  readonly operation: string;
  readonly code: WarningCode;
  readonly reason: string;
}

/** What the reads of one bucket gave. */
export type BucketReadResult =
  | { readonly gone: true }
  | {
      readonly gone: false;
      /** Read key -> the SDK output without `$metadata`, or null when not configured. */
      readonly supplementary: Record<string, unknown>;
      /** Keys whose read failed, sorted; never present in `supplementary`. */
      readonly unreadable: string[];
      readonly failures: BucketReadFailure[];
    };

/** Who to read a bucket as, and how to count calls. */
export interface ReadBucketOptions {
  /** A client in the bucket's own region (S3 answers 301 elsewhere and the SDK does not follow). */
  readonly client: S3Client;
  readonly bucket: string;
  readonly accountId: string;
  countCall(): void;
}

/**
 * Makes the fifteen configuration reads of one bucket, one after the other (concurrency is
 * spread across buckets instead). A not-configured answer becomes null; any other failure
 * (AccessDenied, throttling past the retries, 5xx, an unparseable answer) makes the key
 * unreadable: unknown is never recorded as absent. NoSuchBucket means the bucket was deleted
 * after it was listed: it is gone, and the remaining reads are skipped.
 */
export async function readBucket(options: ReadBucketOptions): Promise<BucketReadResult> {
  const input = { Bucket: options.bucket, ExpectedBucketOwner: options.accountId };
  const supplementary: Record<string, unknown> = {};
  const unreadable: string[] = [];
  const failures: BucketReadFailure[] = [];
  for (const read of BUCKET_READS) {
    options.countCall();
    let output: object;
    try {
      output = await read.send(options.client, input);
    } catch (error) {
      const name = errorName(error);
      if (name === 'NoSuchBucket') return { gone: true };
      if (read.notConfigured !== undefined && name === read.notConfigured) {
        supplementary[read.key] = null;
      } else {
        unreadable.push(read.key);
        failures.push({ operation: read.operation, ...classifyAwsError(error) });
      }
      continue;
    }
    const value = storedValue(read, output);
    if (value === undefined) {
      unreadable.push(read.key);
      failures.push({ operation: read.operation, code: 'malformed', reason: 'policy is not JSON' });
    } else {
      supplementary[read.key] = value;
    }
  }
  return { gone: false, supplementary, unreadable: unreadable.sort(), failures };
}

// The SDK output minus its response metadata; the policy document parsed, since S3 hands it
// over as a JSON string (undefined when it does not parse: the read is then unreadable).
function storedValue(read: BucketRead, output: object): Record<string, unknown> | undefined {
  const { $metadata: _metadata, ...value } = output as Record<string, unknown>;
  if (read.key !== 'BucketPolicy' || typeof value['Policy'] !== 'string') return value;
  try {
    return { ...value, Policy: JSON.parse(value['Policy']) as unknown };
  } catch {
    return undefined;
  }
}

function errorName(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}
