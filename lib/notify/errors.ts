/**
 * A notifier that could not deliver. The message names the notifier's kind and the status or
 * network error code, never the URL, topic or token it was given.
 */
export class NotifySendError extends Error {
  /** Whether trying again may help (5xx, 429, a network error). */
  readonly retryable: boolean;
  readonly status: number | undefined;
  constructor(message: string, options: { retryable: boolean; status?: number }) {
    super(message);
    this.name = 'NotifySendError';
    this.retryable = options.retryable;
    this.status = options.status;
  }
}

/** True for the HTTP statuses worth another attempt: 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
