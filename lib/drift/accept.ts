import { createHash } from 'node:crypto';
import { isRecord } from '../model/kube.js';
import { SENSITIVE } from '../terraform/state-instance.js';
import { compareEntries } from './accept-file.js';
import {
  type AcceptedEntry,
  type AcceptedKind,
  kindOf,
  type ScopedEntry,
  untilInstant,
} from './accept-schema.js';
import { holdsSensitive } from './normalize-values.js';
import { compareText } from './report.js';
import type { DriftReport } from './schema.js';

/** The `attribute` of a report's `accepted` item that accepts a whole (unmanaged or missing) resource. */
export const WHOLE_RESOURCE = '*';

type Unmanaged = DriftReport['unmanaged'][number];
type Missing = DriftReport['missing'][number];

/**
 * JSON with object keys sorted by UTF-16 code units at every depth; undefined is null. The same
 * output as `canonicalKey` for JSON data, but defined here: fingerprints are stored in the trail,
 * so their canonical form must not move when the engine's comparison key is tuned.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort(compareText)
            .map((key) => [key, item[key]]),
        )
      : item,
  );
}

/** `sha256:<hex>` of a value's canonical JSON (keys sorted): what an accepted entry pins. */
export function fingerprintValue(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/** The `address` of an unmanaged resource's entry: `<terraform type>.<cloud id>`. */
export function unmanagedAddress(item: Unmanaged): string {
  return `${item.type}.${item.id}`;
}

/**
 * What an unmanaged resource's entry pins: where it is. The report holds no configuration, so an
 * unmanaged resource is accepted as existing outside Terraform, whatever its settings.
 */
export function unmanagedFingerprint(item: Unmanaged): string {
  return fingerprintValue({ path: item.path, resourceType: item.resourceType });
}

/** What a missing resource's entry pins: the cloud object that is gone (type and id). */
export function missingFingerprint(item: Missing): string {
  return fingerprintValue({ id: item.id, type: item.type });
}

/** `aws/<account>/<region>` (`k8s/<cluster>`) of a trail path, or undefined for another path. */
export function scopeOfPath(path: string): string | undefined {
  const parts = path.split('/');
  const length = parts[0] === 'aws' ? 3 : parts[0] === 'k8s' ? 2 : 0;
  return length > 0 && parts.length > length ? parts.slice(0, length).join('/') : undefined;
}

/** An entry that accepted a drift of the report. */
export interface AppliedAcceptance {
  readonly scope: string;
  readonly entry: AcceptedEntry;
  /** The report's address: the Terraform address, or `<type>.<id>` of an unmanaged resource. */
  readonly address: string;
  /** The accepted attribute, or `WHOLE_RESOURCE`. */
  readonly attribute: string;
}

/** Why an entry no longer applies: the review step prunes these. */
export type StaleReason = 'expired' | 'changed' | 'resolved' | 'sensitive';

/** An entry that no longer applies, and why. */
export interface StaleEntry extends ScopedEntry {
  readonly why: StaleReason;
}

/** The report minus accepted drift, what accepted it, and the entries that no longer apply. */
export interface AcceptanceResult {
  readonly report: DriftReport;
  /** The report's `accepted` items with their entries (reason, who approved), sorted. */
  readonly accepted: AppliedAcceptance[];
  readonly stale: StaleEntry[];
}

// Missing entries match whatever scope their file is in: a missing item's scope is not in the
// report, and their fingerprint (type and cloud id) already pins one object.
const ANY_SCOPE = '';
const key = (scope: string, kind: AcceptedKind, address: string, attribute: string) =>
  [scope, kind, address, attribute].join('\u0000');

class Matcher {
  readonly used = new Set<ScopedEntry>();
  readonly spoiled = new Map<ScopedEntry, StaleReason>();
  readonly accepted: AppliedAcceptance[] = [];

  constructor(private readonly live: ReadonlyMap<string, ScopedEntry[]>) {}

  /** Accepts the item when an entry under one of the keys pins `fingerprint` (null: never). */
  accept(keys: readonly string[], fingerprint: string | null, address: string, attribute: string) {
    const candidates = keys.flatMap((k) => this.live.get(k) ?? []);
    const match =
      fingerprint === null
        ? undefined
        : candidates.find((c) => c.entry.fingerprint === fingerprint);
    for (const candidate of candidates) {
      // Every entry pinning the value applies (the first one is reported); the others are spoiled.
      if (match !== undefined && candidate.entry.fingerprint === fingerprint) {
        this.used.add(candidate);
      } else if (!this.spoiled.has(candidate)) {
        this.spoiled.set(candidate, fingerprint === null ? 'sensitive' : 'changed');
      }
    }
    if (match === undefined) return false;
    this.accepted.push({ scope: match.scope, entry: match.entry, address, attribute });
    return true;
  }
}

/**
 * The report with the drift that `entries` accept taken out and listed in `accepted`; pure.
 *
 * An entry accepts a drift of its own scope whose (address, attribute) it names, while the
 * fingerprint of the drift's cloud value equals its own and its `until` is not past. A cloud value
 * that holds `(sensitive)` is unknown and never accepted. Entries that no longer apply come back
 * in `stale`: `expired`; `changed` (the cloud value moved: it alarms again); `sensitive`;
 * `resolved` (nothing drifts there any more, and the scope was complete: an incomplete scope
 * proves nothing, so its entries are kept).
 *
 * The summary's unmanaged, missing and changed count what is left (changed: resources with
 * changes left), `accepted` the accepted items. total, managed and coverage do not move:
 * accepting drift does not codify it, so coverage still measures what Terraform manages; hence
 * total = managed + unmanaged + missing + the resources accepted as a whole.
 */
export function applyAcceptance(
  report: DriftReport,
  entries: readonly ScopedEntry[],
  now: Date,
): AcceptanceResult {
  const at = now.getTime();
  const stale: StaleEntry[] = [];
  const live = new Map<string, ScopedEntry[]>();
  // Input order must not matter: of two entries pinning one value, the first in this order wins.
  const ordered = [...entries].sort(
    (a, b) =>
      compareText(a.scope, b.scope) ||
      compareEntries(a.entry, b.entry) ||
      compareText(canonicalJson(a.entry), canonicalJson(b.entry)),
  );
  for (const scoped of ordered) {
    const { until } = scoped.entry;
    if (until !== undefined && !(at < untilInstant(until))) {
      stale.push({ ...scoped, why: 'expired' });
      continue;
    }
    const kind = kindOf(scoped.entry);
    const scope = kind === 'missing' ? ANY_SCOPE : scoped.scope;
    const k = key(scope, kind, scoped.entry.address, scoped.entry.attribute ?? WHOLE_RESOURCE);
    live.set(k, [...(live.get(k) ?? []), scoped]);
  }
  const matcher = new Matcher(live);

  const changed: DriftReport['changed'] = [];
  for (const item of report.changed) {
    const scope = scopeOfPath(item.path);
    const addresses = [...new Set([item.address, ...(item.addresses ?? [])])];
    const left = item.changes.filter((change) => {
      if (scope === undefined) return true;
      const keys = addresses.map((address) => key(scope, 'changed', address, change.attribute));
      const fingerprint = holdsSensitive(change.cloud, SENSITIVE)
        ? null
        : fingerprintValue(change.cloud);
      return !matcher.accept(keys, fingerprint, item.address, change.attribute);
    });
    if (left.length === item.changes.length) changed.push(item);
    else if (left.length > 0) changed.push({ ...item, changes: left });
  }
  const unmanaged = report.unmanaged.filter((item) => {
    const scope = scopeOfPath(item.path);
    const address = unmanagedAddress(item);
    if (scope === undefined) return true;
    const keys = [key(scope, 'unmanaged', address, WHOLE_RESOURCE)];
    return !matcher.accept(keys, unmanagedFingerprint(item), address, WHOLE_RESOURCE);
  });
  const missing = report.missing.filter((item) => {
    const addresses = [...new Set([item.address, ...(item.addresses ?? [])])];
    const keys = addresses.map((address) => key(ANY_SCOPE, 'missing', address, WHOLE_RESOURCE));
    return !matcher.accept(keys, missingFingerprint(item), item.address, WHOLE_RESOURCE);
  });

  const complete = new Set(report.scopes.filter((s) => s.complete).map((s) => s.scope));
  for (const list of live.values()) {
    for (const scoped of list) {
      if (matcher.used.has(scoped)) continue;
      const why = matcher.spoiled.get(scoped);
      if (why !== undefined) stale.push({ ...scoped, why });
      else if (complete.has(scoped.scope)) stale.push({ ...scoped, why: 'resolved' });
    }
  }

  const accepted = [...matcher.accepted].sort(
    (a, b) =>
      compareText(a.address, b.address) ||
      compareText(a.attribute, b.attribute) ||
      compareText(a.scope, b.scope),
  );
  const items = acceptedItems(report.accepted, accepted);
  return {
    report: {
      ...report,
      summary: {
        ...report.summary,
        unmanaged: unmanaged.length,
        missing: missing.length,
        changed: changed.length,
        accepted: items.length,
      },
      unmanaged,
      missing,
      changed,
      accepted: items,
    },
    accepted,
    stale: stale.sort(
      (a, b) =>
        compareText(a.scope, b.scope) ||
        compareEntries(a.entry, b.entry) ||
        compareText(a.why, b.why),
    ),
  };
}

/**
 * The report's `accepted` items: one per (address, attribute), sorted; earlier items kept. Each
 * carries its entry's `until`, `reason` and `acceptedBy`, so the report says why and who.
 */
function acceptedItems(
  earlier: DriftReport['accepted'],
  applied: readonly AppliedAcceptance[],
): DriftReport['accepted'] {
  const items = new Map<string, DriftReport['accepted'][number]>();
  for (const item of earlier) items.set(`${item.address}\u0000${item.attribute}`, item);
  for (const { address, attribute, entry } of applied) {
    const k = `${address}\u0000${attribute}`;
    if (items.has(k)) continue;
    const { until, reason, acceptedBy } = entry;
    items.set(k, {
      address,
      attribute,
      ...(until === undefined ? {} : { until }),
      reason,
      ...(acceptedBy === undefined ? {} : { acceptedBy }),
    });
  }
  return [...items.values()].sort(
    (a, b) => compareText(a.address, b.address) || compareText(a.attribute, b.attribute),
  );
}
