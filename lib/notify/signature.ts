import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'X-Statetrail-Signature';
/** The header carrying the signing time, in seconds since the epoch. */
export const TIMESTAMP_HEADER = 'X-Statetrail-Timestamp';
/** How old a signature a receiver accepts by default, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>` under `secret`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `sha256=${mac}`;
}

/** What a receiver has of a delivery. */
export interface VerifyWebhookInput {
  secret: string;
  /** The raw body, exactly as received. */
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  /** Now, in seconds since the epoch. */
  now: number;
  toleranceSeconds?: number;
}

/** Why a delivery was rejected, or that it was not. */
export type VerifyWebhookResult =
  | { ok: true }
  | { ok: false; reason: 'missing-header' | 'bad-timestamp' | 'stale' | 'bad-signature' };

/**
 * For receivers: is this delivery ours, unchanged and recent? Rejects a missing header, a
 * timestamp that is not whole seconds, one further than the tolerance (five minutes) from `now`
 * either way (a replay), and a signature that does not match (compared in constant time).
 */
export function verifyWebhook(input: VerifyWebhookInput): VerifyWebhookResult {
  const { secret, body, signature, timestamp, now } = input;
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (signature === undefined || timestamp === undefined)
    return { ok: false, reason: 'missing-header' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  const seconds = Number(timestamp);
  if (Math.abs(now - seconds) > tolerance) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(secret, seconds, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  return { ok: true };
}
