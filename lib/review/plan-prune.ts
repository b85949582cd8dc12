import { createHash } from 'node:crypto';
import { fingerprintValue, type StaleReason } from '../drift/accept.js';
import { acceptedFilePath, formatAcceptedFile } from '../drift/accept-file.js';
import { type AcceptedEntry, kindOf } from '../drift/accept-schema.js';
import type { DriftReport } from '../drift/schema.js';
import { sameBody } from './body-hash.js';
import { driftItems, scopeSlug } from './drift-items.js';
import { codeSpan, md } from './markdown-text.js';
import { REVIEW_TRAILER, type ReviewAction, type ReviewPlan } from './plan-review.js';
import type { PullFacts } from './reviewer.js';
import type { ReviewState, ScopeState, TrackedPrune } from './state.js';

/** The prefix of every prune PR branch. */
export const PRUNE_PREFIX = 'statetrail/prune/';

/** The prune PR branch of a scope. */
export function pruneBranchOf(scope: string): string {
  return `${PRUNE_PREFIX}${scopeSlug(scope)}`;
}

/** An accepted entry of the base branch that no longer applies, and why. */
export interface StaleAccepted {
  readonly entry: AcceptedEntry;
  readonly why: StaleReason;
}

/** What the prune planner looks at, besides the drift plan: all plain data. */
export interface PlanPruneInput {
  readonly report: DriftReport;
  readonly base: { readonly sha: string };
  /** The state before this scan (null: the baseline). */
  readonly state: ReviewState | null;
  /** Facts of the prune PRs the state names, by number. */
  readonly pulls: ReadonlyMap<number, PullFacts>;
  /** The accepted entries on the base branch, by scope (for the scopes with stale entries). */
  readonly accepted: ReadonlyMap<string, readonly AcceptedEntry[]>;
  /** The drift step's stale entries, by scope. */
  readonly stale: ReadonlyMap<string, readonly StaleAccepted[]>;
}

/** A short stable id of a scope's entry, whatever its position in the file. */
export function pruneKey(scope: string, entry: AcceptedEntry): string {
  return fingerprintValue({ scope, entry }).slice('sha256:'.length, 'sha256:'.length + 16);
}

function fileHash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

const same = (a: AcceptedEntry, b: AcceptedEntry) => fingerprintValue(a) === fingerprintValue(b);

/**
 * Adds to a drift plan the housekeeping PRs (`statetrail/prune/<scope>`) that remove accepted
 * entries which no longer apply (expired, their drift resolved, or its value changed); pure.
 * An entry whose cloud value is masked is kept (unknown is not absent), and so is one whose target
 * still drifts on its way to a drift PR (whose merge replaces it). Only entries still on the
 * base branch, exactly as the drift step read them, are removed: every other entry stays. A scope
 * whose drift PR is open (or opens now) gets no prune PR, so two statetrail PRs never edit one
 * accepted file; a prune PR closed unmerged declines exactly those removals. Nothing stale,
 * nothing written.
 */
