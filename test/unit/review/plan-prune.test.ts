import { describe, expect, it } from 'vitest';
import type { AcceptedEntry } from '../../../lib/drift/accept-schema.js';
import type { DriftReport } from '../../../lib/drift/schema.js';
import { withBodyHash } from '../../../lib/review/body-hash.js';
import { driftItems } from '../../../lib/review/drift-items.js';
import {
  type PlanPruneInput,
  planPrune,
  pruneBranchOf,
  pruneKey,
  type StaleAccepted,
} from '../../../lib/review/plan-prune.js';
import type { ReviewPlan } from '../../../lib/review/plan-review.js';
import type { PullFacts } from '../../../lib/review/reviewer.js';
import type { ReviewState } from '../../../lib/review/state.js';

const A = 'aws/111111111111/eu-west-1';
const fp = (c: string) => `sha256:${c.repeat(64)}`;
const gone: AcceptedEntry = {
  address: 'aws_security_group.web',
  attribute: 'description',
  fingerprint: fp('a'),
  reason: 'set by hand',
};
const kept: AcceptedEntry = {
  address: 'aws_security_group.db',
  attribute: 'description',
  fingerprint: fp('b'),
  reason: 'still drifting',
};

function report(complete = true): DriftReport {
  return {
    version: 1,
    generatedAt: '2026-11-22T10:00:00Z',
    scopes: [{ scope: A, complete }],
    summary: {
      total: 0,
      managed: 0,
      unmanaged: 0,
      missing: 0,
      changed: 0,
      managedElsewhere: 0,
      accepted: 0,
      coverage: 1,
    },
    unmanaged: [],
    missing: [],
    changed: [],
    managedElsewhere: [],
    accepted: [],
  };
}

const empty: ReviewState = { version: 1, lastCommit: null, scopes: {} };
const noDrift: ReviewPlan = { actions: [], state: empty, handsOff: [] };

function input(
  stale: StaleAccepted[],
  state: ReviewState = empty,
  pulls: PullFacts[] = [],
  overrides: Partial<PlanPruneInput> = {},
): PlanPruneInput {
  return {
    report: report(),
    base: { sha: 'b'.repeat(40) },
    state,
    pulls: new Map(pulls.map((p) => [p.number, p])),
    accepted: new Map([[A, [gone, kept]]]),
    stale: new Map([[A, stale]]),
    ...overrides,
  };
}

function facts(number: number, overrides: Partial<PullFacts> = {}): PullFacts {
  return {
    number,
    state: 'open',
    merged: false,
    approved: false,
    foreignCommits: false,
    head: 'h'.repeat(40),
    url: '',
    title: '',
    body: '',
    ...overrides,
  };
}

/** The state after a prune PR #9 was opened for `gone`. */
function withPrune(): ReviewState {
  const plan = planPrune(input([{ entry: gone, why: 'resolved' }]), noDrift);
  const open = plan.actions[0];
  if (open?.kind !== 'open' || !open.prune) throw new Error('expected a prune open');
  return {
    ...plan.state,
    scopes: { [A]: { items: {}, prune: { number: 9, ...open.prune, keys: [...open.prune.keys] } } },
  };
}

