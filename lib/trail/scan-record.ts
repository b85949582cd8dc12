import { z } from 'zod';
import type { ScopeStatus } from '../model/index.js';

/** The trail path of the scan record. */
export const SCAN_RECORD_PATH = '.statetrail/scan.json';

/** `.statetrail/scan.json`: every scope the trail holds and whether its last scan completed. No timestamps, so it changes only when completeness does. */
export const ScanRecord = z.strictObject({
  version: z.literal(1),
  /** The FORMAT_VERSION the files were written in; absent in trails from before it existed. */
  format: z.number().int().nonnegative().default(0),
  scopes: z.record(
    z.string(),
    z.strictObject({
      complete: z.boolean(),
      /** What fills the directory (a cluster's API server digest): another source may not. */
      source: z.string().optional(),
    }),
  ),
});
export type ScanRecord = z.infer<typeof ScanRecord>;

/** Parses a stored scan record; an unreadable one counts as empty (it is rewritten whole). */
export function parseScanRecord(bytes: Uint8Array | null): ScanRecord | null {
  if (bytes === null) return null;
  try {
    const parsed = ScanRecord.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The record after a scan: earlier scopes kept, this scan's scopes overwritten, written in `format`. */
export function mergeScanRecord(
  previous: ScanRecord | null,
  scopes: readonly ScopeStatus[],
  format: number,
): ScanRecord {
  type Entry = ScanRecord['scopes'][string];
  const merged: Record<string, Entry> = { ...(previous?.scopes ?? {}) };
  for (const { scope, complete, source } of scopes) {
    const known = source ?? merged[scope]?.source;
    merged[scope] = { complete, ...(known && { source: known }) };
  }
  const sorted: Record<string, Entry> = {};
  for (const scope of Object.keys(merged).sort()) {
    const entry = merged[scope];
    if (entry) sorted[scope] = entry;
  }
  return { version: 1, format, scopes: sorted };
}

/**
 * The scopes this scan read from another source than the one the trail holds for them (two
 * kubeconfig clusters both named `kubernetes`): their files must not mix or replace each other.
 */
export function foreignScopes(
  previous: ScanRecord | null,
  scopes: readonly ScopeStatus[],
): ScopeStatus[] {
  return scopes.filter(({ scope, source }) => {
    const held = previous?.scopes[scope]?.source;
    return source !== undefined && held !== undefined && held !== source;
  });
}

/** The record's canonical bytes. */
export function renderScanRecord(record: ScanRecord): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`);
}