export function planPrune(input: PlanPruneInput, plan: ReviewPlan): ReviewPlan {
  const complete = new Map(input.report.scopes.map((s) => [s.scope, s.complete]));
  const previous = input.state?.scopes ?? {};
  const actions: ReviewAction[] = [...plan.actions];
  const handsOff = [...plan.handsOff];
  const scopes: Record<string, ScopeState> = { ...plan.state.scopes };
  const drifting = driftItems(input.report);
  const names = [...new Set([...Object.keys(previous), ...input.stale.keys()])].sort();
  for (const scope of names) {
    // Unknown is not absent: an incomplete scope keeps what the review knew (planReview kept it).
    if (complete.get(scope) !== true) continue;
    const before = previous[scope];
    const onBase = input.accepted.get(scope) ?? [];
    // A target that drifts on towards a drift PR is left to it: that PR's merge replaces the
    // entry, and a prune PR now would be closed as soon as the drift PR opens.
    const tracked = scopes[scope]?.items ?? {};
    const replacing = (drifting.get(scope) ?? []).filter(
      (item) => tracked[item.identity] !== undefined && !tracked[item.identity]?.quiet,
    );
    const stale = (input.stale.get(scope) ?? []).filter(
      (s) =>
        s.why !== 'sensitive' &&
        onBase.some((entry) => same(entry, s.entry)) &&
        !replacing.some(
          (item) =>
            item.kind === kindOf(s.entry) &&
            item.address === s.entry.address &&
            item.attribute === s.entry.attribute,
        ),
    );
    const staleKeys = new Set(stale.map((s) => pruneKey(scope, s.entry)));
    let declined = (before?.declined ?? []).filter((k) => staleKeys.has(k));
    let prune: TrackedPrune | undefined = before?.prune;
    const facts = prune ? input.pulls.get(prune.number) : undefined;
    if (prune && (facts === undefined || facts.state === 'closed')) {
      if (facts && !facts.merged) {
        declined = [...new Set([...declined, ...prune.keys.filter((k) => staleKeys.has(k))])];
      }
      if (facts?.head && (facts.merged || !facts.foreignCommits)) {
        actions.push({ kind: 'delete-branch', branch: pruneBranchOf(scope) });
      }
      prune = undefined;
    }
    const removing = stale.filter((s) => !declined.includes(pruneKey(scope, s.entry)));
    const drift =
      scopes[scope]?.pull !== undefined ||
      plan.actions.some((a) => a.kind === 'open' && a.scope === scope);
    const kept = onBase.filter((entry) => !removing.some((s) => same(entry, s.entry)));
    const content = formatAcceptedFile(kept);
    const keys = removing.map((s) => pruneKey(scope, s.entry));
    const body = renderPruneBody(scope, removing);
    const title = pruneTitle(scope, removing.length);
    const commit = (parents: readonly string[], expectedHead: string | null) => ({
      files: [{ path: acceptedFilePath(scope), content }],
      message: `statetrail: prune ${removing.length} stale accepted ${removing.length === 1 ? 'entry' : 'entries'} in ${scope}\n\n${REVIEW_TRAILER}: ${scope}\n`,
      parents,
      expectedHead,
    });
    if (prune && facts) {
      if (drift || removing.length === 0) {
        actions.push({
          kind: 'close',
          scope,
          number: prune.number,
          branch: pruneBranchOf(scope),
          comment: drift
            ? "This scope's drift pull request now edits its accepted file: closing this one; pruning resumes after it."
            : 'The entries this pull request proposed to remove apply again or are gone: closing it.',
          deleteBranch: !facts.foreignCommits,
        });
        prune = undefined;
      } else if (facts.foreignCommits) {
        handsOff.push(scope);
      } else if (!facts.approved) {
        const moved = prune.file !== fileHash(content) && facts.head !== null;
        if (moved || !sameBody(facts.body, body) || facts.title !== title) {
          actions.push({
            kind: 'update',
            scope,
            number: prune.number,
            branch: pruneBranchOf(scope),
            title,
            body,
            ...(moved && facts.head
              ? {
                  // A merge parent only when main moved since the branch's last commit.
                  commit: commit(
                    prune.base === input.base.sha ? [facts.head] : [facts.head, input.base.sha],
                    facts.head,
                  ),
                }
              : {}),
          });
        }
        prune = moved
          ? { number: prune.number, keys, file: fileHash(content), base: input.base.sha }
          : { ...prune, keys };
      }
    } else if (removing.length > 0 && !drift) {
      actions.push({
        kind: 'open',
        scope,
        branch: pruneBranchOf(scope),
        title,
        body,
        keys,
        commit: commit([input.base.sha], null),
        prune: { keys, file: fileHash(content) },
      });
    }
    const { prune: _p, declined: _d, ...rest } = scopes[scope] ?? { items: {} };
    const next: ScopeState = {
      ...rest,
      ...(prune ? { prune } : {}),
      ...(declined.length > 0 ? { declined } : {}),
    };
    if (Object.keys(next.items).length > 0 || next.pull || next.prune || next.declined) {
      scopes[scope] = next;
    } else {
      delete scopes[scope];
    }
  }
  return { actions, state: { ...plan.state, scopes }, handsOff };
}

/** The prune PR's title. */
export function pruneTitle(scope: string, count: number): string {
  return `statetrail: prune ${count} stale accepted ${count === 1 ? 'entry' : 'entries'} in ${scope}`;
}

const WHY: Record<StaleReason, string> = {
  expired: 'expired',
  resolved: 'the drift is gone (reverted, or Terraform now matches)',
  changed: 'the value changed since it was accepted',
  sensitive: 'the value is masked',
};

function renderPruneBody(scope: string, stale: readonly StaleAccepted[]): string {
  const path = acceptedFilePath(scope);
  return [
    `## Stale accepted drift in ${codeSpan(scope)}`,
    '',
    `These entries of \`${path}\` no longer apply. **Merging removes exactly these entries**; every other entry stays. Closing this PR unmerged keeps them.`,
    '',
    '| Kind | Address | Attribute | Reason | Accepted by | Why it is stale |',
    '| --- | --- | --- | --- | --- | --- |',
    ...stale.map(
      ({ entry, why }) =>
        `| ${entry.kind ?? 'changed'} | ${md(entry.address)} | ${entry.attribute === undefined ? '-' : md(entry.attribute)} | ${md(entry.reason)} | ${entry.acceptedBy === undefined ? '-' : md(entry.acceptedBy)} | ${WHY[why]}${why === 'expired' && entry.until ? ` (${md(entry.until)})` : ''} |`,
    ),
    '',
  ].join('\n');
}
