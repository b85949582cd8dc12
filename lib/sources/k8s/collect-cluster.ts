import type { KubeConfig } from '@kubernetes/client-node';
import { gvkOf, type KubeObject, type KubeRecord } from '../../model/kube.js';
import type { ExportFilter } from '../../model/kube-filter.js';
import type { CallCounts, ScanWarning, ScopeStatus, WarningCode } from '../../model/schema.js';
import { SnapshotPathError } from '../../snapshot/errors.js';
import { isExported } from '../../snapshot/kube/noise.js';
import { kubePath, kubeScope } from '../../snapshot/kube/path.js';
import { scaleTargets } from '../../snapshot/kube/scale-targets.js';
import { KubeCredentialError, KubeDiscoveryError, KubeTransportError } from './api-errors.js';
import { type DiscoveryFailure, discoverResources, type KubeResourceType } from './discover.js';
import { type KubeHttp, type KubeHttpOptions, kubeHttp, mapWithConcurrency } from './http.js';
import { type ListFailureReason, type ListOptions, listAll } from './list.js';
import { toKubeRecord } from './record.js';
import { typeExcluded } from './type-filter.js';

/** What exporting one cluster needs. */
export interface CollectClusterOptions extends ListOptions, KubeHttpOptions {
  /** The cluster's credentials (or a ready KubeHttp, for tests and wrappers). */
  readonly kc: KubeConfig | KubeHttp;
  /** The cluster's name in the trail (`k8s/<cluster>/...`). */
  readonly cluster: string;
  readonly filter: ExportFilter;
  /** Without it Secrets are skipped (one warning) and matching ConfigMap values redacted. */
  readonly hmacKey?: Uint8Array;
  readonly configMapKeyPatterns?: readonly RegExp[];
  /** Types listed at once (default 4). */
  readonly concurrency?: number;
  /** Where the credentials come from (`kubeconfig FILE, context NAME`), named in warnings. */
  readonly source?: string;
}

/** A type or group that was not read completely; it keeps the cluster scope incomplete. */
export interface TypeFailure {
  readonly group: string;
  readonly version?: string;
  /** Absent when a whole group failed in discovery. */
  readonly resource?: string;
  readonly reason: ListFailureReason | DiscoveryFailure['reason'];
  readonly message: string;
}

/** One cluster's export: records sorted by path, warnings, the cluster scope and its failures. */
export interface ClusterCollection {
  readonly records: readonly KubeRecord[];
  readonly warnings: readonly ScanWarning[];
  /**
   * One scope, `k8s/<cluster>`: complete only when discovery read every group that could hold an
   * exported type and every exported type was listed to the end. The commit step removes files by
   * path prefix, and a per-type scope is no prefix of `k8s/<cluster>/<ns>/<group>/<Kind>/...`.
   */
  readonly scopes: readonly ScopeStatus[];
  readonly failures: readonly TypeFailure[];
  readonly calls: CallCounts;
}

/**
 * Exports a cluster: discover -> list every exported type (a few at a time) -> HPA targets ->
 * `toKubeRecord` per exported object. Denied, unavailable and expired reads become failures and
 * warnings; only a kubeconfig with no current cluster throws.
 */
