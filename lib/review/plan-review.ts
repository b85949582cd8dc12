import { acceptedFilePath, formatAcceptedFile } from '../drift/accept-file.js';
import { mergeAcceptedEntries } from '../drift/accept-propose.js';
import type { AcceptedEntry } from '../drift/accept-schema.js';
import type { DriftReport } from '../drift/schema.js';
import { sameBody } from './body-hash.js';
import { type CodeOf, importsFileOf, importsFilePath } from './codify-section.js';
import { type DriftItem, driftItems, entryOf, scopeSlug } from './drift-items.js';
import { pullTitle, renderPullBody } from './render-pull.js';
import type { BranchFile, PullFacts } from './reviewer.js';
import type { ReviewState, ScopeState, TrackedItem } from './state.js';

/** How the review behaves (config `review`). */
export interface ReviewSettings {
  /** Consecutive scans a drift must persist before it opens a PR. @default 2 */
  readonly persistScans: number;
  /** Open drift PRs at most; the rest wait on the dashboard. @default 10 */
  readonly maxOpenPulls: number;
  /** Proposed entries expire this many days after the PR is written. */
  readonly acceptDays?: number | undefined;
}

/** Everything the planner looks at: all plain data. */
export interface PlanReviewInput {
  readonly report: DriftReport;
  readonly scanId: string;
  /** The commit this scan wrote, or null when it changed nothing. */
  readonly commit: string | null;
  /** The base branch's head and the repository's web address. */
  readonly base: { readonly sha: string; readonly url: string };
  /** The state from the dashboard, null when there is no dashboard yet (the baseline). */
  readonly state: ReviewState | null;
  /** Facts of the PRs the state names, by number (absent: the PR is gone). */
  readonly pulls: ReadonlyMap<number, PullFacts>;
  /** The accepted entries on the base branch, by scope. */
  readonly accepted: ReadonlyMap<string, readonly AcceptedEntry[]>;
  readonly settings: ReviewSettings;
  /** For `acceptDays`. */
  readonly now: Date;
  /** The Terraform that resolves each item (codify): in the body and the branch's imports.tf. */
  readonly codeOf?: CodeOf | undefined;
  /** Who changed an item (the attribute step's latest event for its path). */
  readonly changedBy?: ((item: DriftItem) => string | undefined) | undefined;
}

/** A statetrail commit a PR's branch needs. */
export interface PlannedCommit {
  readonly files: readonly BranchFile[];
  readonly message: string;
  readonly parents: readonly string[];
  readonly expectedHead: string | null;
}

/** One thing the review does on GitHub. */
export type ReviewAction =
  | {
      readonly kind: 'open';
      readonly scope: string;
      readonly branch: string;
      readonly title: string;
      readonly body: string;
      readonly keys: readonly string[];
      readonly commit: PlannedCommit;
      /** Set for a prune PR: what the state tracks once it has a number. */
      readonly prune?: { readonly keys: readonly string[]; readonly file: string };
    }
  | {
      readonly kind: 'update';
      readonly scope: string;
      readonly number: number;
      readonly branch: string;
      readonly title: string;
      readonly body: string;
      readonly commit?: PlannedCommit;
    }
  | {
      readonly kind: 'close';
      readonly scope: string;
      readonly number: number;
      readonly branch: string;
      readonly comment: string;
      readonly deleteBranch: boolean;
    }
  | { readonly kind: 'delete-branch'; readonly branch: string };

/** What the planner decided: the actions, and the state after them (opened PRs still unnumbered). */
export interface ReviewPlan {
  readonly actions: ReviewAction[];
  readonly state: ReviewState;
  /** Scopes whose PR a person pushed to: statetrail leaves them alone. */
  readonly handsOff: string[];
}

/** The prefix of every drift PR branch. */
export const BRANCH_PREFIX = 'statetrail/drift/';
/** The trailer that marks statetrail's own commits on a review branch. */
export const REVIEW_TRAILER = 'Statetrail-Review';

/** The PR branch of a scope. */
export function branchOf(scope: string): string {
  return `${BRANCH_PREFIX}${scopeSlug(scope)}`;
}

/**
 * Drift report + review state + the PRs' facts -> what to do on GitHub (pure). Drift opens a PR
 * once it persisted `persistScans` scans; the baseline and snoozed drift open none; an approved
 * PR takes no new drift; a branch someone pushed to is left alone; at most `maxOpenPulls` open.
 */
