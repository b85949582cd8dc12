import { createHash } from 'node:crypto';
import {
  fingerprintValue,
  missingFingerprint,
  scopeOfPath,
  unmanagedAddress,
  unmanagedFingerprint,
} from '../drift/accept.js';
import { isAcceptedScope } from '../drift/accept-file.js';
import type { AcceptedEntry } from '../drift/accept-schema.js';
import { holdsSensitive } from '../drift/normalize-values.js';
import type { DriftReport } from '../drift/schema.js';
import { SENSITIVE } from '../terraform/state-instance.js';

/** One acceptable finding of a report: what a drift PR shows and what its entry pins. */
export interface DriftItem {
  /** A short stable id of (scope, kind, address, attribute): what drifts, whatever the value. */
  readonly identity: string;
  /** A short stable id of the identity and the value's fingerprint: changes with the value. */
  readonly key: string;
  readonly scope: string;
  readonly kind: 'changed' | 'unmanaged' | 'missing';
  readonly address: string;
  readonly attribute?: string;
  readonly id: string;
  readonly type: string;
  /** The trail file (changed, unmanaged). */
  readonly path?: string;
  readonly state?: unknown;
  readonly cloud?: unknown;
  readonly fingerprint: string;
}

/** The placeholder reason a drift PR's entries carry until the reviewer writes the real one. */
export const REASON_PLACEHOLDER =
  'Accepted by merging the statetrail drift pull request (edit: say why)';

function keyOf(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * The report's findings that a PR can propose to accept, by scope. Masked (sensitive) values
 * cannot be pinned and are left out; a missing resource goes to the report's only scope.
 */
export function driftItems(report: DriftReport): Map<string, DriftItem[]> {
  const byScope = new Map<string, DriftItem[]>();
  const add = (item: Omit<DriftItem, 'key' | 'identity'>) => {
    // Only a scope an accepted file can name can be proposed (and reviewed) at all.
    if (!isAcceptedScope(item.scope)) return;
    const identity = keyOf([item.scope, item.kind, item.address, item.attribute ?? '']);
    const key = keyOf([identity, item.fingerprint]);
    const list = byScope.get(item.scope) ?? [];
    if (!list.some((other) => other.identity === identity)) list.push({ ...item, identity, key });
    byScope.set(item.scope, list);
  };
  for (const item of report.changed) {
    const scope = scopeOfPath(item.path);
    if (scope === undefined) continue;
    for (const change of item.changes) {
      if (holdsSensitive(change.cloud, SENSITIVE)) continue;
      add({
        scope,
        kind: 'changed',
        address: item.address,
        attribute: change.attribute,
        id: item.id,
        type: item.type,
        path: item.path,
        state: change.state,
        cloud: change.cloud,
        fingerprint: fingerprintValue(change.cloud),
      });
    }
  }
  for (const item of report.unmanaged) {
    const scope = scopeOfPath(item.path);
    if (scope === undefined) continue;
    add({
      scope,
      kind: 'unmanaged',
      address: unmanagedAddress(item),
      id: item.id,
      type: item.type,
      path: item.path,
      fingerprint: unmanagedFingerprint(item),
    });
  }
  const only = report.scopes.length === 1 ? report.scopes[0]?.scope : undefined;
  for (const item of report.missing) {
    if (only === undefined) continue;
    add({
      scope: only,
      kind: 'missing',
      address: item.address,
      id: item.id,
      type: item.type,
      fingerprint: missingFingerprint(item),
    });
  }
  return byScope;
}

/** The accepted-file entry that accepts an item. */
export function entryOf(item: DriftItem, until: string | undefined): AcceptedEntry {
  return {
    ...(item.kind === 'changed' ? {} : { kind: item.kind }),
    address: item.address,
    ...(item.attribute === undefined ? {} : { attribute: item.attribute }),
    fingerprint: item.fingerprint,
    reason: REASON_PLACEHOLDER,
    ...(until === undefined ? {} : { until }),
  };
}

/** `aws/111111111111/eu-west-1` -> `aws-111111111111-eu-west-1`: a branch-name-safe slug. */
export function scopeSlug(scope: string): string {
  return scope.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}
