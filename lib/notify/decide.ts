import { createHash } from 'node:crypto';
import type { DriftReport } from '../drift/schema.js';
import type { Ledger, LedgerEntry } from './ledger.js';
import type { NotifyEntry, NotifyKind } from './message.js';

/** One thing a scan announces: its kind, the entries it is about, the scopes it names. */
export interface Announcement {
  kind: NotifyKind;
  entries: NotifyEntry[];
  /** The incomplete scopes, for `scan-failed`; the recovered ones, for `recovered`. */
  scopes?: string[];
}

/** A drift finding of the report, keyed and fingerprinted. */
interface Finding {
  key: string;
  entry: NotifyEntry;
  path?: string;
  fingerprint: string;
}

/** A short hash of what differs (values are hashed, never kept). */
function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20);
}

/** Every drifted resource of a report, with a key that names it and a fingerprint of its drift. */
function findingsOf(report: DriftReport): Finding[] {
  return [
    ...report.changed.map(
      (c): Finding => ({
        key: `changed:${c.path}#${c.address}`,
        entry: {
          drift: 'changed',
          type: c.type,
          id: c.id,
          address: c.address,
          attributes: c.changes.map((change) => change.attribute),
        },
        path: c.path,
        fingerprint: fingerprintOf(c.changes.map((ch) => [ch.attribute, ch.state, ch.cloud])),
      }),
    ),
    ...report.unmanaged.map(
      (u): Finding => ({
        key: `unmanaged:${u.path}`,
        entry: { drift: 'unmanaged', type: u.resourceType, id: u.id },
        path: u.path,
        fingerprint: fingerprintOf(['unmanaged', u.resourceType, u.id]),
      }),
    ),
    ...report.missing.map(
      (m): Finding => ({
        key: `missing:${m.state}#${m.address}`,
        entry: { drift: 'missing', type: m.type, id: m.id, address: m.address },
        fingerprint: fingerprintOf(['missing', m.type, m.id]),
      }),
    ),
  ];
}

function entryOf(kept: LedgerEntry): NotifyEntry {
  return {
    drift: kept.drift,
    type: kept.type,
    id: kept.id,
    ...(kept.address === undefined ? {} : { address: kept.address }),
  };
}

/**
 * Whether a finding that is no longer reported went away: only when this scan completed its
 * scope (a finding without a trail file, a missing resource, needs every scope complete). A scope
 * the scan did not finish, or was not asked for, is unknown, not resolved.
 */
function resolvedIn(kept: LedgerEntry, scopes: DriftReport['scopes']): boolean {
  if (kept.path === undefined) return scopes.length > 0 && scopes.every((s) => s.complete);
  const path = kept.path;
  return scopes.some((s) => s.complete && path.startsWith(`${s.scope}/`));
}

/** A ledger that says nothing: the commit step does not write one. */
export function isEmptyLedger(ledger: Ledger): boolean {
  return !ledger.baselined && ledger.failing.length === 0 && Object.keys(ledger.drift).length === 0;
}

/** What {@link decideNotifications} weighs. */
export interface DecideInput {
  /** The ledger in the trail; null before the first announcement (this scan is the baseline). */
  previous: Ledger | null;
  /** This scan's drift report, when it compared with Terraform state. */
  report: DriftReport | undefined;
  /** The scopes this scan could not complete. */
  incomplete: readonly string[];
  /** Consecutive scans a drift must persist before it is announced (`review.persistScans`). */
  persistScans: number;
}

/** The ledger after the scan, and what the scan announces. */
export interface Decision {
  ledger: Ledger;
  announcements: Announcement[];
}

function withEntries(kind: NotifyKind, entries: NotifyEntry[]): Announcement[] {
  return entries.length === 0 ? [] : [{ kind, entries }];
}

function healthOf(previous: readonly string[], incomplete: readonly string[]): Announcement[] {
  const before = new Set(previous);
  if (incomplete.some((scope) => !before.has(scope))) {
    return [{ kind: 'scan-failed', entries: [], scopes: [...incomplete].sort() }];
  }
  if (incomplete.length === 0 && previous.length > 0) {
    return [{ kind: 'recovered', entries: [], scopes: [...previous].sort() }];
  }
  return [];
}

/**
 * Decides what one scan announces, and the ledger that remembers it. Pure. Drift is announced
 * once it has persisted `persistScans` scans: as new, as changed (its fingerprint moved since it
 * was announced) or, once gone from a scope the scan completed, as resolved; drift already
 * announced is not announced again. The first scan with a report is the baseline: one summary of
 * everything. A scan that leaves a scope incomplete is announced once, and so is its recovery.
 */
export function decideNotifications(input: DecideInput): Decision {
  const { previous, report, incomplete, persistScans } = input;
  const failing = [...new Set(incomplete)].sort();
  const health = healthOf(previous?.failing ?? [], failing);
  if (report === undefined) {
    return {
      ledger: {
        version: 1,
        baselined: previous?.baselined ?? false,
        drift: previous?.drift ?? {},
        failing,
      },
      announcements: health,
    };
  }
  const findings = findingsOf(report);
  const drift: Record<string, LedgerEntry> = {};
  const record = (finding: Finding, streak: number, announced: string | null) => {
    const { drift: kind, type, id, address } = finding.entry;
    drift[finding.key] = {
      drift: kind,
      type,
      id,
      ...(address === undefined ? {} : { address }),
      ...(finding.path === undefined ? {} : { path: finding.path }),
      fingerprint: finding.fingerprint,
      streak,
      announced,
    };
  };
  if (previous === null || !previous.baselined) {
    for (const finding of findings) record(finding, persistScans, finding.fingerprint);
    return {
      ledger: { version: 1, baselined: true, drift, failing },
      announcements: [{ kind: 'baseline', entries: findings.map((f) => f.entry) }, ...health],
    };
  }
  const fresh: NotifyEntry[] = [];
  const changed: NotifyEntry[] = [];
  const resolved: NotifyEntry[] = [];
  for (const finding of findings) {
    const kept = previous.drift[finding.key];
    const streak =
      kept !== undefined && kept.fingerprint === finding.fingerprint
        ? Math.min(kept.streak + 1, persistScans)
        : 1;
    const announced = kept?.announced ?? null;
    if (streak >= persistScans && announced !== finding.fingerprint) {
      (announced === null ? fresh : changed).push(finding.entry);
      record(finding, streak, finding.fingerprint);
    } else {
      record(finding, streak, announced);
    }
  }
  for (const [key, kept] of Object.entries(previous.drift)) {
    if (key in drift) continue;
    if (!resolvedIn(kept, report.scopes)) drift[key] = kept;
    else if (kept.announced !== null) resolved.push(entryOf(kept));
  }
  return {
    ledger: { version: 1, baselined: true, drift, failing },
    announcements: [
      ...withEntries('new', fresh),
      ...withEntries('changed', changed),
      ...withEntries('resolved', resolved),
      ...health,
    ],
  };
}
