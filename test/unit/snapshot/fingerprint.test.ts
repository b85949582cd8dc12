import { describe, expect, it } from 'vitest';
import { hmacFingerprint } from '../../../lib/snapshot/fingerprint.js';

describe('Function: hmacFingerprint', () => {
  const key = new TextEncoder().encode('key');

  it('gives the RFC-style HMAC-SHA256 of the value, prefixed', () => {
    // HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog"), a well-known vector.
    expect(hmacFingerprint(key, 'The quick brown fox jumps over the lazy dog')).toBe(
      'hmac-sha256:f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('changes with the value and with the key, and never contains the value', () => {
    const a = hmacFingerprint(key, 'secret-1');
    expect(hmacFingerprint(key, 'secret-2')).not.toBe(a);
    expect(hmacFingerprint(new TextEncoder().encode('other'), 'secret-1')).not.toBe(a);
    expect(a).not.toContain('secret-1');
  });
});
