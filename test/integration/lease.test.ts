import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LeaseStoreError } from '../../lib/pipeline/errors.js';
import {
  acquireLease,
  assertLeaseHeld,
  type LeaseDeps,
  leaseKey,
  releaseLease,
  renewLease,
} from '../../lib/pipeline/lease.js';
import { createLeaseStore } from '../../lib/wiring/lease-store.js';
import { createTable, type SimTable } from '../sim/aws/dynamodb.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { sampleWorld } from '../sim/aws/world.js';
import { SAMPLE_KEY } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const TABLE = 'statetrail-leases';
const KEY = leaseKey('github:acme/trail');
const START = Date.parse('2026-12-07T10:00:00Z');

let sim: AwsSim;
let table: SimTable;
let now: number;
const clock = { now: () => new Date(now) };

function store(options: { maxAttempts?: number; requestTimeoutMs?: number } = {}) {
  return createLeaseStore({
    table: TABLE,
    region: REGION,
    endpoints: { dynamodb: sim.url },
    credentials: SAMPLE_KEY,
    retry: { maxAttempts: options.maxAttempts ?? 4, backoffMs: () => 0 },
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
}

function deps(options?: Parameters<typeof store>[0]): LeaseDeps {
  return { store: store(options), clock, ttlSeconds: 3600 };
}

beforeAll(async () => {
  sim = await startAwsSim(sampleWorld());
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  table = createTable(sim.world, { account: ACCOUNT, region: REGION, table: TABLE });
  sim.faults.clear();
  sim.resetCalls();
  now = START;
});

describe('the scan lease on DynamoDB (real SDK, simulated table)', () => {
  it('lets exactly one of two concurrent acquires win, and names the winner to the loser', async () => {
    const [a, b] = await Promise.all([
      acquireLease(KEY, 'scan-a', deps()),
      acquireLease(KEY, 'scan-b', deps()),
    ]);
    const outcomes = [a, b];
    expect(outcomes.filter((o) => o.acquired)).toHaveLength(1);
    const winner = outcomes.find((o) => o.acquired)?.lease?.holder;
    const loser = outcomes.find((o) => !o.acquired);
    expect(loser?.lease?.holder).toBe(winner);
    expect(table.items.get(KEY)?.['holder']?.S).toBe(winner);
    expect(sim.calls.map((c) => c.action)).toEqual(['PutItem', 'PutItem']);
  });

  it('stores the holder and an expiry in whole seconds, the TTL attribute DynamoDB cleans up by', async () => {
    await acquireLease(KEY, 'scan-a', deps());
    expect(table.items.get(KEY)).toEqual({
      pk: { S: KEY },
      holder: { S: 'scan-a' },
      expiresAt: { N: String(START / 1000 + 3600) },
    });
  });

  it("keeps a live lease from the next scan, and lets it in once the crashed holder's lease expired", async () => {
    await acquireLease(KEY, 'scan-a', deps());
    now = START + 3600 * 1000; // the lease's last second: still held
    expect(await acquireLease(KEY, 'scan-b', deps())).toMatchObject({ acquired: false });
    now = START + 3601 * 1000;
    const next = await acquireLease(KEY, 'scan-b', deps());
    expect(next).toMatchObject({ acquired: true, lease: { holder: 'scan-b' } });
    expect(table.items.get(KEY)?.['holder']?.S).toBe('scan-b');
  });

  it('lets the same holder acquire again (a retried step) and starts a fresh TTL', async () => {
    await acquireLease(KEY, 'scan-a', deps());
    now = START + 600_000;
    const again = await acquireLease(KEY, 'scan-a', deps());
    expect(again).toMatchObject({ acquired: true });
    expect(table.items.get(KEY)?.['expiresAt']?.N).toBe(String(START / 1000 + 600 + 3600));
  });

  it('refuses a release by a scan that does not hold the lease, and leaves it in place', async () => {
    await acquireLease(KEY, 'scan-a', deps());
    expect(await releaseLease(KEY, 'scan-b', deps())).toBe(false);
    expect(table.items.get(KEY)?.['holder']?.S).toBe('scan-a');
    expect(await releaseLease(KEY, 'scan-a', deps())).toBe(true);
    expect(table.items.has(KEY)).toBe(false);
    // Released, the lease is free for the next scan at once.
    expect(await acquireLease(KEY, 'scan-b', deps())).toMatchObject({ acquired: true });
  });

  it('renews only for the holder: not for another scan, not once the lease is gone', async () => {
    await acquireLease(KEY, 'scan-a', deps());
    now = START + 1_800_000;
    expect(await renewLease(KEY, 'scan-a', deps())).toMatchObject({ acquired: true });
    expect(table.items.get(KEY)?.['expiresAt']?.N).toBe(String(START / 1000 + 1800 + 3600));
    expect(await renewLease(KEY, 'scan-b', deps())).toMatchObject({
      acquired: false,
      lease: { holder: 'scan-a' },
    });
    await releaseLease(KEY, 'scan-a', deps());
    expect(await renewLease(KEY, 'scan-a', deps())).toEqual({ acquired: false });
    expect(table.items.has(KEY)).toBe(false);
  });

  it('fences: only the live holder passes, with one strongly consistent read', async () => {
    const fence = { store: store(), clock, key: KEY };
    await acquireLease(KEY, 'scan-a', deps());
    sim.resetCalls();
    await expect(assertLeaseHeld(fence, 'scan-a')).resolves.toBeUndefined();
    expect(sim.calls.map((c) => [c.action, c.params['ConsistentRead']])).toEqual([
      ['GetItem', true],
    ]);
    await expect(assertLeaseHeld(fence, 'scan-b')).rejects.toMatchObject({
      name: 'LeaseHeldError',
      message: expect.stringContaining('scan scan-a holds it'),
    });
    now = START + 3601 * 1000;
    await expect(assertLeaseHeld(fence, 'scan-a')).rejects.toThrow(/it expired/);
  });

  it('retries throttling and 5xx answers and then succeeds', async () => {
    sim.faults.throttle({ action: 'PutItem', service: 'dynamodb', count: 2 });
    sim.faults.fail({ action: 'PutItem', service: 'dynamodb', count: 1, status: 503 });
    expect(await acquireLease(KEY, 'scan-a', deps())).toMatchObject({ acquired: true });
    expect(sim.calls.map((c) => c.fault ?? c.status)).toEqual([
      'throttle',
      'throttle',
      'fail',
      200,
    ]);
  });

  it('fails with a LeaseStoreError naming the table when throttling outlasts the retries', async () => {
    sim.faults.throttle({ action: 'PutItem', service: 'dynamodb', count: 10 });
    const failure = acquireLease(KEY, 'scan-a', deps({ maxAttempts: 3 }));
    await expect(failure).rejects.toBeInstanceOf(LeaseStoreError);
    await expect(failure).rejects.toThrow(new RegExp(`table ${TABLE}`));
    expect(sim.calls).toHaveLength(3);
    expect(table.items.has(KEY)).toBe(false);
  });

  it('ends a call DynamoDB never answers at the request timeout, as a LeaseStoreError', async () => {
    sim.faults.hang({ action: 'GetItem', service: 'dynamodb' });
    const fence = { store: store({ maxAttempts: 1, requestTimeoutMs: 100 }), clock, key: KEY };
    await expect(assertLeaseHeld(fence, 'scan-a')).rejects.toBeInstanceOf(LeaseStoreError);
  });

  it('is a LeaseStoreError, not "free", when the table does not exist', async () => {
    const missing = createLeaseStore({
      table: 'no-such-table',
      region: REGION,
      endpoints: { dynamodb: sim.url },
      credentials: SAMPLE_KEY,
      retry: { maxAttempts: 1, backoffMs: () => 0 },
    });
    await expect(missing.read(KEY)).rejects.toThrow(/no-such-table/);
  });
});
