import { setTimeout as sleep } from 'node:timers/promises';
import type { SimService } from './errors.js';

/** Which calls a fault applies to; unset fields match anything. */
export interface FaultMatch {
  /** The API action (`DescribeInstances`, `AssumeRole`), or `*` for every action. */
  action: string;
  service?: SimService;
  /** Account id of the caller. */
  account?: string;
  region?: string;
}

/** Fault injection, set per test. Counted faults answer the next `count` matching calls. */
export interface Faults {
  /** Answers RequestLimitExceeded (EC2, 503) or Throttling (STS, 400). */
  throttle(options: FaultMatch & { count: number }): void;
  /** Answers UnauthorizedOperation (EC2) or AccessDenied (STS), 403, until cleared. */
  deny(options: FaultMatch): void;
  /** Answers InternalError (EC2) or InternalFailure (STS) with a 5xx status (default 500). */
  fail(options: FaultMatch & { count: number; status?: number }): void;
  /** Delays matching answers by `ms` on the server side (every call, or the next `count`). */
  delay(options: FaultMatch & { ms: number; count?: number }): void;
  /** Answers 200 with a truncated XML body. */
  malformed(options: FaultMatch & { count: number }): void;
  /** Answers 200 with a body that is not the operation's document (see {@link BrokenAnswer}). */
  broken(options: FaultMatch & { answer: BrokenAnswer; count?: number }): void;
  /** Resets the connection before answering (the client sees ECONNRESET). */
  reset(options: FaultMatch & { count?: number }): void;
  /** Never answers: the client's request timeout is what ends the call. */
  hang(options: FaultMatch & { count?: number }): void;
  /** Removes every fault. */
  clear(): void;
}

/**
 * A 200 that is not the API's answer: a proxy's or portal's `html` page, an `empty` body, a
 * `foreign` answer (another API's document), or a `bare` one (the operation's own document with
 * nothing in it: `{}` for JSON, the root element alone for XML).
 */
export type BrokenAnswer = 'html' | 'empty' | 'foreign' | 'bare';

/** What a fault does to one call. */
export type FaultEffect =
  | { kind: 'throttle' }
  | { kind: 'deny' }
  | { kind: 'fail'; status: number }
  | { kind: 'malformed' }
  | { kind: 'broken'; answer: BrokenAnswer }
  | { kind: 'reset' }
  | { kind: 'hang' };

/** A call as the fault book sees it. */
export interface FaultCall {
  service: SimService;
  action: string;
  account: string;
  region: string;
}

/** The faults of one sim, plus the server's side: which faults a call runs into. */
export interface FaultBook extends Faults {
  /** The server-side delay and the answering fault, if any, for a call; consumes counted faults. */
  take(call: FaultCall): { delayMs: number; effect?: FaultEffect };
}

/** The fault that answers a call, once the server-side delay planned for it has passed. */
export async function takeFault(
  book: FaultBook,
  call: FaultCall,
): Promise<FaultEffect | undefined> {
  const { delayMs, effect } = book.take(call);
  if (delayMs > 0) await sleep(delayMs);
  return effect;
}

interface Entry {
  match: FaultMatch;
  /** Calls still to answer; Infinity until cleared. */
  remaining: number;
  effect?: FaultEffect;
  delayMs?: number;
}

/** Creates an empty fault book. */
export function createFaultBook(): FaultBook {
  let entries: Entry[] = [];
  const add = (match: FaultMatch, remaining: number, rest: Omit<Entry, 'match' | 'remaining'>) => {
    if (!(remaining > 0)) throw new RangeError(`Fault count must be positive, got ${remaining}`);
    entries.push({ match: matchOf(match), remaining, ...rest });
  };
  return {
    throttle: ({ count, ...match }) => add(match, count, { effect: { kind: 'throttle' } }),
    deny: (match) => add(match, Number.POSITIVE_INFINITY, { effect: { kind: 'deny' } }),
    fail: ({ count, status = 500, ...match }) => {
      if (status < 500 || status > 599)
        throw new RangeError(`fail() takes a 5xx status, got ${status}`);
      add(match, count, { effect: { kind: 'fail', status } });
    },
    delay: ({ ms, count = Number.POSITIVE_INFINITY, ...match }) =>
      add(match, count, { delayMs: ms }),
    malformed: ({ count, ...match }) => add(match, count, { effect: { kind: 'malformed' } }),
    broken: ({ answer, count = Number.POSITIVE_INFINITY, ...match }) =>
      add(match, count, { effect: { kind: 'broken', answer } }),
    reset: ({ count = Number.POSITIVE_INFINITY, ...match }) =>
      add(match, count, { effect: { kind: 'reset' } }),
    hang: ({ count = Number.POSITIVE_INFINITY, ...match }) =>
      add(match, count, { effect: { kind: 'hang' } }),
    clear: () => {
      entries = [];
    },
    take: (call) => {
      let delayMs = 0;
      let effect: FaultEffect | undefined;
      for (const entry of entries) {
        if (entry.remaining <= 0 || !matches(entry.match, call)) continue;
        if (entry.delayMs !== undefined) {
          delayMs += entry.delayMs;
          entry.remaining--;
        } else if (!effect && entry.effect) {
          effect = entry.effect;
          entry.remaining--;
        }
      }
      entries = entries.filter((e) => e.remaining > 0);
      return effect ? { delayMs, effect } : { delayMs };
    },
  };
}

// Copies only the matching fields, so a caller's extra keys never widen or narrow a match.
function matchOf({ action, service, account, region }: FaultMatch): FaultMatch {
  return {
    action,
    ...(service ? { service } : {}),
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
  };
}

function matches(match: FaultMatch, call: FaultCall): boolean {
  return (
    (match.action === '*' || match.action === call.action) &&
    (match.service === undefined || match.service === call.service) &&
    (match.account === undefined || match.account === call.account) &&
    (match.region === undefined || match.region === call.region)
  );
}
