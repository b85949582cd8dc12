import { forLine } from '../snapshot/sanitize.js';
import type { Attribution, ChangeEvent } from './schema.js';

/** Changed-By trailers listed before the rest are counted instead. */
export const MAX_CHANGED_BY = 100;

/** Who, how and when of one change, on one line: `alice@example.com (cli, PutBucketPolicy, 2026-...)`. */
export function describeChange(event: ChangeEvent): string {
  return `${forLine(event.identity.display)} (${event.via}, ${forLine(event.eventName)}, ${event.time})`;
}

/**
 * The commit's `Changed-By:` trailers: the latest change of each committed path that attribution
 * found, then an `Attribution-Incomplete:` trailer counting committed paths it could not look up.
 */
export function changedByTrailers(
  attribution: Attribution,
  committed: ReadonlySet<string>,
): string[] {
  const trailers: string[] = [];
  const found = attribution.paths.filter((entry) => committed.has(entry.path));
  for (const entry of found.slice(0, MAX_CHANGED_BY)) {
    const [latest] = entry.events;
    if (latest) trailers.push(`Changed-By: ${describeChange(latest)} ${forLine(entry.path)}`);
  }
  if (found.length > MAX_CHANGED_BY) {
    trailers.push(`Changed-By-More: ${found.length - MAX_CHANGED_BY} paths`);
  }
  const skipped = attribution.skipped.filter((entry) => committed.has(entry.path));
  if (skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const { reason } of skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const detail = [...reasons].sort().map(([reason, count]) => `${reason} ${count}`);
    trailers.push(`Attribution-Incomplete: ${skipped.length} paths (${detail.join(', ')})`);
  }
  return trailers;
}
