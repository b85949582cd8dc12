import type { KubeConfig } from '@kubernetes/client-node';
import { isRecord, type KubeObject, toKubeObject } from '../../model/kube.js';
import { KubeError, KubeObjectError } from '../../model/kube-errors.js';
import type { KubeResourceType } from './discover.js';
import { type KubeHttp, kubeHttp, statusMessage } from './http.js';

/** Why a type could not be listed. */
export type ListFailureReason =
  | 'forbidden'
  | 'unavailable'
  | 'throttled'
  | 'expired'
  | 'malformed'
  | 'failed';

/** Every object of a type, or why it could not be listed (a failure never throws). */
export type ListOutcome =
  | {
      readonly outcome: 'listed';
      readonly type: KubeResourceType;
      readonly objects: readonly KubeObject[];
      /** Listings restarted after an expired continue token. */
      readonly restarts: number;
    }
  | {
      readonly outcome: 'failed';
      readonly type: KubeResourceType;
      readonly reason: ListFailureReason;
      /** HTTP status, 0 when the server was not reached. */
      readonly status: number;
      readonly message: string;
    };

/** Paging of {@link listAll}. */
export interface ListOptions {
  /** Items per page (default 500, as kubectl). */
  readonly limit?: number;
  /** Restarts allowed after a 410 Gone (default 2); one more 410 is a failure. */
  readonly maxRestarts?: number;
  /** Pages one listing may take (default 10,000: 5 million objects at 500); more is a failure. */
  readonly maxPages?: number;
}

/** The collection path of a type across all namespaces. */
export function collectionPath(type: KubeResourceType): string {
  const root = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  return `${root}/${encodeURIComponent(type.resource)}`;
}

/**
 * Lists every object of a type across all namespaces, in pages (`limit` + `continue`, KEP-365).
 * A 410 Gone (continue token expired) restarts the listing from the start, up to `maxRestarts`
 * times; 403, 429, 5xx, transport errors, a 200 that is no list (HTML, a Status, `items` that is
 * null, missing or no array) and a paging loop (a continue token seen twice, more than `maxPages`
 * pages) become a failed outcome, never an empty list. Items get apiVersion and kind.
 */
export async function listAll(
  kc: KubeConfig | KubeHttp,
  type: KubeResourceType,
  options: ListOptions = {},
): Promise<ListOutcome> {
  const http = 'get' in kc ? kc : kubeHttp(kc);
  const limit = options.limit ?? 500;
  const maxRestarts = options.maxRestarts ?? 2;
  const maxPages = options.maxPages ?? 10_000;
  const typeMeta = {
    apiVersion: type.group === '' ? type.version : `${type.group}/${type.version}`,
    kind: type.kind,
  };
  const failed = (reason: ListFailureReason, status: number, message: string): ListOutcome => ({
    outcome: 'failed',
    type,
    reason,
    status,
    message,
  });
  let restarts = 0;
  let objects: KubeObject[] = [];
  let token: string | undefined;
  let pages = 0;
  const seen = new Set<string>();
  for (;;) {
    if (++pages > maxPages)
      return failed('malformed', 200, `the listing took more than ${maxPages} pages`);
    const query = `?limit=${limit}${token === undefined ? '' : `&continue=${encodeURIComponent(token)}`}`;
    let response: Awaited<ReturnType<KubeHttp['get']>>;
    try {
      response = await http.get(`${collectionPath(type)}${query}`);
    } catch (error) {
      // Transport errors, timeouts and credentials that fail mid-scan: this type is unknown.
      if (error instanceof KubeError) return failed('unavailable', 0, error.message);
      throw error;
    }
    if (response.status === 410 && token !== undefined) {
      // The snapshot the token pinned is compacted away: only a fresh listing is consistent.
      if (restarts >= maxRestarts) return failed('expired', 410, statusMessage(response));
      restarts++;
      objects = [];
      token = undefined;
      seen.clear();
      continue;
    }
    if (response.status !== 200) {
      return failed(reasonOf(response.status), response.status, statusMessage(response));
    }
    const items = listItems(response.body);
    if (typeof items === 'string') return failed('malformed', 200, items);
    try {
      for (const item of items) objects.push(toKubeObject(item, typeMeta));
    } catch (error) {
      if (error instanceof KubeObjectError) return failed('malformed', 200, error.message);
      throw error;
    }
    const metadata = isRecord(response.body) ? response.body['metadata'] : undefined;
    const next = isRecord(metadata) ? metadata['continue'] : undefined;
    if (typeof next !== 'string' || next === '')
      return { outcome: 'listed', type, objects, restarts };
    // A server that hands back a token it already gave would page forever.
    if (seen.has(next)) return failed('malformed', 200, 'the server repeated a continue token');
    seen.add(next);
    token = next;
  }
}

/**
 * The items of a 200 list answer, or why it is none: a real empty collection is `items: []`;
 * anything else (not JSON, a Status, `items` null, missing or no array) is a broken answer.
 */
function listItems(body: unknown): readonly unknown[] | string {
  if (!isRecord(body)) return 'the list answer is not a JSON object';
  if (body['kind'] === 'Status') return 'the list answer is a Status, not a list';
  const items = body['items'];
  if (items === null) return 'the list answer has null items';
  if (!Array.isArray(items))
    return `the list answer has ${items === undefined ? 'no' : 'non-list'} items`;
  return items;
}

function reasonOf(status: number): ListFailureReason {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  if (status === 410) return 'expired';
  return 'failed';
}
