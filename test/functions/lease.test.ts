import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTable, type SimTable } from '../sim/aws/dynamodb.js';
import {
  ACCOUNT,
  lambdaContext,
  REGION,
  runUpTo,
  type StepWorld,
  startStepWorld,
} from './step-world.js';

const TABLE = 'statetrail-leases';

let world: StepWorld;
let table: SimTable;
let lease: typeof import('../../functions/lease.js').handler;
let commit: typeof import('../../functions/commit.js').handler;

beforeAll(async () => {
  world = await startStepWorld();
  // Set before the handlers' cold start, as the stack sets it on the lease and commit functions.
  vi.stubEnv('LEASE_TABLE', TABLE);
  vi.stubEnv('LEASE_TTL_SECONDS', '1800');
  table = createTable(world.aws.world, { account: ACCOUNT, region: REGION, table: TABLE });
  ({ handler: lease } = await import('../../functions/lease.js'));
  ({ handler: commit } = await import('../../functions/commit.js'));
});
afterAll(async () => {
  await world.close();
});

/** The bare repository behind the simulated GitHub. */
const remote = (...args: string[]) => world.github.repo.store.git(args).trim();

const acquire = (scanId: string) =>
  lease({ action: 'acquire', scanId } as never, lambdaContext('lease'));
const release = (scanId: string) =>
  lease({ action: 'release', scanId } as never, lambdaContext('lease'));

describe('lease handler', () => {
  it('acquires the trail lease for one scan, a second scan is told who holds it and until when', async () => {
    const first = await acquire('scan-a');
    expect(first).toEqual({ acquired: true, holder: 'scan-a', expiresAt: expect.any(String) });
    const expiresIn = Date.parse(String((first as { expiresAt: string }).expiresAt)) - Date.now();
    expect(expiresIn).toBeGreaterThan(1790_000);
    expect(expiresIn).toBeLessThanOrEqual(1800_000);
    // The lease key is the trail the functions are told.
    const key = [...table.items.keys()];
    expect(key).toEqual([`trail#github:${world.github.repo.owner}/${world.github.repo.name}`]);
    expect(await acquire('scan-b')).toEqual({ ...first, acquired: false });
  });

  it('acquires again for the same scan (a retried step)', async () => {
    expect(await acquire('scan-a')).toMatchObject({ acquired: true, holder: 'scan-a' });
  });

  it('releases only for the holder', async () => {
    expect(await release('scan-b')).toEqual({ released: false });
    expect(await release('scan-a')).toEqual({ released: true });
    expect(table.items.size).toBe(0);
    expect(await release('scan-a')).toEqual({ released: false });
  });

  it('rejects an unknown action with a parse error', async () => {
    await expect(
      lease({ action: 'steal', scanId: 'x' } as never, lambdaContext('lease')),
    ).rejects.toBeInstanceOf(ParseError);
  });
});

describe('commit handler with LEASE_TABLE', () => {
  it('refuses to write while another scan holds the lease, leaving the trail as it was', async () => {
    await runUpTo(world, 'scan-c', 'commit');
    expect(await acquire('scan-other')).toMatchObject({ acquired: true });
    const refs = remote('for-each-ref');
    world.github.resetCalls();
    await expect(
      commit({ scanId: 'scan-c' } as never, lambdaContext('commit')),
    ).rejects.toMatchObject({ name: 'LeaseHeldError' });
    expect(world.github.writes()).toEqual([]);
    expect(remote('for-each-ref')).toBe(refs);
  });

  it('commits once its scan holds the lease', async () => {
    expect(await release('scan-other')).toEqual({ released: true });
    expect(await acquire('scan-c')).toMatchObject({ acquired: true });
    const output = await commit({ scanId: 'scan-c' } as never, lambdaContext('commit'));
    expect(output.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(remote('rev-parse', 'main')).toBe(output.commit);
  });
});
