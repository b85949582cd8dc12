import { looksLikeCredential, REDACTED } from '../snapshot/normalize/redact-credentials.js';

/** A value that must never be written: masked, sensitive or credential-shaped, at any depth. */
export function isSecretValue(value: unknown): boolean {
  if (typeof value === 'string') {
    return (
      value.startsWith('(redacted') ||
      value === REDACTED ||
      value === '(sensitive)' ||
      value.startsWith('hmac-sha256:') ||
      looksLikeCredential(value)
    );
  }
  if (Array.isArray(value)) return value.some(isSecretValue);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(isSecretValue);
  return false;
}
