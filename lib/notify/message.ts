import type { DriftReport } from '../drift/schema.js';

/** Why a message is sent: the when/dedupe step (not here yet) picks one. */
export const NOTIFY_KINDS = [
  'new',
  'changed',
  'resolved',
  'scan-failed',
  'recovered',
  'baseline',
] as const;
/** One of {@link NOTIFY_KINDS}. */
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** The three kinds of drift a message lists. */
export type EntryDrift = 'changed' | 'unmanaged' | 'missing';

/** One drifted resource in a message. */
export interface NotifyEntry {
  drift: EntryDrift;
  /** The Terraform type (changed, missing) or the trail's resource type (unmanaged). */
  type: string;
  id: string;
  /** The Terraform address, for changed and missing resources. */
  address?: string;
  /** The attributes that differ, for a changed resource. */
  attributes?: readonly string[];
  /** Who made the change, when attribution found it. */
  changedBy?: string;
}

/** A pull request a message links to. */
export interface NotifyPullLink {
  title: string;
  url: string;
}

/** Where a reader goes next. */
export interface NotifyLinks {
  pullRequests: readonly NotifyPullLink[];
  dashboard?: string;
  /** The full report: where "and N more" points. */
  report?: string;
}

/** The counts a message summarizes. */
export interface NotifyCounts {
  changed: number;
  unmanaged: number;
  missing: number;
  managed: number;
  total: number;
}

/** What every notifier renders: one scan's news, already reduced to what a reader needs. */
export interface NotifyMessage {
  scanId: string;
  kind: NotifyKind;
  generatedAt: string;
  counts: NotifyCounts;
  /** Changed first, then unmanaged, then missing; each in the report's (sorted) order. */
  entries: readonly NotifyEntry[];
  links: NotifyLinks;
  /** The scopes a failed or recovered scan names. */
  scopes?: readonly string[];
  /** Why a scan failed: the failing step's error name (never a value). */
  error?: string;
}

/** What {@link messageFromReport} needs besides the report. */
export interface MessageFromReportOptions {
  scanId: string;
  kind: NotifyKind;
  links?: NotifyLinks;
  /** Who changed a resource (by its id), from attribution; absent or undefined means unknown. */
  changedBy?: (entry: { drift: EntryDrift; type: string; id: string }) => string | undefined;
}

function withChangedBy(
  entry: NotifyEntry,
  changedBy: MessageFromReportOptions['changedBy'],
): NotifyEntry {
  const who = changedBy?.({ drift: entry.drift, type: entry.type, id: entry.id });
  return who === undefined ? entry : { ...entry, changedBy: who };
}

/** The message for one drift report: counts, the drifted entries and the links. Pure. */
export function messageFromReport(
  report: DriftReport,
  options: MessageFromReportOptions,
): NotifyMessage {
  const entries: NotifyEntry[] = [
    ...report.changed.map(
      (c): NotifyEntry => ({
        drift: 'changed',
        type: c.type,
        id: c.id,
        address: c.address,
        attributes: c.changes.map((change) => change.attribute),
      }),
    ),
    ...report.unmanaged.map(
      (u): NotifyEntry => ({ drift: 'unmanaged', type: u.resourceType, id: u.id }),
    ),
    ...report.missing.map(
      (m): NotifyEntry => ({ drift: 'missing', type: m.type, id: m.id, address: m.address }),
    ),
  ].map((entry) => withChangedBy(entry, options.changedBy));
  const { changed, unmanaged, missing, managed, total } = report.summary;
  return {
    scanId: options.scanId,
    kind: options.kind,
    generatedAt: report.generatedAt,
    counts: { changed, unmanaged, missing, managed, total },
    entries,
    links: options.links ?? { pullRequests: [] },
  };
}
