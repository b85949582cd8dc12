import type { FileChange, Manifest } from './trail-store.js';

/** The changes that bring the trail to what a scan observed. */
export interface TrailDiff {
  readonly changes: FileChange[];
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
}

/** What a scan observed: its files by path (with their blob hashes) and the scopes it completed. */
export interface Observation {
  readonly files: ReadonlyMap<string, { readonly bytes: Uint8Array; readonly hash: string }>;
  /** Scopes (trail directories) the scan listed completely; only there may files be removed. */
  readonly completeScopes: readonly string[];
}

/**
 * Compares an observation with the trail by git blob hash. A file is removed only when its scope
 * completed in this scan: an incomplete scope is unknown, never empty. Pure; output sorted by path.
 */
export function diffTrail(manifest: Manifest, observation: Observation): TrailDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [path, file] of observation.files) {
    const previous = manifest.files.get(path);
    if (previous === undefined) added.push(path);
    else if (previous !== file.hash) changed.push(path);
  }
  const prefixes = observation.completeScopes.map((scope) => `${scope}/`);
  for (const path of manifest.files.keys()) {
    if (observation.files.has(path)) continue;
    if (prefixes.some((prefix) => path.startsWith(prefix))) removed.push(path);
  }
  added.sort();
  changed.sort();
  removed.sort();
  const changes: FileChange[] = [];
  for (const path of [...added, ...changed]) {
    changes.push({ path, content: observation.files.get(path)?.bytes ?? null });
  }
  for (const path of removed) changes.push({ path, content: null });
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, added, changed, removed };
}

/** Splits a diff by path: the paths `take` accepts, and the rest; each keeps its sort order. */
export function splitDiff(
  diff: TrailDiff,
  take: (path: string) => boolean,
): [TrailDiff, TrailDiff] {
  const part = (keep: (path: string) => boolean): TrailDiff => ({
    changes: diff.changes.filter((c) => keep(c.path)),
    added: diff.added.filter(keep),
    changed: diff.changed.filter(keep),
    removed: diff.removed.filter(keep),
  });
  return [part(take), part((path) => !take(path))];
}
