import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../lib/drift/schema.js';
import { withBodyHash } from '../../../lib/review/body-hash.js';
import { branchOf, type PlanReviewInput, planReview } from '../../../lib/review/plan-review.js';
import type { PullFacts } from '../../../lib/review/reviewer.js';
import type { ReviewState } from '../../../lib/review/state.js';

const A = 'aws/111111111111/eu-west-1';
const B = 'aws/222222222222/eu-west-1';
const C = 'aws/333333333333/eu-west-1';

function report(
  changes: { scope: string; id: string; cloud: string }[],
  complete = true,
): DriftReport {
  const scopes = [...new Set([A, B, C, ...changes.map((c) => c.scope)])];
  return {
    version: 1,
    generatedAt: '2026-11-22T10:00:00Z',
    scopes: scopes.map((scope) => ({ scope, complete })),
    summary: {
      total: changes.length,
      managed: changes.length,
      unmanaged: 0,
      missing: 0,
      changed: changes.length,
      managedElsewhere: 0,
      accepted: 0,
      coverage: 1,
    },
    unmanaged: [],
    missing: [],
    changed: changes.map(({ scope, id, cloud }) => ({
      address: `aws_security_group.${id}`,
      type: 'aws_security_group',
      id,
      path: `${scope}/ec2/securitygroup/${id}.yaml`,
      changes: [{ attribute: 'description', state: 'from code', cloud }],
    })),
    managedElsewhere: [],
    accepted: [],
  };
}

function input(
  driftReport: DriftReport,
  state: ReviewState | null,
  pulls: PullFacts[] = [],
  settings: Partial<PlanReviewInput['settings']> = {},
): PlanReviewInput {
  return {
    report: driftReport,
    scanId: 'scan-2',
    commit: null,
    base: { sha: 'b'.repeat(40), url: 'https://github.example/acme/trail' },
    state,
    pulls: new Map(pulls.map((p) => [p.number, p])),
    accepted: new Map(),
    settings: { persistScans: 2, maxOpenPulls: 10, ...settings },
    now: new Date('2026-11-22T10:00:00Z'),
  };
}

const empty: ReviewState = { version: 1, lastCommit: 'c'.repeat(40), scopes: {} };
const drifted = report([{ scope: A, id: 'sg-1', cloud: 'by hand' }]);

/** Runs the planner over scans, feeding each state (with opened PRs numbered) into the next. */
function scans(reports: DriftReport[], start: ReviewState | null = empty) {
  let state = start;
  let plan = planReview(input(reports[0] as DriftReport, state));
  for (const next of reports.slice(1)) {
    state = plan.state;
    plan = planReview(input(next, state));
  }
  return plan;
}

function facts(number: number, overrides: Partial<PullFacts> = {}): PullFacts {
  return {
    number,
    state: 'open',
    merged: false,
    approved: false,
    foreignCommits: false,
    head: 'h'.repeat(40),
    url: `https://github.example/acme/trail/pull/${number}`,
    title: '',
    body: '',
    ...overrides,
  };
}

/** A state in which scope A's drift has PR #7. */
function withPull(): ReviewState {
  const plan = scans([drifted, drifted]);
  const open = plan.actions.find((a) => a.kind === 'open');
  if (open?.kind !== 'open') throw new Error('expected an open');
  const scope = plan.state.scopes[A];
  if (!scope) throw new Error('no scope');
  return {
    ...plan.state,
    scopes: { [A]: { ...scope, pull: { number: 7, keys: [...open.keys], base: 'b'.repeat(40) } } },
  };
}

