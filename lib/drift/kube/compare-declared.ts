import { isRecord, type KubeObject } from '../../model/kube.js';
import { cleanObject } from '../../snapshot/kube/clean.js';
import { SENSITIVE } from '../../terraform/state-instance.js';
import { holdsSensitive, sameCanonical } from '../normalize-values.js';
import type { DriftChange } from '../schema.js';
import { isFingerprint, normalizeQuantity } from './normalize.js';

// Identity, not configuration: how the object was found.
const IDENTITY = new Set(['apiVersion', 'kind']);
const IDENTITY_METADATA = new Set(['name', 'namespace']);

/**
 * The fields a manifest declares (`kubernetes_manifest`, `kubectl_manifest`, the patch types)
 * against the trail's object, as server-side apply sees them: only declared fields count, so
 * defaults, controller-added labels and other managers' fields are never drift. A declared field
 * the trail never holds (status, allocated addresses, autoscaled replicas: what cleaning drops)
 * is unknown; a field the trail could hold and does not is reported with `cloud: null`.
 */
export function compareDeclared(fields: Record<string, unknown>, cloud: KubeObject): DriftChange[] {
  const changes: DriftChange[] = [];
  const dropped = droppedByCleaning(fields, cloud);
  for (const key of Object.keys(fields).sort()) {
    if (IDENTITY.has(key) || key === 'status') continue;
    const value = fields[key];
    if (key === 'metadata' && isRecord(value)) {
      for (const field of Object.keys(value).sort()) {
        if (IDENTITY_METADATA.has(field)) continue;
        walk(value[field], at(cloud.metadata, field), `metadata.${field}`, dropped, changes);
      }
      continue;
    }
    walk(value, at(cloud, key), key, dropped, changes);
  }
  return changes;
}

// Own fields only: a declared `data.toString` is not Object.prototype's.
function at(parent: unknown, key: string): unknown {
  return isRecord(parent) && Object.hasOwn(parent, key) ? parent[key] : undefined;
}

function walk(
  state: unknown,
  cloud: unknown,
  path: string,
  dropped: ReadonlySet<string>,
  out: DriftChange[],
): void {
  // A masked value is unknown: never compared. A subtree holding one is walked (its other fields
  // still count) but never shown whole: `report` drops such a change.
  if (state === null || state === undefined || state === SENSITIVE) return;
  if (cloud === undefined || cloud === null) {
    if (isDropped(path, dropped) || isEmptyDeclaration(state) || isZero(state)) return;
    report(out, path, state, null);
    return;
  }
  if (isRecord(state)) {
    if (!isRecord(cloud)) {
      report(out, path, state, cloud);
      return;
    }
    for (const key of Object.keys(state).sort()) {
      walk(state[key], at(cloud, key), `${path}.${key}`, dropped, out);
    }
    return;
  }
  if (Array.isArray(state)) {
    walkList(state, cloud, path, dropped, out);
    return;
  }
  if (isFingerprint(cloud) || sameScalar(state, cloud, path)) return;
  out.push({ attribute: path, state, cloud });
}

// A change whose declared side holds a masked value is unknown: it would show `(sensitive)`.
function report(out: DriftChange[], path: string, state: unknown, cloud: unknown): void {
  if (!holdsSensitive(state, SENSITIVE)) out.push({ attribute: path, state, cloud });
}

