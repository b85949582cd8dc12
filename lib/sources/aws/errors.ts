import type { WarningCode } from '../../model/index.js';

const DENIED = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedException',
  'AuthFailure',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'OptInRequired',
]);
const THROTTLED = new Set([
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
]);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'TimeoutError',
  'RequestTimeout',
]);

/**
 * A 2xx answer that is not the operation's document (an HTML page, an empty body, another API's
 * answer, a document without its list): reading it as an empty listing would delete files.
 */
export class MalformedAnswerError extends Error {
  override readonly name = 'MalformedAnswerError';
  /** The operation whose answer it was. */
  readonly operation: string;
  /** What was wrong, from a fixed vocabulary (never the body, which may hold values). */
  readonly problem: string;

  constructor(operation: string, problem: string) {
    super(`${operation} answered 2xx with ${problem}`);
    this.operation = operation;
    this.problem = problem;
  }
}

/** How a failed AWS call is reported: a warning code and the error's name (never its message, which may hold values). */
export interface ClassifiedAwsError {
  readonly code: WarningCode;
  readonly reason: string;
}

/** Classifies an error thrown by an AWS SDK call. */
export function classifyAwsError(error: unknown): ClassifiedAwsError {
  const e = error as { name?: unknown; code?: unknown; $metadata?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const sysCode = typeof e?.code === 'string' ? e.code : undefined;
  if (error instanceof MalformedAnswerError) return { code: 'malformed', reason: error.problem };
  if (DENIED.has(name)) return { code: 'denied', reason: name };
  if (THROTTLED.has(name)) return { code: 'throttled', reason: `${name} after all retries` };
  if (sysCode && UNREACHABLE.has(sysCode)) return { code: 'unreachable', reason: sysCode };
  if (UNREACHABLE.has(name)) return { code: 'unreachable', reason: name };
  if (isDeserializationError(error)) return { code: 'malformed', reason: 'unparseable response' };
  if (name === 'CredentialsProviderError')
    return { code: 'denied', reason: 'no AWS credentials found' };
  return { code: 'failed', reason: name };
}

function isDeserializationError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  // The SDK wraps XML/JSON parse failures of a 2xx body; it keeps the body in `$response`.
  return (
    (error instanceof SyntaxError ||
      /Deserialization error|Unexpected token|not well-formed|Invalid XML|char '.*' is not expected/i.test(
        message,
      )) &&
    !DENIED.has((error as { name?: string }).name ?? '')
  );
}
