import type { ScopeStatus } from '../model/schema.js';
import { canonicalKey } from './normalize-values.js';
import type { DriftChange, DriftReport } from './schema.js';

export type { DriftChange, DriftReport } from './schema.js';

type Entries = Pick<DriftReport, 'unmanaged' | 'missing' | 'changed' | 'managedElsewhere'>;

/** Counts per account and region (or cluster), keyed by {@link regionScope}. */
export type ScopeCounts = Map<string, number>;

/** Adds one to a scope's count. */
export function countIn(counts: ScopeCounts, scope: string): void {
  counts.set(scope, (counts.get(scope) ?? 0) + 1);
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A changed entry, AWS or Kubernetes: the first of `addresses` (sorted) names it, all of them
 * are listed when several instances declare the resource, and the changes are in attribute
 * order (then by value, so the same input gives the same bytes).
 */
export function changedEntry(
  addresses: readonly string[],
  type: string,
  id: string,
  path: string,
  changes: Iterable<DriftChange>,
): DriftReport['changed'][number] {
  return {
    address: addresses[0] ?? '',
    ...(addresses.length > 1 ? { addresses: [...addresses] } : {}),
    type,
    id,
    path,
    changes: [...changes].sort(
      (a, b) =>
        compareText(a.attribute, b.attribute) || compareText(canonicalKey(a), canonicalKey(b)),
    ),
  };
}

function byKeys<T>(...keys: ((item: T) => string)[]) {
  return (a: T, b: T) => {
    for (const key of keys) {
      const order = compareText(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** `aws/<account>/<region>` of a type scope or a path (`k8s/<cluster>` of a Kubernetes one). */
export function regionScope(scope: string): string {
  const parts = scope.split('/');
  return parts.slice(0, parts[0] === 'aws' ? 3 : 2).join('/');
}

/** Type scopes folded per account and region: complete when every type scope under it is. */
export function aggregateScopes(scopes: readonly ScopeStatus[]): DriftReport['scopes'] {
  const complete = new Map<string, boolean>();
  for (const { scope, complete: done } of scopes) {
    const key = regionScope(scope);
    complete.set(key, (complete.get(key) ?? true) && done);
  }
  return [...complete]
    .sort(([a], [b]) => compareText(a, b))
    .map(([scope, done]) => ({ scope, complete: done }));
}

/** What a report is built from: its entries, and the managed and missing counts per scope. */
export type ReportEntries = Entries & {
  readonly managedIn: ScopeCounts;
  readonly missingIn: ScopeCounts;
};

/** A report from its entries, sorted by (type, id) then address, with its summary. */
export function buildReport(
  entries: ReportEntries,
  scopes: readonly ScopeStatus[],
  now: Date,
): DriftReport {
  let managed = 0;
  for (const count of entries.managedIn.values()) managed += count;
  const unmanaged = entries.unmanaged.length;
  const missing = entries.missing.length;
  const denominator = managed + unmanaged + missing;
  const unmanagedIn: ScopeCounts = new Map();
  for (const entry of entries.unmanaged) countIn(unmanagedIn, regionScope(entry.path));
  return {
    version: 1,
    // DESIGN's form: seconds, no milliseconds.
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    scopes: aggregateScopes(scopes).map((status) => {
      const counts = {
        managed: entries.managedIn.get(status.scope) ?? 0,
        unmanaged: unmanagedIn.get(status.scope) ?? 0,
        missing: entries.missingIn.get(status.scope) ?? 0,
      };
      const compared = counts.managed + counts.unmanaged + counts.missing;
      return { ...status, ...counts, coverage: compared === 0 ? 0 : counts.managed / compared };
    }),
    summary: {
      total: denominator,
      managed,
      unmanaged,
      missing,
      changed: entries.changed.length,
      managedElsewhere: entries.managedElsewhere.length,
      accepted: 0,
      // Nothing compared is no coverage to speak of; 0 rather than NaN keeps the JSON valid.
      coverage: denominator === 0 ? 0 : managed / denominator,
    },
    unmanaged: [...entries.unmanaged].sort(
      byKeys(
        (e) => e.type,
        (e) => e.id,
        (e) => e.path,
      ),
    ),
    missing: [...entries.missing].sort(
      byKeys(
        (e) => e.type,
        (e) => e.id,
        (e) => e.address,
      ),
    ),
    changed: [...entries.changed].sort(
      byKeys(
        (e) => e.type,
        (e) => e.id,
        (e) => e.address,
      ),
    ),
    managedElsewhere: [...entries.managedElsewhere].sort(
      byKeys(
        (e) => e.resourceType,
        (e) => e.id,
      ),
    ),
    accepted: [],
  };
}
