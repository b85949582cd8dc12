import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext, runUpTo, type StepWorld, startStepWorld } from './step-world.js';

let world: StepWorld;
let handler: typeof import('../../functions/review.js').handler;

beforeAll(async () => {
  world = await startStepWorld();
  ({ handler } = await import('../../functions/review.js'));
});
afterAll(async () => {
  await world.close();
});

/** Plan, collect each item, drift, commit: the state machine up to the review step. */
const upToReview = (scanId: string) => runUpTo(world, scanId, 'review');

const dashboards = () =>
  world.github.review.issues.filter((i) => i.title === 'statetrail: drift dashboard');

describe('review handler', () => {
  it('keeps the dashboard issue on the GitHub trail after the commit step: a baseline opens no PR', async () => {
    await upToReview('scan-review-1');
    const output = await handler({ scanId: 'scan-review-1' } as never, lambdaContext('review'));
    expect(output).toMatchObject({ scanId: 'scan-review-1', baseline: true, dashboard: 'created' });
    expect(output.skipped).toBeUndefined();
    expect(dashboards()).toHaveLength(1);
    expect(dashboards()[0]?.labels).toEqual(['statetrail']);
    expect(dashboards()[0]?.body).toMatch(/<!-- statetrail-state: [A-Za-z0-9+/=]+ -->/);
    expect(world.github.review.pulls).toEqual([]);
  });

  it('returns the staged output on a retry, writing nothing to GitHub', async () => {
    const first = await handler({ scanId: 'scan-review-1' } as never, lambdaContext('review'));
    world.github.resetCalls();
    const retried = await handler({ scanId: 'scan-review-1' } as never, lambdaContext('review'));
    expect(retried).toEqual(first);
    expect(world.github.calls).toEqual([]);
  });

  it('leaves the dashboard as it is on a second scan that saw nothing new', async () => {
    await upToReview('scan-review-2');
    const output = await handler({ scanId: 'scan-review-2' } as never, lambdaContext('review'));
    expect(output).toMatchObject({ baseline: false, dashboard: 'unchanged', opened: [] });
    expect(dashboards()).toHaveLength(1);
  });

  it('rejects an event without a scanId with a parse error', async () => {
    await expect(handler({} as never, lambdaContext('review'))).rejects.toBeInstanceOf(ParseError);
  });
});
