import { z } from 'zod';
import { Attribution } from '../attribution/schema.js';
import { describeChange } from '../attribution/trailers.js';
import type { CodifiedFinding } from '../codify/findings.js';
import { ReviewConfig } from '../config/schema.js';
import { acceptedFilePath, parseAcceptedFile } from '../drift/accept-file.js';
import type { AcceptedEntry } from '../drift/accept-schema.js';
import type { Clock, Logger } from '../model/index.js';
import { sameBody } from '../review/body-hash.js';
import type { CodeOf } from '../review/codify-section.js';
import { ReviewConflictError } from '../review/errors.js';
import { planPrune, type StaleAccepted } from '../review/plan-prune.js';
import {
  type PlanReviewInput,
  planReview,
  type ReviewAction,
  type ReviewSettings,
} from '../review/plan-review.js';
import { DASHBOARD_TITLE, REVIEW_LABEL, renderDashboard } from '../review/render-dashboard.js';
import type { BaseHead, PullFacts, Reviewer } from '../review/reviewer.js';
import { parseStateComment } from '../review/state.js';
import type { TrailStore } from '../trail/trail-store.js';
import { CommitOutput } from './commit.js';
import { DriftStepOutput } from './drift.js';
import { parseStaged, readIfPresent } from './gather.js';
import { stagingKeys } from './keys.js';
import type { StagingStore } from './staging-store.js';

/** The review step's input: the scan, and the configured review settings (defaults otherwise). */
export const ReviewInput = z.strictObject({
  scanId: z.string().min(1),
  /** The config's `review` section, as the state machine holds it; it wins over `deps.review`. */
  review: ReviewConfig.optional(),
});
export type ReviewInput = z.input<typeof ReviewInput>;

/** What the review step did, also staged as `scans/<id>/review.json`. */
export const ReviewOutput = z.strictObject({
  scanId: z.string(),
  /** Why nothing was reviewed: no GitHub trail, or no state compared. */
  skipped: z.enum(['not-github', 'no-drift-report']).optional(),
  baseline: z.boolean(),
  opened: z.array(z.number()),
  updated: z.array(z.number()),
  closed: z.array(z.number()),
  dashboard: z.enum(['unchanged', 'created', 'updated']).optional(),
});
export type ReviewOutput = z.infer<typeof ReviewOutput>;

/** The review step's dependencies; without a reviewer (the trail is not on GitHub) it is skipped. */
export interface ReviewDeps {
  readonly staging: StagingStore;
  readonly reviewer?: Reviewer | undefined;
  /** For the accepted files on the base branch. */
  readonly trail: TrailStore;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly review?: Partial<ReviewSettings> | undefined;
}

/** The labels of every drift PR. */
export const PULL_LABELS = [REVIEW_LABEL, 'drift'] as const;

/** The labels of every prune PR. */
export const PRUNE_LABELS = [REVIEW_LABEL, 'prune'] as const;

/** The review defaults: two consecutive scans, ten open drift PRs. */
export const DEFAULT_REVIEW: ReviewSettings = { persistScans: 2, maxOpenPulls: 10 };

/**
 * Opens, updates and closes the drift PRs and keeps the dashboard issue, from the staged drift
 * report and commit; the review state lives in the dashboard. Writes nothing when nothing
 * changed. A retried step returns what it staged.
 */
