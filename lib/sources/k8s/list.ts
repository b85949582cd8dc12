import type { KubeConfig } from '@kubernetes/client-node';
import { isRecord, type KubeObject, toKubeObject } from '../../model/kube.js';
import { KubeObjectError } from '../../model/kube-errors.js';
import { KubeTransportError } from './api-errors.js';
import type { KubeResourceType } from './discover.js';
import { type KubeHttp, kubeHttp, statusMessage } from './http.js';

/** Why a type could not be listed. */
export type ListFailureReason = 'forbidden' | 'unavailable' | 'expired' | 'malformed' | 'failed';

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
}

/** The collection path of a type across all namespaces. */
export function collectionPath(type: KubeResourceType): string {
  const root = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  return `${root}/${encodeURIComponent(type.resource)}`;
}

/**
 * Lists every object of a type across all namespaces, in pages (`limit` + `continue`, KEP-365).
 * A 410 Gone (continue token expired) restarts the listing from the start, up to `maxRestarts`
 * times; 403, 503 and other errors become a failed outcome. Items get apiVersion and kind.
 */
export async function listAll(
  kc: KubeConfig | KubeHttp,
  type: KubeResourceType,
  options: ListOptions = {},
): Promise<ListOutcome> {
  const http = 'get' in kc ? kc : kubeHttp(kc);
  const limit = options.limit ?? 500;
  const maxRestarts = options.maxRestarts ?? 2;
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
  for (;;) {
    const query = `?limit=${limit}${token === undefined ? '' : `&continue=${encodeURIComponent(token)}`}`;
    let response: Awaited<ReturnType<KubeHttp['get']>>;
    try {
      response = await http.get(`${collectionPath(type)}${query}`);
    } catch (error) {
      if (error instanceof KubeTransportError) return failed('failed', 0, error.message);
      throw error;
    }
    if (response.status === 410 && token !== undefined) {
      // The snapshot the token pinned is compacted away: only a fresh listing is consistent.
      if (restarts >= maxRestarts) return failed('expired', 410, statusMessage(response));
      restarts++;
      objects = [];
      token = undefined;
      continue;
    }
    if (response.status !== 200 || !isRecord(response.body)) {
      return failed(reasonOf(response.status), response.status, statusMessage(response));
    }
    const items = response.body['items'];
    try {
      for (const item of Array.isArray(items) ? items : [])
        objects.push(toKubeObject(item, typeMeta));
    } catch (error) {
      if (error instanceof KubeObjectError) return failed('malformed', 200, error.message);
      throw error;
    }
    const metadata = response.body['metadata'];
    const next = isRecord(metadata) ? metadata['continue'] : undefined;
    if (typeof next !== 'string' || next === '')
      return { outcome: 'listed', type, objects, restarts };
    token = next;
  }
}

function reasonOf(status: number): ListFailureReason {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 503) return 'unavailable';
  if (status === 410) return 'expired';
  return 'failed';
}
