import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  lambdaContext,
  type StepWorld,
  scanRequest,
  startStepWorld,
  vpcState,
} from './step-world.js';

let world: StepWorld;
let plan: typeof import('../../functions/plan.js').handler;
let collect: typeof import('../../functions/collect.js').handler;
let drift: typeof import('../../functions/drift.js').handler;
let commit: typeof import('../../functions/commit.js').handler;
let handler: typeof import('../../functions/review.js').handler;

beforeAll(async () => {
  world = await startStepWorld();
  ({ handler: plan } = await import('../../functions/plan.js'));
  ({ handler: collect } = await import('../../functions/collect.js'));
  ({ handler: drift } = await import('../../functions/drift.js'));
  ({ handler: commit } = await import('../../functions/commit.js'));
  ({ handler } = await import('../../functions/review.js'));
});
afterAll(async () => {
  await world.close();
});

/** Plan, collect each item, drift, commit: the state machine up to the review step. */
async function upToReview(scanId: string): Promise<void> {
  const { items } = await plan(scanRequest(scanId) as never, lambdaContext('plan'));
  await Promise.all(items.map((item) => collect(item as never, lambdaContext('collect'))));
  const state = await vpcState(world.aws);
  await drift({ scanId, states: [{ location: state }] } as never, lambdaContext('drift'));
  await commit({ scanId } as never, lambdaContext('commit'));
}

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
