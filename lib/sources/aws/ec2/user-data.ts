import type { ScanWarning } from '../../../model/index.js';
import { hmacFingerprint } from '../../../snapshot/fingerprint.js';
import type { AwsCollectorContext } from '../../collector.js';

/**
 * What to do with user data (scripts that often hold secrets, DESIGN rule 2): leave it out
 * (`skip`, the default), keep only its HMAC fingerprint, or leave it out and say so because a
 * fingerprint was asked for without a key.
 */
export type UserDataPolicy =
  | { readonly kind: 'skip' }
  | { readonly kind: 'fingerprint'; readonly key: Uint8Array }
  | { readonly kind: 'no-key' };

/** The user-data policy of a collection run. */
export function userDataPolicy(context: AwsCollectorContext): UserDataPolicy {
  if (context.options.userData !== 'fingerprint') return { kind: 'skip' };
  return context.hmacKey ? { kind: 'fingerprint', key: context.hmacKey } : { kind: 'no-key' };
}

/** The fingerprint of base64 user data as the API returns it, over the decoded bytes. */
export function userDataFingerprint(key: Uint8Array, base64: string): string {
  return hmacFingerprint(key, Buffer.from(base64, 'base64'));
}

/**
 * The one warning of a collector asked for fingerprints without a key. Its code is `failed`, the
 * code for "not done for none of the other reasons": nothing was denied, throttled, unreachable
 * or malformed; reading user data without a key to fingerprint it would have been unsafe.
 */
export function noKeyWarning(
  context: AwsCollectorContext,
  operation = 'DescribeInstanceAttribute',
): ScanWarning {
  context.logger.warn('User data skipped', { operation, reason: 'no HMAC key' });
  return {
    code: 'failed',
    target: context.target,
    operation: `ec2:${operation}`,
    message: `ec2:${operation} not called in ${context.accountId}/${context.region}: user data fingerprints need an HMAC key (config or STATETRAIL_HMAC_KEY); user data recorded as unreadable`,
  };
}
