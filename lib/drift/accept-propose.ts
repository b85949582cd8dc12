import { SENSITIVE } from '../terraform/state-instance.js';
import {
  fingerprintValue,
  missingFingerprint,
  scopeOfPath,
  unmanagedAddress,
  unmanagedFingerprint,
} from './accept.js';
import { AcceptanceError } from './accept-errors.js';
import { acceptedFilePath, compareEntries, isAcceptedScope } from './accept-file.js';
import { type AcceptedEntry, type AcceptedKind, kindOf, untilInstant } from './accept-schema.js';
import { holdsSensitive } from './normalize-values.js';
import { compareText } from './report.js';
import type { DriftReport } from './schema.js';

/** What every proposed entry says, and where a missing resource's entry goes. */
export interface AcceptanceOptions {
  readonly reason: string;
  /** `YYYY-MM-DD` (through the end of that day, UTC) or an ISO date-time with zone. */
  readonly until?: string;
  readonly acceptedBy?: string;
  /**
   * The scope of a missing resource, which the report does not carry. Without it, missing
   * resources go to the report's only scope, or are skipped as `unscoped` when it has several.
   */
  readonly scopeOf?: (item: DriftReport['missing'][number]) => string | undefined;
}

/** The entries one scope's file would gain. */
export interface ProposedFile {
  readonly scope: string;
  /** `.statetrail/accepted/<encoded scope>.yaml`. */
  readonly path: string;
  readonly entries: AcceptedEntry[];
}

/** A drift that cannot be accepted: its cloud value is masked, or its scope is not known. */
export interface NotProposed {
  readonly kind: AcceptedKind;
  readonly address: string;
  readonly attribute?: string;
  readonly why: 'sensitive' | 'unscoped';
}

/** What a drift PR proposes: entries per scope file (sorted by scope), and what it cannot. */
export interface AcceptanceProposal {
  readonly files: ProposedFile[];
  readonly skipped: NotProposed[];
}

/**
 * The entries that would accept everything `report` shows drifting (what a drift PR proposes),
 * grouped by scope file. Throws AcceptanceError for an empty reason or an invalid `until`.
 */
export function acceptanceEntriesFor(
  report: DriftReport,
  options: AcceptanceOptions,
): AcceptanceProposal {
  const common = commonFields(options);
  const files = new Map<string, AcceptedEntry[]>();
  const skipped: NotProposed[] = [];
  const add = (scope: string | undefined, entry: AcceptedEntry) => {
    if (scope === undefined || !isAcceptedScope(scope)) {
      const { address, attribute } = entry;
      const kind = kindOf(entry);
      skipped.push(
        attribute === undefined
          ? { kind, address, why: 'unscoped' }
          : { kind, address, attribute, why: 'unscoped' },
      );
      return;
    }
    files.set(scope, [...(files.get(scope) ?? []), entry]);
  };

  for (const item of report.changed) {
    for (const { attribute, cloud } of item.changes) {
      if (holdsSensitive(cloud, SENSITIVE)) {
        skipped.push({ kind: 'changed', address: item.address, attribute, why: 'sensitive' });
        continue;
      }
      const fingerprint = fingerprintValue(cloud);
      add(scopeOfPath(item.path), { address: item.address, attribute, fingerprint, ...common });
    }
  }
  for (const item of report.unmanaged) {
    const entry = { kind: 'unmanaged' as const, address: unmanagedAddress(item) };
    add(scopeOfPath(item.path), { ...entry, fingerprint: unmanagedFingerprint(item), ...common });
  }
  const onlyScope = report.scopes.length === 1 ? report.scopes[0]?.scope : undefined;
  for (const item of report.missing) {
    const scope = options.scopeOf === undefined ? onlyScope : options.scopeOf(item);
    const entry = { kind: 'missing' as const, address: item.address };
    add(scope, { ...entry, fingerprint: missingFingerprint(item), ...common });
  }

  return {
    files: [...files]
      .sort(([a], [b]) => compareText(a, b))
      .map(([scope, entries]) => ({
        scope,
        path: acceptedFilePath(scope),
        entries: unique(entries),
      })),
    skipped,
  };
}

function commonFields(
  options: AcceptanceOptions,
): Pick<AcceptedEntry, 'reason' | 'until' | 'acceptedBy'> {
  const reason = options.reason.trim();
  if (reason === '') throw new AcceptanceError('An acceptance needs a reason');
  if (options.until !== undefined && Number.isNaN(untilInstant(options.until))) {
    throw new AcceptanceError('until must be YYYY-MM-DD or an ISO date-time with a zone');
  }
  if (options.acceptedBy === '') throw new AcceptanceError('acceptedBy must not be empty');
  return {
    reason,
    ...(options.until === undefined ? {} : { until: options.until }),
    ...(options.acceptedBy === undefined ? {} : { acceptedBy: options.acceptedBy }),
  };
}

/** Sorted, without repeats (multi-instance resources can repeat a change). */
function unique(entries: readonly AcceptedEntry[]): AcceptedEntry[] {
  const sorted = [...entries].sort(compareEntries);
  return sorted.filter(
    (entry, i) => i === 0 || compareEntries(sorted[i - 1] as AcceptedEntry, entry) !== 0,
  );
}

/**
 * A file's entries after a merged PR: `proposed` replaces every existing entry of the same
 * (kind, address, attribute), whose pinned value is no longer the cloud's; the rest stay.
 */
export function mergeAcceptedEntries(
  existing: readonly AcceptedEntry[],
  proposed: readonly AcceptedEntry[],
): AcceptedEntry[] {
  const target = (e: AcceptedEntry) => [kindOf(e), e.address, e.attribute ?? ''].join('\u0000');
  const replaced = new Set(proposed.map(target));
  return unique([...existing.filter((e) => !replaced.has(target(e))), ...proposed]);
}
