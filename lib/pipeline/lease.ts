import type { Clock } from '../model/index.js';
import { LeaseHeldError } from './errors.js';

/** One trail's lease: which scan holds it and until when. */
export interface Lease {
  /** The lease key: the trail (see {@link leaseKey}). */
  readonly key: string;
  /** The scan id of the holder. */
  readonly holder: string;
  /** The last second (since the epoch) the lease is in force; after it, anyone may take it. */
  readonly expiresAt: number;
}

/** What a conditional write of the lease did. */
export type LeaseWrite =
  | { readonly written: true }
  /** The condition failed; `current` is the lease that stood in the way, when there was one. */
  | { readonly written: false; readonly current?: Lease };

/**
 * Where leases live (DynamoDB when deployed). Every write is conditional and atomic in the store:
 * the logic of who may take a lease is in the conditions, so two racing writers cannot both win.
 */
export interface LeaseStore {
  /** Writes `lease` if no lease exists for its key, the one there expired before `now`, or `lease.holder` holds it. */
  claim(lease: Lease, now: number): Promise<LeaseWrite>;
  /** Writes `lease` only if `lease.holder` holds the key already (expired or not). */
  extend(lease: Lease): Promise<LeaseWrite>;
  /** Deletes the lease of `key` only if `holder` holds it; false when it did not. */
  remove(key: string, holder: string): Promise<boolean>;
  /** The lease of `key` as stored (an expired one included), or undefined. */
  read(key: string): Promise<Lease | undefined>;
}

/** What the lease operations need besides the store. */
export interface LeaseDeps {
  readonly store: LeaseStore;
  readonly clock: Clock;
  /** How long a lease lasts: longer than the longest scan. @default 3600 */
  readonly ttlSeconds?: number;
}

/** The outcome of {@link acquireLease} and {@link renewLease}. */
export type LeaseOutcome =
  | { readonly acquired: true; readonly lease: Lease }
  /** Someone else holds it (`lease` is theirs), or nobody does and it could not be renewed. */
  | { readonly acquired: false; readonly lease?: Lease };

/** The default lease: an hour, longer than the longest scan. */
export const DEFAULT_LEASE_TTL_SECONDS = 3600;

/** The lease key of a trail location (`github:OWNER/REPO[@BRANCH]`): one lease per trail. */
export function leaseKey(trail: string): string {
  return `trail#${trail}`;
}

function seconds(clock: Clock): number {
  return Math.floor(clock.now().getTime() / 1000);
}

function leaseFor(key: string, holder: string, deps: LeaseDeps): Lease {
  return {
    key,
    holder,
    expiresAt: seconds(deps.clock) + (deps.ttlSeconds ?? DEFAULT_LEASE_TTL_SECONDS),
  };
}

/** Whether `lease` is in force at `now` (whole seconds): the store's `expiresAt < :now` negated. */
export function isLive(lease: Lease, now: number): boolean {
  return lease.expiresAt >= now;
}

/**
 * Takes the lease of `key` for `holder`: free, expired (a crashed holder's) or already this
 * holder's (a retried step) succeeds and starts a fresh TTL; another holder's live lease does not.
 */
export async function acquireLease(
  key: string,
  holder: string,
  deps: LeaseDeps,
): Promise<LeaseOutcome> {
  const lease = leaseFor(key, holder, deps);
  const result = await deps.store.claim(lease, seconds(deps.clock));
  if (result.written) return { acquired: true, lease };
  return result.current ? { acquired: false, lease: result.current } : { acquired: false };
}

/** Extends `holder`'s lease by a fresh TTL; fails when the lease is gone or someone else's. */
export async function renewLease(
  key: string,
  holder: string,
  deps: LeaseDeps,
): Promise<LeaseOutcome> {
  const lease = leaseFor(key, holder, deps);
  const result = await deps.store.extend(lease);
  if (result.written) return { acquired: true, lease };
  return result.current ? { acquired: false, lease: result.current } : { acquired: false };
}

/** Gives the lease up; only its holder can. False when `holder` did not hold it. */
export function releaseLease(key: string, holder: string, deps: Pick<LeaseDeps, 'store'>) {
  return deps.store.remove(key, holder);
}

/** What the commit step checks before it writes. */
export interface LeaseFence {
  readonly store: LeaseStore;
  readonly clock: Clock;
  /** The trail's lease key ({@link leaseKey}). */
  readonly key: string;
}

/**
 * Throws {@link LeaseHeldError} unless `holder` holds a live lease of the fence's key: a scan whose
 * lease expired or was taken over must not write (one read, no write).
 */
export async function assertLeaseHeld(fence: LeaseFence, holder: string): Promise<void> {
  const lease = await fence.store.read(fence.key);
  const now = seconds(fence.clock);
  if (lease?.holder === holder && isLive(lease, now)) return;
  const why =
    lease === undefined
      ? 'nobody holds it'
      : lease.holder !== holder
        ? `scan ${lease.holder} holds it`
        : 'it expired';
  throw new LeaseHeldError(`Scan ${holder} does not hold the lease of ${fence.key}: ${why}`);
}
