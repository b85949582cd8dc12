import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { sampleWorld } from '../../../sim/aws/world.js';

/**
 * Runs the sample world's sim for the enclosing `describe`: started once and handed to `started`,
 * then, before each test (and before the block's own `beforeEach`), a fresh copy of the sample
 * accounts, no faults and no recorded calls.
 */
export function useSampleSim(started: (sim: AwsSim) => void): void {
  let sim: AwsSim | undefined;
  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    started(sim);
  });
  beforeEach(() => {
    if (!sim) throw new Error('The sample sim did not start');
    sim.faults.clear();
    sim.resetCalls();
    sim.world.accounts = sampleWorld().accounts;
  });
  afterAll(async () => {
    await sim?.close();
  });
}
