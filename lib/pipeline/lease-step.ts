import { z } from 'zod';
import { acquireLease, type LeaseDeps, releaseLease } from './lease.js';

/** The lease step's input: take or give up the trail's lease for a scan. */
export const LeaseInput = z.strictObject({
  action: z.enum(['acquire', 'release']),
  scanId: z.string().min(1),
});
export type LeaseInput = z.infer<typeof LeaseInput>;

/** What `acquire` answers: whether this scan holds the lease, and whose it is until when. */
export const AcquireOutput = z.strictObject({
  acquired: z.boolean(),
  /** The holder: this scan when acquired, the other scan when not. */
  holder: z.string().optional(),
  /** ISO-8601: the holder's lease runs out at this time. */
  expiresAt: z.string().optional(),
});
export type AcquireOutput = z.infer<typeof AcquireOutput>;

/** What `release` answers: false when this scan did not hold the lease (already released, expired and taken). */
export const ReleaseOutput = z.strictObject({ released: z.boolean() });
export type ReleaseOutput = z.infer<typeof ReleaseOutput>;

/** The lease step's dependencies: the lease operations' and the trail's lease key. */
export interface LeaseStepDeps extends LeaseDeps {
  readonly key: string;
}

/**
 * The lease step of the state machine: `acquire` before plan (the state machine waits or skips on
 * `acquired: false`), `release` after notify. Both are safe to retry.
 */
export async function leaseStep(
  input: LeaseInput,
  deps: LeaseStepDeps,
): Promise<AcquireOutput | ReleaseOutput> {
  if (input.action === 'release') {
    return { released: await releaseLease(deps.key, input.scanId, deps) };
  }
  const outcome = await acquireLease(deps.key, input.scanId, deps);
  if (!outcome.lease) return { acquired: outcome.acquired };
  return {
    acquired: outcome.acquired,
    holder: outcome.lease.holder,
    expiresAt: new Date(outcome.lease.expiresAt * 1000).toISOString(),
  };
}
