import { z } from 'zod';

/** Why a present drift opens no PR: it was there at the baseline, or its PR was closed unmerged. */
export const QUIET = ['baseline', 'snoozed'] as const;

/** One drift the review remembers between scans (keyed by DriftItem.identity). */
export const TrackedItem = z.strictObject({
  /** DriftItem.key: the value it drifted to. */
  key: z.string(),
  /** The scan that first saw it. */
  first: z.string(),
  /** Consecutive scans that saw it, counted up to `persistScans` only (then it stays put). */
  seen: z.number().int().positive(),
  /** The trail commit that recorded its value (the scan's commit, else the last one). */
  commit: z.string().nullable(),
  quiet: z.enum(QUIET).optional(),
});
export type TrackedItem = z.infer<typeof TrackedItem>;

/** The drift PR of a scope, as the review last left it. */
export const TrackedPull = z.strictObject({
  number: z.number().int().positive(),
  /** The items its branch accepts. */
  keys: z.array(z.string()),
  /** The base branch commit its last statetrail commit was made on. */
  base: z.string(),
});
export type TrackedPull = z.infer<typeof TrackedPull>;

/** The housekeeping PR that removes a scope's stale accepted entries. */
export const TrackedPrune = z.strictObject({
  number: z.number().int().positive(),
  /** The stale entries its branch removes (pruneKey). */
  keys: z.array(z.string()),
  /** A short hash of the accepted file its branch writes: a new one means a new commit. */
  file: z.string(),
  /** The base branch commit its last statetrail commit was made on (absent in older states). */
  base: z.string().optional(),
});
export type TrackedPrune = z.infer<typeof TrackedPrune>;

/** What the review keeps per scope. */
export const ScopeState = z.strictObject({
  items: z.record(z.string(), TrackedItem),
  pull: TrackedPull.optional(),
  prune: TrackedPrune.optional(),
  /** Stale entries whose removal a person declined (the prune PR closed unmerged): kept. */
  declined: z.array(z.string()).optional(),
});
export type ScopeState = z.infer<typeof ScopeState>;

/** The review state, kept in the dashboard issue's body (it survives Lambda invocations). */
export const ReviewState = z.strictObject({
  version: z.literal(1),
  /** The commit of the last scan that recorded a change. */
  lastCommit: z.string().nullable(),
  scopes: z.record(z.string(), ScopeState),
});
export type ReviewState = z.infer<typeof ReviewState>;

const MARKER = /<!-- statetrail-state: ([A-Za-z0-9+/=]*) -->/;

/** The hidden comment that carries the state in the dashboard body. */
export function stateComment(state: ReviewState): string {
  const payload = Buffer.from(JSON.stringify(state), 'utf8').toString('base64');
  return `<!-- statetrail-state: ${payload} -->`;
}

/**
 * The state a dashboard body carries; null when it carries none or an unreadable one (the review
 * then starts over as a baseline rather than trusting a payload someone edited).
 */
export function parseStateComment(body: string): ReviewState | null {
  const match = MARKER.exec(body);
  if (!match) return null;
  try {
    const parsed = ReviewState.safeParse(
      JSON.parse(Buffer.from(match[1] ?? '', 'base64').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