export function planReview(input: PlanReviewInput): ReviewPlan {
  const { report, settings } = input;
  const baseline = input.state === null;
  const previous = input.state?.scopes ?? {};
  const complete = new Map(report.scopes.map((s) => [s.scope, s.complete]));
  const current = driftItems(report);
  const lastCommit = input.commit ?? input.state?.lastCommit ?? null;
  const scopes: Record<string, ScopeState> = {};
  const actions: ReviewAction[] = [];
  const handsOff: string[] = [];
  const names = [...new Set([...Object.keys(previous), ...current.keys()])].sort();
  const waiting: { scope: string; items: DriftItem[] }[] = [];
  let open = 0;

  for (const scope of names) {
    const before = previous[scope];
    if (complete.get(scope) !== true && before) {
      // Unknown is not absent: a scope this scan did not complete keeps what the review knew.
      scopes[scope] = before;
      if (before.pull) open += 1;
      continue;
    }
    const present = current.get(scope) ?? [];
    const items: Record<string, TrackedItem> = {};
    for (const item of present) {
      const was = before?.items[item.identity];
      // A new value is a new observation: it is no longer what was snoozed or baselined.
      const same = was?.key === item.key;
      // A drift in an open PR that moves on keeps its count (the PR follows it); elsewhere a new
      // value counts from one again, like any new drift.
      const followed = was !== undefined && before?.pull?.keys.includes(was.key) === true;
      const count = same || followed ? (was?.seen ?? 0) : 0;
      items[item.identity] = {
        key: item.key,
        first: was?.first ?? input.scanId,
        seen: baseline ? settings.persistScans : Math.min(settings.persistScans, count + 1),
        commit: same ? (was?.commit ?? lastCommit) : lastCommit,
        ...(baseline
          ? { quiet: 'baseline' as const }
          : same && was?.quiet
            ? { quiet: was.quiet }
            : {}),
      };
    }
    let pull = before?.pull;
    const facts = pull ? input.pulls.get(pull.number) : undefined;
    if (pull && (facts === undefined || facts.state === 'closed')) {
      if (facts && !facts.merged) {
        // Closed unmerged: a snooze of exactly the drift it proposed.
        for (const [identity, item] of Object.entries(items)) {
          if (pull.keys.includes(item.key)) items[identity] = { ...item, quiet: 'snoozed' };
        }
      }
      if (facts?.head && (facts.merged || !facts.foreignCommits)) {
        actions.push({ kind: 'delete-branch', branch: branchOf(scope) });
      }
      pull = undefined;
    }
    const due = present.filter((item) => {
      const tracked = items[item.identity];
      return tracked !== undefined && tracked.seen >= settings.persistScans && !tracked.quiet;
    });
    const commitOf = (item: DriftItem) => items[item.identity]?.commit ?? null;
    if (pull && facts) {
      if (due.length === 0) {
        actions.push({
          kind: 'close',
          scope,
          number: pull.number,
          branch: branchOf(scope),
          comment:
            'The drift this pull request proposed to accept is gone (reverted, or Terraform now matches): closing it.',
          deleteBranch: !facts.foreignCommits,
        });
        pull = undefined;
      } else if (facts.foreignCommits) {
        handsOff.push(scope);
        open += 1;
      } else if (facts.approved) {
        // Approved: it stays as the reviewer saw it; new drift waits for the next PR.
        if (due.some((item) => !pull?.keys.includes(item.key))) {
          waiting.push({ scope, items: due.filter((item) => !pull?.keys.includes(item.key)) });
        }
        open += 1;
      } else {
        const keys = due.map((item) => item.key);
        const same = keys.length === pull.keys.length && keys.every((k) => pull?.keys.includes(k));
        const body = renderPullBody({
          scope,
          items: due,
          repoUrl: input.base.url,
          commitOf,
          codeOf: input.codeOf,
          changedBy: input.changedBy,
        });
        const commit =
          same || facts.head === null
            ? undefined
            : {
                files: branchFiles(scope, due, input),
                message: commitMessage(scope, due.length),
                parents: pull.base === input.base.sha ? [facts.head] : [facts.head, input.base.sha],
                expectedHead: facts.head,
              };
        const title = pullTitle(scope, due.length);
        if (commit || !sameBody(facts.body, body) || facts.title !== title) {
          actions.push({
            kind: 'update',
            scope,
            number: pull.number,
            branch: branchOf(scope),
            title,
            body,
            ...(commit ? { commit } : {}),
          });
        }
        pull = { number: pull.number, keys, base: commit ? input.base.sha : pull.base };
        open += 1;
      }
    } else if (due.length > 0) {
      waiting.push({ scope, items: due });
    }
    if (Object.keys(items).length > 0 || pull) {
      scopes[scope] = { items, ...(pull ? { pull } : {}) };
    }
  }

  for (const { scope, items } of waiting) {
    if (scopes[scope]?.pull || open >= settings.maxOpenPulls) continue;
    const tracked = scopes[scope]?.items ?? {};
    actions.push({
      kind: 'open',
      scope,
      branch: branchOf(scope),
      title: pullTitle(scope, items.length),
      body: renderPullBody({
        scope,
        items,
        repoUrl: input.base.url,
        commitOf: (item) => tracked[item.identity]?.commit ?? null,
        codeOf: input.codeOf,
        changedBy: input.changedBy,
      }),
      keys: items.map((item) => item.key),
      commit: {
        files: branchFiles(scope, items, input),
        message: commitMessage(scope, items.length),
        parents: [input.base.sha],
        expectedHead: null,
      },
    });
    open += 1;
  }
  return { actions, state: { version: 1, lastCommit, scopes }, handsOff };
}

// The accepted file, and the scope's imports.tf when codify wrote blocks for its items.
function branchFiles(scope: string, items: readonly DriftItem[], input: PlanReviewInput) {
  const imports = importsFileOf(items, input.codeOf);
  return [
    acceptedFile(scope, items, input),
    ...(imports === null ? [] : [{ path: importsFilePath(scope), content: imports }]),
  ];
}

function acceptedFile(scope: string, items: readonly DriftItem[], input: PlanReviewInput) {
  const days = input.settings.acceptDays;
  const until =
    days === undefined
      ? undefined
      : new Date(input.now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const proposed = items.map((item) => entryOf(item, until));
  const entries = mergeAcceptedEntries(input.accepted.get(scope) ?? [], proposed);
  return { path: acceptedFilePath(scope), content: formatAcceptedFile(entries) };
}

function commitMessage(scope: string, count: number): string {
  return `statetrail: accept ${count} drift ${count === 1 ? 'finding' : 'findings'} in ${scope}\n\n${REVIEW_TRAILER}: ${scope}\n`;
}
