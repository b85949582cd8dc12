import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext, runUpTo, type StepWorld, startStepWorld } from './step-world.js';

let world: StepWorld;
let handler: typeof import('../../functions/attribute.js').handler;

beforeAll(async () => {
  world = await startStepWorld();
  ({ handler } = await import('../../functions/attribute.js'));
});
afterAll(async () => {
  await world.close();
});

const lookups = () => world.aws.calls.filter((call) => call.service === 'cloudtrail');

describe('attribute handler', () => {
  it('looks up the drifted resources within the scan’s budget and says what it left out', async () => {
    await runUpTo(world, 'scan-attribute-1', 'commit');
    world.aws.resetCalls();
    const output = await handler(
      { scanId: 'scan-attribute-1' } as never,
      lambdaContext('attribute'),
    );
    // STATETRAIL_ATTRIBUTION_BUDGET is 1 in the step world: one LookupEvents, the rest skipped.
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]?.status).toBe(200);
    expect(output.scanId).toBe('scan-attribute-1');
    expect(output.lookups).toBe(1);
    expect(output.skipped).toBeGreaterThan(0);
  });

  it('returns the staged summary on a retry without calling CloudTrail again', async () => {
    const first = await handler(
      { scanId: 'scan-attribute-1' } as never,
      lambdaContext('attribute'),
    );
    world.aws.resetCalls();
    const retried = await handler(
      { scanId: 'scan-attribute-1' } as never,
      lambdaContext('attribute'),
    );
    expect(retried).toEqual(first);
    expect(lookups()).toEqual([]);
  });

  it('rejects an event without a scanId with a parse error', async () => {
    await expect(handler({} as never, lambdaContext('attribute'))).rejects.toBeInstanceOf(
      ParseError,
    );
  });
});