describe('planPrune', () => {
  it('opens a prune PR that removes exactly the stale entry and keeps every other', () => {
    const plan = planPrune(input([{ entry: gone, why: 'resolved' }]), noDrift);
    expect(plan.actions.map((a) => a.kind)).toEqual(['open']);
    const open = plan.actions[0];
    if (open?.kind !== 'open') throw new Error('expected an open');
    expect(open.branch).toBe(pruneBranchOf(A));
    expect(open.commit.parents).toEqual(['b'.repeat(40)]);
    const content = open.commit.files[0]?.content ?? '';
    expect(content).toContain('aws_security_group.db');
    expect(content).not.toContain('aws_security_group.web');
    expect(open.commit.message).toContain('Statetrail-Review: aws/111111111111/eu-west-1');
    expect(open.body).toContain('the drift is gone');
  });

  it('writes nothing when nothing is stale', () => {
    const plan = planPrune(input([]), noDrift);
    expect(plan.actions).toEqual([]);
    expect(plan.state.scopes).toEqual({});
  });

  it('keeps an entry whose value is masked, and one no longer on the base branch', () => {
    expect(planPrune(input([{ entry: kept, why: 'sensitive' }]), noDrift).actions).toEqual([]);
    const edited = { ...gone, reason: 'edited since the drift step read it' };
    expect(planPrune(input([{ entry: edited, why: 'expired' }]), noDrift).actions).toEqual([]);
  });

  it('leaves an expired entry whose drift goes on to its drift PR, unless that drift is snoozed', () => {
    const drifting = report();
    drifting.changed.push({
      address: gone.address,
      type: 'aws_security_group',
      id: 'web',
      path: `${A}/ec2/securitygroup/web.yaml`,
      changes: [{ attribute: 'description', state: 'from code', cloud: 'by hand' }],
    });
    const [item] = driftItems(drifting).get(A) ?? [];
    if (!item) throw new Error('no item');
    const tracking = (quiet?: 'snoozed'): ReviewPlan => ({
      ...noDrift,
      state: {
        ...empty,
        scopes: {
          [A]: {
            items: {
              [item.identity]: {
                key: item.key,
                first: 's',
                seen: 1,
                commit: null,
                ...(quiet ? { quiet } : {}),
              },
            },
          },
        },
      },
    });
    const stale = [{ entry: gone, why: 'expired' as const }];
    expect(planPrune(input(stale, empty, [], { report: drifting }), tracking()).actions).toEqual(
      [],
    );
    const snoozed = planPrune(input(stale, empty, [], { report: drifting }), tracking('snoozed'));
    expect(snoozed.actions.map((a) => a.kind)).toEqual(['open']);
  });

  it('leaves a scope this scan did not complete alone', () => {
    const plan = planPrune(
      input([{ entry: gone, why: 'expired' }], empty, [], { report: report(false) }),
      noDrift,
    );
    expect(plan.actions).toEqual([]);
  });

  it('opens no prune PR in a scope whose drift PR is open, and closes its own for it', () => {
    const state = withPrune();
    const drifting: ReviewPlan = {
      actions: [],
      state: { ...empty, scopes: { [A]: { items: {}, pull: { number: 7, keys: [], base: 'b' } } } },
      handsOff: [],
    };
    const plan = planPrune(input([{ entry: gone, why: 'resolved' }], state, [facts(9)]), drifting);
    expect(plan.actions.map((a) => a.kind)).toEqual(['close']);
    expect(plan.state.scopes[A]?.prune).toBeUndefined();
    expect(plan.state.scopes[A]?.pull?.number).toBe(7);
  });

  it('does nothing when its prune PR already proposes the same removal', () => {
    const state = withPrune();
    const first = planPrune(input([{ entry: gone, why: 'resolved' }], state, [facts(9)]), noDrift);
    const update = first.actions[0];
    if (update?.kind !== 'update') throw new Error('expected a body update');
    expect(update.commit).toBeUndefined();
    const synced = facts(9, { title: update.title, body: withBodyHash(update.body) });
    const again = planPrune(input([{ entry: gone, why: 'resolved' }], state, [synced]), noDrift);
    expect(again.actions).toEqual([]);
    expect(again.state.scopes[A]?.prune).toEqual(state.scopes[A]?.prune);
  });

  it('closes its prune PR when the entry applies again', () => {
    const plan = planPrune(input([], withPrune(), [facts(9)]), noDrift);
    expect(plan.actions).toMatchObject([{ kind: 'close', number: 9, deleteBranch: true }]);
    expect(plan.state.scopes[A]).toBeUndefined();
  });

  it('never proposes again a removal a person declined by closing the PR unmerged', () => {
    const stale = [{ entry: gone, why: 'resolved' as const }];
    const closed = planPrune(input(stale, withPrune(), [facts(9, { state: 'closed' })]), noDrift);
    expect(closed.actions).toEqual([{ kind: 'delete-branch', branch: pruneBranchOf(A) }]);
    expect(closed.state.scopes[A]?.declined).toEqual([pruneKey(A, gone)]);
    expect(planPrune(input(stale, closed.state), noDrift).actions).toEqual([]);
    // Once the entry is no longer stale, the declined key is forgotten.
    expect(planPrune(input([], closed.state), noDrift).state.scopes[A]).toBeUndefined();
  });

  it('forgets a merged prune PR and deletes its branch', () => {
    const plan = planPrune(
      input([], withPrune(), [facts(9, { state: 'closed', merged: true })]),
      noDrift,
    );
    expect(plan.actions).toEqual([{ kind: 'delete-branch', branch: pruneBranchOf(A) }]);
    expect(plan.state.scopes[A]).toBeUndefined();
  });
});

describe('the commits of an updated prune PR', () => {
  const moreStale: StaleAccepted[] = [
    { entry: gone, why: 'resolved' },
    { entry: kept, why: 'expired' },
  ];
  const tracked = (base: string): ReviewState => {
    const state = withPrune();
    const prune = state.scopes[A]?.prune;
    if (!prune) throw new Error('expected a tracked prune PR');
    return { ...state, scopes: { [A]: { items: {}, prune: { ...prune, base } } } };
  };
  const updateCommit = (state: ReviewState) => {
    const plan = planPrune(input(moreStale, state, [facts(9)]), noDrift);
    const update = plan.actions.find((a) => a.kind === 'update');
    if (update?.kind !== 'update' || !update.commit) throw new Error('expected an update commit');
    return { commit: update.commit, prune: plan.state.scopes[A]?.prune };
  };

  it('stack on the branch alone while the base branch has not moved', () => {
    const { commit, prune } = updateCommit(tracked('b'.repeat(40)));
    expect(commit.parents).toEqual(['h'.repeat(40)]);
    expect(prune?.base).toBe('b'.repeat(40));
  });

  it('merge the base branch in once it moved, and remember the new base', () => {
    const { commit, prune } = updateCommit(tracked('0'.repeat(40)));
    expect(commit.parents).toEqual(['h'.repeat(40), 'b'.repeat(40)]);
    expect(prune?.base).toBe('b'.repeat(40));
  });
});
