import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../../lib/notify/signature.js';

const secret = 'shh';
const body = '{"scanId":"scan-1"}';
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhook(secret, now, body)).toBe(`sha256=${expected}`);
  });

  it('accepts an untouched, recent delivery', () => {
    const signature = signWebhook(secret, now - 10, body);
    expect(verifyWebhook({ secret, body, signature, timestamp: String(now - 10), now })).toEqual({
      ok: true,
    });
  });

  it('rejects a tampered body', () => {
    const signature = signWebhook(secret, now, body);
    const result = verifyWebhook({
      secret,
      body: body.replace('1', '2'),
      signature,
      timestamp: String(now),
      now,
    });
    expect(result).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a timestamp moved to pass a replay off as new', () => {
    const signature = signWebhook(secret, now - 3600, body);
    expect(verifyWebhook({ secret, body, signature, timestamp: String(now), now })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects an old delivery (a replay) even with its own valid signature', () => {
    const old = now - 301;
    const signature = signWebhook(secret, old, body);
    expect(verifyWebhook({ secret, body, signature, timestamp: String(old), now })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(
      verifyWebhook({
        secret,
        body,
        signature,
        timestamp: String(old),
        now,
        toleranceSeconds: 600,
      }),
    ).toEqual({ ok: true });
  });

  it('rejects a wrong secret, a missing header and a timestamp that is not seconds', () => {
    const signature = signWebhook('other', now, body);
    expect(verifyWebhook({ secret, body, signature, timestamp: String(now), now }).ok).toBe(false);
    expect(
      verifyWebhook({ secret, body, signature: undefined, timestamp: String(now), now }),
    ).toEqual({ ok: false, reason: 'missing-header' });
    expect(verifyWebhook({ secret, body, signature, timestamp: '1e9', now })).toEqual({
      ok: false,
      reason: 'bad-timestamp',
    });
  });
});