export async function collectCluster(options: CollectClusterOptions): Promise<ClusterCollection> {
  const http =
    'get' in options.kc
      ? options.kc
      : kubeHttp(options.kc, {
          ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
          ...(options.retry && { retry: options.retry }),
        });
  const scope = kubeScope(options.cluster);
  const warnings: ScanWarning[] = [];
  const failures: TypeFailure[] = [];
  const warn = (code: WarningCode, message: string, operation?: string): void => {
    warnings.push({ code, message, target: scope, scope, ...(operation && { operation }) });
  };
  const done = (records: KubeRecord[], complete: boolean): ClusterCollection => ({
    records,
    warnings,
    scopes: [{ scope, complete }],
    failures,
    calls: { kubernetes: http.calls() },
  });

  let discovery: Awaited<ReturnType<typeof discoverResources>>;
  try {
    discovery = await discoverResources(http);
  } catch (error) {
    if (error instanceof KubeCredentialError) {
      warn(
        'denied',
        `${scope}: ${options.source ?? 'the kubeconfig'}: ${error.message}`,
        'credentials',
      );
      return done([], false);
    }
    if (!(error instanceof KubeDiscoveryError || error instanceof KubeTransportError)) throw error;
    const reason = error instanceof KubeDiscoveryError ? error.reason : 'unavailable';
    warn(warningCode(reason), `${scope} discovery: ${error.message}`, 'discovery');
    return done([], false);
  }
  for (const failure of discovery.failures) {
    // A failed group that is excluded as a whole (metrics.k8s.io) holds nothing of the trail.
    if (typeExcluded({ group: failure.group, kind: '' }, options.filter, { wholeGroup: true }))
      continue;
    failures.push(failure);
    const where = `${failure.group || 'core'}${failure.version ? `/${failure.version}` : ''}`;
    warn(
      warningCode(failure.reason),
      `${scope} discovery of ${where}: ${failure.message}`,
      `discover ${failure.group || 'core'}`,
    );
  }

  const types = discovery.resources.filter((type) => !typeExcluded(type, options.filter));
  const listOptions = {
    ...(options.limit !== undefined && { limit: options.limit }),
    ...(options.maxRestarts !== undefined && { maxRestarts: options.maxRestarts }),
    ...(options.maxPages !== undefined && { maxPages: options.maxPages }),
  };
  const outcomes = await mapWithConcurrency(types, options.concurrency ?? 4, (type) =>
    listAll(http, type, listOptions),
  );
  const objects: KubeObject[] = [];
  for (const outcome of outcomes) {
    if (outcome.outcome === 'listed') {
      objects.push(...outcome.objects);
      continue;
    }
    const { type, reason, message } = outcome;
    failures.push({
      group: type.group,
      version: type.version,
      resource: type.resource,
      reason,
      message,
    });
    const gvr = `${type.group || 'core'}/${type.version}/${type.resource}`;
    warn(warningCode(reason), `${scope} list ${gvr}: ${message}`, `list ${typeName(type)}`);
  }

  const { records, skipped } = toRecords(objects, options, warn);
  // Secrets skipped for want of a key, and objects that have no trail path, are unknown, not
  // gone: the scope stays incomplete so the files an earlier run wrote are kept.
  return done(records, failures.length === 0 && skipped === 0);
}

function toRecords(
  objects: readonly KubeObject[],
  options: CollectClusterOptions,
  warn: (code: WarningCode, message: string, operation?: string) => void,
): { records: KubeRecord[]; skipped: number } {
  const hpaTargets = scaleTargets(objects);
  const records: KubeRecord[] = [];
  let skippedSecrets = 0;
  for (const object of objects) {
    if (!isExported(object, gvkOf(object), options.filter)) continue;
    const outcome = toKubeRecord(object, {
      cluster: options.cluster,
      hpaTargets,
      ...(options.hmacKey !== undefined && { key: options.hmacKey }),
      ...(options.configMapKeyPatterns !== undefined && {
        configMapKeyPatterns: options.configMapKeyPatterns,
      }),
    });
    if (outcome.outcome === 'record') records.push(outcome.record);
    else skippedSecrets++;
  }
  if (skippedSecrets > 0)
    warn(
      'failed',
      `${skippedSecrets} Secrets skipped: no HMAC key is configured`,
      'export secrets',
    );
  const { written, unwritable } = withPaths(records, warn);
  return { records: written, skipped: skippedSecrets + unwritable };
}

/**
 * The records sorted by path. One whose path cannot be made (an empty kind or name, a lone
 * surrogate) or would fold onto another's on a case-insensitive checkout is a warning naming it,
 * not a crash; it counts as unwritable so the scope stays incomplete and nothing of it is removed.
 */
function withPaths(
  records: readonly KubeRecord[],
  warn: (code: WarningCode, message: string, operation?: string) => void,
): { written: KubeRecord[]; unwritable: number } {
  const located: { record: KubeRecord; path: string }[] = [];
  let unwritable = 0;
  const skip = (record: KubeRecord, why: string) => {
    unwritable++;
    const where =
      record.namespace === undefined ? '' : ` in namespace ${JSON.stringify(record.namespace)}`;
    warn(
      'failed',
      `${JSON.stringify(record.kind)} ${JSON.stringify(record.name)}${where} not written: ${why}`,
      'write trail file',
    );
  };
  for (const record of records) {
    try {
      located.push({ record, path: kubePath(record) });
    } catch (error) {
      if (!(error instanceof SnapshotPathError)) throw error;
      skip(record, error.message);
    }
  }
  located.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const folded = new Set<string>();
  const written: KubeRecord[] = [];
  for (const { record, path } of located) {
    const key = path.toLowerCase();
    if (folded.has(key)) skip(record, 'its path differs from another only in case');
    else {
      folded.add(key);
      written.push(record);
    }
  }
  return { written, unwritable };
}

function warningCode(reason: TypeFailure['reason']): WarningCode {
  if (reason === 'forbidden') return 'denied';
  if (reason === 'throttled') return 'throttled';
  if (reason === 'unavailable' || reason === 'stale') return 'unreachable';
  if (reason === 'malformed') return 'malformed';
  return 'failed';
}

function typeName(type: KubeResourceType): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`;
}
