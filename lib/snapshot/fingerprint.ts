import { createHmac } from 'node:crypto';

/** The prefix of every fingerprint, so readers know the value is not the secret itself. */
export const FINGERPRINT_PREFIX = 'hmac-sha256:';

/**
 * A secret value as the trail may hold it: `hmac-sha256:<hex>` under a key the user owns, so a
 * change is visible and the value is not (a plain hash of a short secret could be brute-forced).
 */
export function hmacFingerprint(key: Uint8Array, value: string | Uint8Array): string {
  return `${FINGERPRINT_PREFIX}${createHmac('sha256', key).update(value).digest('hex')}`;
}
