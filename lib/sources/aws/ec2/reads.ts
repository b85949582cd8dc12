import pLimit from 'p-limit';
import type { ScanWarning } from '../../../model/index.js';
import type { AwsCollectorContext } from '../../collector.js';
import { classifyAwsError } from '../errors.js';
import { ec2Warning } from './warnings.js';

/**
 * Calls of one per-resource API in flight at once. EC2 refills each API's bucket at 20 calls/s
 * per account and region (research 2.1); 5 concurrent reads stay inside it with room left for
 * Terraform, the console and the other collectors' own APIs.
 */
export const PER_API_CONCURRENCY = 5;

/** What one read gave: its value, or the error it failed with. */
export type ReadOutcome<R> =
  | { readonly ok: true; readonly value: R }
  | { readonly ok: false; readonly error: unknown };

/**
 * Runs `read` once per item, at most PER_API_CONCURRENCY at a time; never throws, so one denied
 * read costs one field (`unreadable`), never the resource. The limiter lives per call, never at
 * module level: a warm Lambda must not share it between invocations.
 */
export async function readEach<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
): Promise<ReadOutcome<R>[]> {
  const limit = pLimit(PER_API_CONCURRENCY);
  return Promise.all(
    items.map((item) =>
      limit(async (): Promise<ReadOutcome<R>> => {
        try {
          return { ok: true, value: await read(item) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    ),
  );
}

/**
 * One warning per failure code among the outcomes of one per-resource API (a thousand denied
 * reads are one problem, not a thousand), counting how many failed.
 */
export function readFailureWarnings(
  context: AwsCollectorContext,
  operation: string,
  resourceType: string,
  outcomes: readonly ReadOutcome<unknown>[],
): ScanWarning[] {
  const byCode = new Map<string, { error: unknown; count: number }>();
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    const { code } = classifyAwsError(outcome.error);
    const entry = byCode.get(code);
    if (entry) entry.count++;
    else byCode.set(code, { error: outcome.error, count: 1 });
  }
  return [...byCode.values()].map(({ error, count }) =>
    ec2Warning(
      context,
      operation,
      error,
      `${count} of ${outcomes.length} reads recorded as unreadable`,
      resourceType,
    ),
  );
}