// Cleaning that empties a map or list removes it whole (`dropIfEmpty`): only the parent's path
// is collected, and the trail may still hold the parent (other managers' annotations).
function isDropped(path: string, dropped: ReadonlySet<string>): boolean {
  if (dropped.has(path)) return true;
  for (const parent of dropped) {
    if (path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`)) return true;
  }
  return false;
}

/**
 * Lists of named items (containers, ports, env, volumes) match by name, as strategic merge and
 * server-side apply do; other lists compare item by item when the lengths agree, else whole.
 */
function walkList(
  state: readonly unknown[],
  cloud: unknown,
  path: string,
  dropped: ReadonlySet<string>,
  out: DriftChange[],
): void {
  if (!Array.isArray(cloud)) {
    report(out, path, state, cloud);
    return;
  }
  const key = mergeKey(state);
  if (key !== undefined) {
    for (const item of state) {
      const id = (item as Record<string, unknown>)[key];
      const match = cloud.find((candidate) => isRecord(candidate) && candidate[key] === id);
      walk(item, match, `${path}[${String(id)}]`, dropped, out);
    }
    return;
  }
  if (
    state.length === cloud.length &&
    state.some((item) => isRecord(item) || Array.isArray(item))
  ) {
    state.forEach((item, index) => {
      walk(item, cloud[index], `${path}[${index}]`, dropped, out);
    });
    return;
  }
  const same =
    state.length === cloud.length &&
    state.every((item, index) => sameScalar(item, cloud[index], path));
  if (!same) report(out, path, state, cloud);
}

// The fields lists are merged on (server-side apply's merge keys), tried in order: the first every
// declared item holds, with no two items alike (a volume mounted twice shares its `name`).
const MERGE_KEYS = ['name', 'mountPath', 'containerPort', 'port', 'devicePath', 'ip', 'key'];

/** The key a declared list's items are matched by, or undefined to match them by position. */
function mergeKey(items: readonly unknown[]): string | undefined {
  if (items.length === 0) return undefined;
  return MERGE_KEYS.find((key) => {
    const values = items.map((item) => (isRecord(item) ? item[key] : undefined));
    const scalar = values.every((v) => typeof v === 'string' || typeof v === 'number');
    return scalar && new Set(values).size === values.length;
  });
}

// `false`, `0` and `""` are what an absent field means: the API server omits them.
function isZero(value: unknown): boolean {
  return value === false || value === 0 || value === '';
}

// Where the API server holds quantities (and rewrites them canonically): resources, capacity,
// quotas and limit ranges, size limits, volume claims.
const QUANTITY_PATH =
  /(?:^|\.)(?:resources|limits|requests|capacity|hard|overhead|sizeLimit|storage|default|defaultRequest|min|max|maxLimitRequestRatio)(?:\.|\[|$)/;

/**
 * Two scalars alike as the API reads them: `80` and `"80"`, `true` and `"true"`; under a quantity
 * path, `1Gi` and `1024Mi` too (elsewhere `"1.10"` and `"1.1"` are different strings).
 */
function sameScalar(state: unknown, cloud: unknown, path: string): boolean {
  if (sameCanonical(state, cloud)) return true;
  if (isRecord(state) || isRecord(cloud) || Array.isArray(state) || Array.isArray(cloud)) {
    return false;
  }
  if (String(state) === String(cloud)) return true;
  if (!QUANTITY_PATH.test(path)) return false;
  return normalizeQuantity(state) === normalizeQuantity(cloud) && normalizeQuantity(state) !== null;
}

// `labels = {}` or `data = {}` declares nothing to hold.
function isEmptyDeclaration(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/**
 * The declared paths that cleaning removes from any object: what the trail never holds. Cleaning
 * the declaration itself tells, so this follows the cleaner as it changes.
 */
function droppedByCleaning(fields: Record<string, unknown>, cloud: KubeObject): Set<string> {
  const metadata = isRecord(fields['metadata']) ? fields['metadata'] : {};
  const probe = structuredClone({
    ...fields,
    apiVersion: cloud.apiVersion,
    kind: cloud.kind,
    metadata: { ...metadata, name: cloud.metadata.name },
  }) as KubeObject;
  const dropped = new Set<string>();
  collectDropped(probe, cleanObject(probe, { hpaTargets: new Set() }), '', dropped);
  // The API server defaults a workload's replicas: absent from the trail, an autoscaler owns them.
  const spec = cloud['spec'];
  if (isRecord(spec) && !('replicas' in spec)) dropped.add('spec.replicas');
  return dropped;
}

// Paths named as `walk` names them: `a.b`, `list[<merge key>]` for keyed items, `list[0]` otherwise.
function collectDropped(before: unknown, after: unknown, path: string, out: Set<string>): void {
  if (Array.isArray(before)) {
    if (!Array.isArray(after)) return;
    const key = mergeKey(before);
    before.forEach((item, index) => {
      const id = key === undefined ? undefined : (item as Record<string, unknown>)[key];
      const child = `${path}[${String(id ?? index)}]`;
      const match =
        key === undefined ? after[index] : after.find((c) => isRecord(c) && c[key] === id);
      if (match === undefined) out.add(child);
      else collectDropped(item, match, child, out);
    });
    return;
  }
  if (!isRecord(before)) return;
  for (const key of Object.keys(before)) {
    const child = path === '' ? key : `${path}.${key}`;
    if (!isRecord(after) || !Object.hasOwn(after, key)) out.add(child);
    else collectDropped(before[key], after[key], child, out);
  }
}
