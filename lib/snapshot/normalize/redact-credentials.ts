import type { Resource } from '../../model/schema.js';
import { isPlainObject } from './step.js';

/** What a credential-shaped value is replaced with. */
export const REDACTED = '(redacted: credential-shaped value)';

// Values that are credentials whatever key they sit under (DESIGN rule 2): one of the public
// state files held a GitHub token at a path nobody marked sensitive. Kept narrow on purpose:
// each pattern has a fixed prefix, so ordinary ids and hashes do not match.
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}/,
  /\bgithub_pat_[A-Za-z0-9_]{22,}/,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
  /aws.{0,20}?(?:secret|key).{0,5}?[=:]\s*["']?[A-Za-z0-9/+]{40}\b/i,
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/,
  /hooks\.slack\.com\/services\/[A-Za-z0-9/]+/,
  /\bglpat-[A-Za-z0-9_-]{20,}/,
  /\bsk_live_[A-Za-z0-9]{20,}/,
];

/** True when a string holds something shaped like a credential. */
export function looksLikeCredential(value: string): boolean {
  return CREDENTIAL_PATTERNS.some((pattern) => pattern.test(value));
}

/**
 * Replaces every credential-shaped string in a record (configuration, tags, name, supplementary
 * reads) with a fixed marker. Keys are left alone: they name where a secret was, not what it is.
 */
export function redactCredentials(resource: Resource): Resource {
  const redacted = redactValue(resource) as Resource;
  return redacted;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return looksLikeCredential(value) ? REDACTED : value;
  if (Array.isArray(value)) {
    const items = value.map(redactValue);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (isPlainObject(value)) {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const next = redactValue(item);
      if (next !== item) changed = true;
      return [key, next] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}
