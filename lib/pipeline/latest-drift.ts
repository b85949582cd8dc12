import { z } from 'zod';
import { buildReport } from '../drift/report.js';
import { DriftReport } from '../drift/schema.js';
import { readIfPresent } from './gather.js';
import { stagingKeys } from './keys.js';
import type { StagingStore } from './staging-store.js';

/**
 * `latest/drift.json` in the staging store: for every scope, the scan whose report last completed
 * it, and those reports (only while they are still some scope's latest). It lives outside
 * `scans/<id>/`, and each scan rewrites it, so it outlives the scans whose documents expire.
 */
export const LatestDrift = z.strictObject({
  version: z.literal(1),
  /** The scan of the newest report merged in. */
  latestScanId: z.string(),
  /** Per scope: the scan whose report last completed it; absent scanId: never completed yet. */
  scopes: z.record(z.string(), z.strictObject({ scanId: z.string().optional() })),
  reports: z.record(z.string(), DriftReport),
});
export type LatestDrift = z.infer<typeof LatestDrift>;

/**
 * Folds one scan's report into the latest results: each scope this report completed now takes
 * its result from it; the scopes it did not complete keep their earlier result (unknown is not
 * empty); reports no scope takes its result from any longer are dropped. Pure.
 */
export function mergeLatestDrift(
  previous: LatestDrift | undefined,
  scanId: string,
  report: DriftReport,
): LatestDrift {
  const scopes: LatestDrift['scopes'] = { ...(previous?.scopes ?? {}) };
  for (const { scope, complete } of report.scopes) {
    if (complete) scopes[scope] = { scanId };
    else scopes[scope] ??= {};
  }
  const reports: LatestDrift['reports'] = {};
  const all = { ...(previous?.reports ?? {}), [scanId]: report };
  for (const source of new Set(Object.values(scopes).flatMap((s) => s.scanId ?? []))) {
    const kept = all[source];
    if (kept) reports[source] = kept;
  }
  return { version: 1, latestScanId: scanId, scopes: sortKeys(scopes), reports: sortKeys(reports) };
}

/**
 * The drift report DESIGN's `GET /drift` answers: merged from the latest complete result of each
 * scope. Findings with a trail path come from their scope's latest report; `missing` and
 * `accepted` entries (the report names no scope for them) come from every report that is still
 * some scope's latest, once each. Each scope's counts (managed, missing) come from the report that
 * provides it, so the summary adds up the scopes' latest counts.
 */
export function renderLatestDrift(latest: LatestDrift): DriftReport {
  const newest = latest.reports[latest.latestScanId];
  const entries = {
    unmanaged: [] as DriftReport['unmanaged'],
    missing: [] as DriftReport['missing'],
    changed: [] as DriftReport['changed'],
    managedElsewhere: [] as DriftReport['managedElsewhere'],
  };
  const accepted: DriftReport['accepted'] = [];
  const seen = new Set<string>();
  const once = <T>(item: T, list: T[]) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return;
    seen.add(key);
    list.push(item);
  };
  const managedIn = new Map<string, number>();
  const missingIn = new Map<string, number>();
  for (const [scanId, report] of Object.entries(latest.reports)) {
    const completed = report.scopes.filter((s) => s.complete).map((s) => s.scope);
    const provided = completed.filter((scope) => latest.scopes[scope]?.scanId === scanId);
    const fromHere = (path: string) => provided.includes(scopeOfPath(path, completed) ?? '');
    entries.unmanaged.push(...report.unmanaged.filter((e) => fromHere(e.path)));
    entries.changed.push(...report.changed.filter((e) => fromHere(e.path)));
    entries.managedElsewhere.push(...report.managedElsewhere.filter((e) => fromHere(e.path)));
    for (const entry of report.missing) once(entry, entries.missing);
    for (const entry of report.accepted) once(entry, accepted);
    for (const status of report.scopes) {
      if (!provided.includes(status.scope)) continue;
      managedIn.set(status.scope, status.managed ?? 0);
      missingIn.set(status.scope, status.missing ?? 0);
    }
  }
  const scopes = Object.entries(latest.scopes).map(([scope, { scanId }]) => ({
    scope,
    complete: scanId !== undefined,
  }));
  const merged = buildReport({ ...entries, managedIn, missingIn }, scopes, new Date(0));
  return {
    ...merged,
    generatedAt: newest?.generatedAt ?? merged.generatedAt,
    summary: { ...merged.summary, accepted: accepted.length },
    accepted,
  };
}

/** The scope a trail path belongs to: the longest of the report's scopes it lies under. */
function scopeOfPath(path: string, scopes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const scope of scopes) {
    if (path.startsWith(`${scope}/`) && scope.length > (best?.length ?? -1)) best = scope;
  }
  return best;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** Reads the latest results (undefined before the first scan's drift step). */
export async function readLatestDrift(staging: StagingStore): Promise<LatestDrift | undefined> {
  const staged = await readIfPresent(staging, stagingKeys.latestDrift);
  return staged === undefined ? undefined : LatestDrift.parse(staged);
}

/** Folds a scan's report into `latest/drift.json`; a retried step folds the same report again, harmlessly. */
export async function publishLatestDrift(
  staging: StagingStore,
  scanId: string,
  report: DriftReport,
): Promise<void> {
  const previous = await readLatestDrift(staging);
  await staging.put(stagingKeys.latestDrift, mergeLatestDrift(previous, scanId, report));
}
