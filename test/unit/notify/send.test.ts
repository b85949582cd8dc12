import { describe, expect, it } from 'vitest';
import { NotifySendError } from '../../../lib/notify/errors.js';
import { messageFromReport } from '../../../lib/notify/message.js';
import type { Notifier } from '../../../lib/notify/notifier.js';
import { notifyAll, sendWithRetry } from '../../../lib/notify/send.js';
import { sampleReport } from './fixtures.js';

const message = messageFromReport(sampleReport(), { scanId: 'scan-1', kind: 'new' });

function scripted(kind: string, outcomes: (Error | null)[]): Notifier & { calls: number } {
  const notifier = {
    kind,
    calls: 0,
    async send() {
      const outcome = outcomes[notifier.calls] ?? null;
      notifier.calls += 1;
      if (outcome) throw outcome;
    },
  };
  return notifier;
}

const retryable = (status: number) =>
  new NotifySendError(`x answered ${status}`, { retryable: true, status });

describe('sendWithRetry', () => {
  it('retries retryable failures with doubling waits from the injected sleep, then succeeds', async () => {
    const waits: number[] = [];
    const notifier = scripted('slack', [retryable(500), retryable(429), null]);
    const result = await sendWithRetry(notifier, message, {
      sleep: async (ms) => void waits.push(ms),
      baseDelayMs: 100,
    });
    expect(result).toEqual({ kind: 'slack', ok: true, attempts: 3 });
    expect(waits).toEqual([100, 200]);
  });

  it('stops after the bounded attempts and reports the last failure', async () => {
    const waits: number[] = [];
    const notifier = scripted(
      'webhook',
      Array.from({ length: 10 }, () => retryable(503)),
    );
    const result = await sendWithRetry(notifier, message, {
      sleep: async (ms) => void waits.push(ms),
      attempts: 3,
      baseDelayMs: 1000,
      maxDelayMs: 1500,
    });
    expect(result).toEqual({ kind: 'webhook', ok: false, attempts: 3, error: 'x answered 503' });
    expect(waits).toEqual([1000, 1500]);
  });

  it('does not retry a failure that is not retryable (a 4xx)', async () => {
    const notifier = scripted('slack', [
      new NotifySendError('slack notifier answered 404', { retryable: false, status: 404 }),
    ]);
    const result = await sendWithRetry(notifier, message, { sleep: async () => {} });
    expect(result).toEqual({
      kind: 'slack',
      ok: false,
      attempts: 1,
      error: 'slack notifier answered 404',
    });
  });

  it('never repeats a foreign error message, which may hold a URL', async () => {
    const notifier = scripted('webhook', [new Error('failed https://hooks.example/secret-token')]);
    const result = await sendWithRetry(notifier, message, { sleep: async () => {} });
    expect(result).toEqual({
      kind: 'webhook',
      ok: false,
      attempts: 1,
      error: 'webhook notifier failed',
    });
  });
});

describe('notifyAll', () => {
  it('returns one result per notifier in order; one failing does not stop the others', async () => {
    const bad = scripted('slack', [
      new NotifySendError('slack notifier answered 500', { retryable: false }),
    ]);
    const good = scripted('webhook', []);
    const throwing: Notifier = { kind: 'sns', send: () => Promise.reject(new TypeError('boom')) };
    const results = await notifyAll(message, [bad, throwing, good], { sleep: async () => {} });
    expect(results).toEqual([
      { kind: 'slack', ok: false, attempts: 1, error: 'slack notifier answered 500' },
      { kind: 'sns', ok: false, attempts: 1, error: 'sns notifier failed' },
      { kind: 'webhook', ok: true, attempts: 1 },
    ]);
    expect(good.calls).toBe(1);
  });
});
