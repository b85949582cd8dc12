import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

/**
 * The running invocation's deadline, for clients built once per cold start: they ask it how long
 * is left instead of holding a context. A Lambda instance runs one invocation at a time, and
 * {@link trackDeadline} points it at each new one before the handler runs.
 */
export interface Deadline {
  /** Milliseconds left in the current invocation (infinite outside one). */
  timeLeft(): number;
  track(context: Pick<Context, 'getRemainingTimeInMillis'> | undefined): void;
}

/** A deadline not yet tracking any invocation. */
export function createDeadline(): Deadline {
  let current: (() => number) | undefined;
  return {
    timeLeft: () => current?.() ?? Number.POSITIVE_INFINITY,
    track(context) {
      current = context ? () => context.getRemainingTimeInMillis() : undefined;
    },
  };
}

/** Middy middleware: each invocation's context becomes the deadline's. */
export function trackDeadline(deadline: Deadline): MiddlewareObj {
  return {
    before: (request) => {
      deadline.track(request.context);
    },
  };
}
