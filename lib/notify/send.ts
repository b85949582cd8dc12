import { NotifySendError } from './errors.js';
import type { NotifyMessage } from './message.js';
import type { Notifier } from './notifier.js';

/** How hard to try each notifier. */
export interface RetryOptions {
  /** Waits `ms` milliseconds: injected, so tests never wait on the clock. */
  sleep: (ms: number) => Promise<void>;
  /** Attempts in all, the first included (default 4). */
  attempts?: number;
  /** The first wait, doubled after each retryable failure (default 500 ms). */
  baseDelayMs?: number;
  /** The longest wait (default 8 s). */
  maxDelayMs?: number;
}

/** What happened to one notifier. */
export type NotifyResult =
  | { kind: string; ok: true; attempts: number }
  | { kind: string; ok: false; attempts: number; error: string };

function asSendError(kind: string, error: unknown): NotifySendError {
  if (error instanceof NotifySendError) return error;
  // Not ours: its message may carry a URL or a token, so it is not repeated.
  return new NotifySendError(`${kind} notifier failed`, { retryable: false });
}

/**
 * Sends through one notifier, retrying a retryable failure (5xx, 429, network) with exponential
 * backoff up to `attempts` times; never throws, the last failure becomes the result.
 */
export async function sendWithRetry(
  notifier: Notifier,
  message: NotifyMessage,
  options: RetryOptions,
): Promise<NotifyResult> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8000;
  let last: NotifySendError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      await notifier.send(message);
      return { kind: notifier.kind, ok: true, attempts: attempt };
    } catch (error) {
      last = asSendError(notifier.kind, error);
      if (!last.retryable || attempt === attempts) {
        return { kind: notifier.kind, ok: false, attempts: attempt, error: last.message };
      }
      await options.sleep(Math.min(max, base * 2 ** (attempt - 1)));
    }
  }
  /* c8 ignore next */
  return { kind: notifier.kind, ok: false, attempts, error: last?.message ?? 'not sent' };
}

/**
 * Sends one message through every notifier at once; one failing neither throws nor holds up the
 * others. Results come back in the notifiers' order.
 */
export function notifyAll(
  message: NotifyMessage,
  notifiers: readonly Notifier[],
  options: RetryOptions,
): Promise<NotifyResult[]> {
  return Promise.all(notifiers.map((notifier) => sendWithRetry(notifier, message, options)));
}