describe('planReview', () => {
  it('opens nothing at the baseline, and records the drift there as baseline', () => {
    const plan = planReview(input(drifted, null));
    expect(plan.actions).toEqual([]);
    expect(Object.values(plan.state.scopes[A]?.items ?? {}).map((i) => i.quiet)).toEqual([
      'baseline',
    ]);
    expect(scans([drifted, drifted, drifted], null).actions).toEqual([]);
  });

  it('opens a PR only once a drift persisted persistScans scans', () => {
    expect(scans([drifted]).actions).toEqual([]);
    const plan = scans([drifted, drifted]);
    expect(plan.actions.map((a) => a.kind)).toEqual(['open']);
    const open = plan.actions[0];
    expect(open?.kind === 'open' && open.branch).toBe(branchOf(A));
    expect(open?.kind === 'open' && open.commit.files[0]?.content).toContain(
      'attribute: description',
    );
    expect(scans([drifted, drifted, drifted], empty).actions.length).toBeGreaterThan(0);
    const three = planReview({
      ...input(drifted, scans([drifted]).state),
      settings: { persistScans: 3, maxOpenPulls: 10 },
    });
    expect(three.actions).toEqual([]);
  });

  it('does nothing and keeps the state identical when the same drift is seen again', () => {
    const state = withPull();
    // A body edited by someone (no matching hash) is put back, without a new commit.
    const first = planReview(input(drifted, state, [facts(7)]));
    const update = first.actions[0];
    if (update?.kind !== 'update') throw new Error('expected an update');
    expect(update.commit).toBeUndefined();
    const written = facts(7, { title: update.title, body: withBodyHash(update.body) });
    const plan = planReview(input(drifted, state, [written]));
    expect(plan.actions).toEqual([]);
    expect(plan.state).toEqual(state);
  });

  it('updates the same PR with a commit on its branch when the value changes', () => {
    const changed = report([{ scope: A, id: 'sg-1', cloud: 'changed again' }]);
    const plan = planReview(input(changed, withPull(), [facts(7)]));
    expect(plan.actions).toHaveLength(1);
    const update = plan.actions[0];
    expect(update?.kind === 'update' && update.number).toBe(7);
    expect(update?.kind === 'update' && update.commit?.expectedHead).toBe('h'.repeat(40));
  });

  it('closes the PR and deletes its branch when the drift is gone', () => {
    const plan = planReview(input(report([]), withPull(), [facts(7)]));
    expect(plan.actions).toMatchObject([{ kind: 'close', number: 7, deleteBranch: true }]);
    expect(plan.state.scopes[A]).toBeUndefined();
  });

  it('keeps what it knew of a scope the scan did not complete', () => {
    const state = withPull();
    const plan = planReview(input(report([], false), state, [facts(7)]));
    expect(plan.actions).toEqual([]);
    expect(plan.state.scopes[A]).toEqual(state.scopes[A]);
  });

  it('snoozes the drift of a PR closed unmerged, until the value changes', () => {
    const closed = planReview(input(drifted, withPull(), [facts(7, { state: 'closed' })]));
    expect(closed.actions.map((a) => a.kind)).toEqual(['delete-branch']);
    const again = planReview(input(drifted, closed.state));
    expect(again.actions).toEqual([]);
    const changed = report([{ scope: A, id: 'sg-1', cloud: 'new value' }]);
    const once = planReview(input(changed, closed.state));
    expect(once.actions).toEqual([]);
    expect(planReview(input(changed, once.state)).actions.map((a) => a.kind)).toEqual(['open']);
  });

  it('adds no new drift to an approved PR: it waits', () => {
    const more = report([
      { scope: A, id: 'sg-1', cloud: 'by hand' },
      { scope: A, id: 'sg-2', cloud: 'also by hand' },
    ]);
    let state = withPull();
    for (let i = 0; i < 2; i++) {
      const plan = planReview(input(more, state, [facts(7, { approved: true })]));
      expect(plan.actions).toEqual([]);
      state = plan.state;
    }
    expect(state.scopes[A]?.pull?.keys).toHaveLength(1);
  });

  it('leaves a PR someone pushed to alone', () => {
    const changed = report([{ scope: A, id: 'sg-1', cloud: 'changed again' }]);
    const plan = planReview(input(changed, withPull(), [facts(7, { foreignCommits: true })]));
    expect(plan.actions).toEqual([]);
    expect(plan.handsOff).toEqual([A]);
  });

  it('opens at most maxOpenPulls PRs; the rest wait', () => {
    const three = report([
      { scope: A, id: 'sg-1', cloud: 'x' },
      { scope: B, id: 'sg-2', cloud: 'y' },
      { scope: C, id: 'sg-3', cloud: 'z' },
    ]);
    const first = planReview(input(three, empty));
    const plan = planReview({
      ...input(three, first.state),
      settings: { persistScans: 2, maxOpenPulls: 2 },
    });
    expect(plan.actions.map((a) => a.kind === 'open' && a.scope)).toEqual([A, B]);
  });
});