export async function review(input: ReviewInput, deps: ReviewDeps): Promise<ReviewOutput> {
  const { scanId, review: configured } = ReviewInput.parse(input);
  const key = stagingKeys.review(scanId);
  const done = await readIfPresent(deps.staging, key);
  if (done !== undefined) return ReviewOutput.parse(done);
  const empty = { scanId, baseline: false, opened: [], updated: [], closed: [] };
  const staged = await readIfPresent(deps.staging, stagingKeys.drift(scanId));
  const { reviewer } = deps;
  if (!reviewer || staged === undefined) {
    return { ...empty, skipped: reviewer ? 'no-drift-report' : 'not-github' };
  }
  const { report, stale = [], codify = [] } = DriftStepOutput.parse(staged);
  const committed = await readIfPresent(deps.staging, stagingKeys.commit(scanId));
  const commitOutput = committed === undefined ? undefined : CommitOutput.parse(committed);
  const commit = commitOutput?.commit ?? null;
  const settings = { ...DEFAULT_REVIEW, ...deps.review, ...configured };

  const base = await reviewer.baseHead();
  const dashboard = await reviewer.findIssue(DASHBOARD_TITLE, REVIEW_LABEL);
  const state = dashboard === null ? null : parseStateComment(dashboard.body);
  const pulls = new Map<number, PullFacts>();
  for (const scope of Object.values(state?.scopes ?? {})) {
    for (const tracked of [scope.pull, scope.prune]) {
      if (!tracked) continue;
      const facts = await reviewer.pullFacts(tracked.number);
      if (facts) pulls.set(facts.number, facts);
    }
  }
  const staleByScope = new Map<string, StaleAccepted[]>();
  for (const { scope, entry, why } of stale) {
    staleByScope.set(scope, [...(staleByScope.get(scope) ?? []), { entry, why }]);
  }
  const planInput: PlanReviewInput = {
    report,
    scanId,
    commit,
    base,
    state,
    pulls,
    accepted: new Map(),
    settings,
    now: deps.clock.now(),
    codeOf: codeLookup(codify),
    changedBy: await changedByOf(deps.staging, scanId),
  };
  let plan = planReview(planInput);
  // Only scopes whose branch gets a commit need their accepted file read: plan again with them.
  const writing = plan.actions.flatMap((a) =>
    a.kind === 'open' || (a.kind === 'update' && a.commit) ? [a.scope] : [],
  );
  const accepted = await acceptedOf([...new Set([...writing, ...staleByScope.keys()])], deps.trail);
  if (writing.length > 0) plan = planReview({ ...planInput, accepted });
  plan = planPrune({ report, base, state, pulls, accepted, stale: staleByScope }, plan);

  const output: ReviewOutput = { ...empty, baseline: state === null };
  const next = structuredClone(plan.state);
  for (const action of plan.actions) {
    try {
      if (action.kind === 'open') {
        // Another scan (an overlapping one, or a retried Lambda) may have opened it meanwhile:
        // adopt it; the next scan brings its branch up to date on top of it.
        const adopted = await reviewer.findPull(action.branch);
        const number = adopted ? adopted.number : (await opened(reviewer, action, base)).number;
        const scope = next.scopes[action.scope] ?? { items: {} };
        next.scopes[action.scope] = action.prune
          ? {
              ...scope,
              prune: adopted
                ? { number, keys: [], file: '' }
                : { number, keys: [...action.prune.keys], file: action.prune.file, base: base.sha },
            }
          : { ...scope, pull: { number, keys: adopted ? [] : [...action.keys], base: base.sha } };
        if (!adopted) output.opened.push(number);
      } else if (action.kind === 'update') {
        if (action.commit) {
          await reviewer.commitToBranch({
            branch: action.branch,
            treeOf: base.sha,
            ...action.commit,
          });
        }
        const { number, result } = await reviewer.ensurePull({
          branch: action.branch,
          base: base.branch,
          title: action.title,
          body: action.body,
          labels: [...PULL_LABELS],
        });
        if (result !== 'unchanged' || action.commit) output.updated.push(number);
      } else if (action.kind === 'close') {
        await reviewer.ensureComment(action.number, 'resolved', action.comment);
        await reviewer.closePull(action.number);
        if (action.deleteBranch) await reviewer.deleteBranch(action.branch);
        output.closed.push(action.number);
      } else {
        await reviewer.deleteBranch(action.branch);
      }
    } catch (error) {
      if (!(error instanceof ReviewConflictError)) throw error;
      deps.logger.warn('Review branch is not as statetrail left it; leaving it alone', {
        branch: action.branch,
        error: error.message,
      });
    }
  }
  const body = renderDashboard({
    report,
    state: next,
    repoUrl: base.url,
    persistScans: settings.persistScans,
    handsOff: plan.handsOff,
    warnings: commitOutput?.warnings ?? [],
  });
  output.dashboard =
    dashboard !== null && sameBody(dashboard.body, body)
      ? 'unchanged'
      : (await reviewer.ensureIssue({ title: DASHBOARD_TITLE, labels: [REVIEW_LABEL], body }))
          .result;
  await deps.staging.put(key, output);
  return output;
}

/** An item's staged Terraform: unmanaged by scope, type and id; changed by address and attribute. */
export function codeLookup(findings: readonly CodifiedFinding[]): CodeOf {
  const byKey = new Map<string, CodifiedFinding>();
  const keyOf = (...parts: string[]) => parts.join('\u0000');
  for (const f of findings) {
    byKey.set(
      f.kind === 'unmanaged'
        ? keyOf(f.scope, f.kind, f.type, f.id)
        : keyOf(f.scope, f.kind, f.address, f.attribute),
      f,
    );
  }
  return (item) =>
    item.kind === 'unmanaged'
      ? byKey.get(keyOf(item.scope, item.kind, item.type, item.id))
      : item.kind === 'changed'
        ? byKey.get(keyOf(item.scope, item.kind, item.address, item.attribute ?? ''))
        : undefined;
}

async function opened(
  reviewer: Reviewer,
  action: Extract<ReviewAction, { kind: 'open' }>,
  base: BaseHead,
) {
  await reviewer.commitToBranch({ branch: action.branch, treeOf: base.sha, ...action.commit });
  return reviewer.ensurePull({
    branch: action.branch,
    base: base.branch,
    title: action.title,
    body: action.body,
    labels: action.prune ? [...PRUNE_LABELS] : [...PULL_LABELS],
  });
}

async function acceptedOf(
  scopes: readonly string[],
  trail: TrailStore,
): Promise<Map<string, readonly AcceptedEntry[]>> {
  const accepted = new Map<string, readonly AcceptedEntry[]>();
  for (const scope of scopes) {
    const path = acceptedFilePath(scope);
    const bytes = await trail.readFile(path);
    if (bytes === null) continue;
    accepted.set(scope, parseAcceptedFile(Buffer.from(bytes).toString('utf8'), path).entries);
  }
  return accepted;
}

/** Who changed each path, from the staged attribution (absent when the step did not run). */
async function changedByOf(
  staging: StagingStore,
  scanId: string,
): Promise<((item: { readonly path?: string }) => string | undefined) | undefined> {
  const staged = await readIfPresent(staging, stagingKeys.attribution(scanId));
  if (staged === undefined) return undefined;
  const attribution = parseStaged(Attribution, staged, 'attribution');
  const latest = new Map(
    attribution.paths.flatMap((entry) =>
      entry.events[0] ? [[entry.path, describeChange(entry.events[0])] as const] : [],
    ),
  );
  return (item) => (item.path === undefined ? undefined : latest.get(item.path));
}
