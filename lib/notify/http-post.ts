import { isRetryableStatus, NotifySendError } from './errors.js';

/** A `fetch` (the global one by default; injectable for tests). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' && /^[A-Z_]+$/.test(cause.code)
    ? cause.code
    : 'network error';
}

/**
 * POSTs a body and throws a {@link NotifySendError} naming `kind` and the status (or the network
 * error's code) when it was not taken; the URL never reaches the error.
 */
export async function postOrThrow(
  kind: string,
  fetchImpl: FetchLike,
  url: string,
  init: { body: string; headers: Record<string, string> },
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'POST', body: init.body, headers: init.headers });
  } catch (error) {
    throw new NotifySendError(`${kind} notifier: ${networkCode(error)}`, { retryable: true });
  }
  // Drain the body so the connection is released.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) {
    throw new NotifySendError(`${kind} notifier answered ${response.status}`, {
      retryable: isRetryableStatus(response.status),
      status: response.status,
    });
  }
}
