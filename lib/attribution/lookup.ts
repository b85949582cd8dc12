import type { AccountRef, Logger } from '../model/index.js';
import { changeOf, isScannerEvent } from './classify.js';
import { CloudTrailRecord } from './cloudtrail-event.js';
import type { PaceClock, Pacer } from './pacer.js';
import type { ChangeEvent, SkipReason } from './schema.js';

/** One LookupEvents request: events naming one resource in one account and region. */
export interface LookupRequest {
  readonly account: AccountRef;
  readonly region: string;
  readonly resourceName: string;
  readonly start: Date;
  readonly end: Date;
  readonly nextToken?: string;
}

/** One page of LookupEvents, in the SDK's field names. */
export interface LookupPage {
  readonly events: readonly { readonly CloudTrailEvent?: string; readonly ReadOnly?: string }[];
  readonly nextToken?: string;
}

/** The port to CloudTrail: one LookupEvents call (50 events a page), no retries of its own. */
export type LookupEvents = (request: LookupRequest) => Promise<LookupPage>;

/** Shared by every lookup of one scan: the pacer and what is left of the budget. */
export interface LookupContext {
  readonly lookup: LookupEvents;
  readonly pacer: Pacer;
  readonly clock: PaceClock;
  /** Principals whose events are never attributed (the scanner's roles). */
  readonly scanner: readonly string[];
  /** LookupEvents calls still allowed in this scan; decremented by each call. */
  budget: { remaining: number; used: number };
  /** Events kept per resource (the latest). @default 5 */
  readonly maxEvents?: number;
  /** Attempts after a ThrottlingException before giving up on a resource. @default 4 */
  readonly maxRetries?: number;
  readonly logger: Logger;
}

/** What one resource's lookup found, and why it stopped early if it did. */
export interface LookupResult {
  readonly events: ChangeEvent[];
  readonly stopped?: { readonly reason: SkipReason; readonly message: string };
}

const THROTTLES = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'ThrottledException',
]);

function isThrottle(error: unknown): boolean {
  return error instanceof Error && THROTTLES.has(error.name);
}

/** The key CloudTrail throttles by: the account (its role, or the caller) and the region. */
export function paceKey(account: AccountRef, region: string): string {
  return `${account.roleArn ?? 'caller'}|${region}`;
}

/**
 * Mutating events naming one resource, latest first, paged and paced; the scanner's own events
 * are dropped. A throttled call waits (on the pace clock) and is tried again.
 */
export async function lookupResource(
  request: Omit<LookupRequest, 'nextToken'>,
  context: LookupContext,
): Promise<LookupResult> {
  const maxEvents = context.maxEvents ?? 5;
  const maxRetries = context.maxRetries ?? 4;
  const events: ChangeEvent[] = [];
  const where = `${request.region} of ${request.account.roleArn ?? 'the caller account'}`;
  let nextToken: string | undefined;
  do {
    let page: LookupPage | undefined;
    for (let attempt = 0; page === undefined; attempt++) {
      if (context.budget.remaining <= 0) {
        return {
          events,
          stopped: { reason: 'budget', message: 'the scan’s CloudTrail lookup budget ran out' },
        };
      }
      context.budget.remaining -= 1;
      context.budget.used += 1;
      await context.pacer.take(paceKey(request.account, request.region));
      try {
        page = await context.lookup({ ...request, ...(nextToken && { nextToken }) });
      } catch (error) {
        if (isThrottle(error) && attempt < maxRetries) {
          context.logger.warn('CloudTrail throttled a lookup; waiting', { attempt });
          await context.clock.sleep(1000 * 2 ** attempt);
          continue;
        }
        const reason = isThrottle(error) ? 'throttled' : 'failed';
        const name = error instanceof Error ? error.name : 'Error';
        return { events, stopped: { reason, message: `LookupEvents in ${where}: ${name}` } };
      }
    }
    for (const event of page.events) {
      if (event.ReadOnly === 'true' || !event.CloudTrailEvent) continue;
      const record = parseRecord(event.CloudTrailEvent);
      if (!record || record.readOnly === true) continue;
      if (isScannerEvent(record, context.scanner)) continue;
      events.push(changeOf(record));
      if (events.length >= maxEvents) return { events };
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return { events };
}

function parseRecord(json: string): CloudTrailRecord | undefined {
  try {
    const parsed = CloudTrailRecord.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
