import type { Logger, ScanWarning, WarningCode } from '../../../model/index.js';
import type { BucketReadFailure } from './read-bucket.js';

/** Where the failures were seen, for the warning's text. */
export interface FailureSite {
  readonly target: string;
  readonly accountId: string;
  readonly region: string;
  readonly logger: Logger;
}

/**
 * One warning (and one log line) per operation and failure code, with the number of buckets it
 * hit: 10k buckets under one deny statement must not give 10k warnings. Sorted, so the scan
 * result does not depend on which bucket finished first.
 */
export function bucketReadWarnings(
  failures: readonly BucketReadFailure[],
  site: FailureSite,
): ScanWarning[] {
  const groups = new Map<
    string,
    { operation: string; code: WarningCode; reasons: Set<string>; count: number }
  >();
  for (const failure of failures) {
    const key = `${failure.operation}\u0000${failure.code}`;
    const group = groups.get(key) ?? {
      operation: failure.operation,
      code: failure.code,
      reasons: new Set<string>(),
      count: 0,
    };
    group.count++;
    group.reasons.add(failure.reason);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { operation, code, reasons, count }]) => {
      const reason = [...reasons].sort().join(', ');
      site.logger.warn('Bucket reads failed', { operation, code, reason, buckets: count });
      const buckets = count === 1 ? '1 bucket' : `${count} buckets`;
      return {
        code,
        target: site.target,
        operation: `s3:${operation}`,
        message: `s3:${operation} ${code} for ${buckets} in ${site.accountId}/${site.region} (${reason}); listed as unreadable`,
      };
    });
}
