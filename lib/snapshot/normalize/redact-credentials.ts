import { createHash } from 'node:crypto';
import type { Resource } from '../../model/schema.js';
import { isPlainObject } from './step.js';

/** What a credential-shaped value is replaced with. */
export const REDACTED = '(redacted: credential-shaped value)';

// Not preceded by a character of the token's own alphabet: `MY_ghp_...` and `keyAKIA...` are
// tokens, `xghp_` inside a longer base62 run is not the start of one.
const START = '(?<![A-Za-z0-9])';

// Values that are credentials whatever key they sit under (DESIGN rule 2): one of the public
// state files held a GitHub token at a path nobody marked sensitive. Each pattern follows a
// published format with a fixed prefix or context, so ordinary ids, ARNs and hashes do not match.
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  // GitHub classic (ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server, ghr_ refresh).
  new RegExp(`${START}gh[pousr]_[A-Za-z0-9]{36,}`),
  new RegExp(`${START}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{30,}`),
  // AWS access key ids: long-term (AKIA), temporary (ASIA), ABIA and ACCA, then 16 of A-Z2-7.
  /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/,
  // An AWS secret access key next to its name (40 base64 characters, which may end in + or /).
  /(?:aws.{0,20}?(?:secret|key)|secret[_-]?access[_-]?key).{0,5}?[=:]\s*["']?(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i,
  /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----/,
  new RegExp(`${START}(?:xox[abposr]-[A-Za-z0-9-]{10,}|xapp-\\d-[A-Za-z0-9-]{10,})`),
  /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{8,}/,
  new RegExp(`${START}glpat-[A-Za-z0-9_-]{20,}`),
  // Stripe secret, restricted and publishable keys, live and test.
  new RegExp(`${START}(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}`),
  new RegExp(`${START}npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])`),
  // PyPI API tokens are macaroons whose base64 always opens with the same bytes.
  /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/,
  // A JSON Web Token: base64url header and payload, both JSON objects (`{"` is `eyJ`).
  new RegExp(`${START}eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*`),
  // A connection string's password (`Server=db;User Id=app;Password=...`, ODBC `pwd=`); a
  // `${...}` reference names a secret without holding it.
  /(?<![A-Za-z0-9])(?:password|pwd)\s*=\s*(?![\s;$]|$)/i,
  // A URL carrying a password (`postgres://app:s3cret@db:5432/app`).
  /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i,
];

// A whole value that is 40 base64 characters with upper case, lower case and digits, like an AWS
// secret access key on its own. A git sha (hex, one case) does not qualify, nor does base64 of
// 30 bytes of printable text.
const BARE_SECRET_KEY = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9/+]{40}$/;

function isBareSecretKey(value: string): boolean {
  if (!BARE_SECRET_KEY.test(value)) return false;
  const bytes = Buffer.from(value, 'base64');
  return !bytes.every((byte) => byte >= 0x20 && byte < 0x7f);
}

/** True when a string holds something shaped like a credential. */
export function looksLikeCredential(value: string): boolean {
  return CREDENTIAL_PATTERNS.some((pattern) => pattern.test(value)) || isBareSecretKey(value);
}

/** The prefix of a masked map key: `(redacted:<sha256 prefix>)`. */
export const REDACTED_KEY_PREFIX = '(redacted:';

/**
 * What a credential-shaped map key (a tag key, a label key, a ConfigMap data key) becomes: a
 * marker holding the first 64 bits of the key's SHA-256, so two masked keys of one map stay
 * apart and a key keeps its marker from scan to scan. The key is a high-entropy credential, so
 * its hash prefix does not give it back.
 */
export function redactedKey(key: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${REDACTED_KEY_PREFIX}${digest})`;
}

/** A map key as it may be written: itself, or {@link redactedKey} when it looks like a credential. */
export function safeKey(key: string): string {
  return looksLikeCredential(key) ? redactedKey(key) : key;
}

/**
 * Replaces every credential-shaped string in a record (configuration, tags, name, supplementary
 * reads) with a fixed marker, and every credential-shaped map key with {@link redactedKey}.
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
      const name = safeKey(key);
      if (next !== item || name !== key) changed = true;
      return [name, next] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}
