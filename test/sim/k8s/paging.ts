import { badContinue } from './status.js';
import type { KubeObject } from './types.js';

/** The decoded continue token, shaped like the API server's own (`meta.k8s.io/v1`). */
export interface ContinueToken {
  /** The list's resourceVersion (the snapshot the chunks belong to). */
  rv: number;
  /** The storage key the next chunk starts at. */
  start: string;
}

/** One chunk of a list and what the client needs for the next. */
export interface Page {
  items: readonly KubeObject[];
  resourceVersion: number;
  continue?: string;
  remainingItemCount?: number;
}

/** Encodes a token as the API server does: base64url (unpadded) JSON. */
export function encodeContinue(token: ContinueToken): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start });
  return Buffer.from(json).toString('base64url');
}

/** Decodes a client's token; throws a 400 Status error when it is not one of ours. */
export function decodeContinue(text: string): ContinueToken {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw badContinue('illegal base64 data at input byte 0');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badContinue('invalid character looking for beginning of value');
  }
  const value = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (value.v !== 'meta.k8s.io/v1') throw badContinue('server does not recognize this encoded key');
  if (typeof value.rv !== 'number' || typeof value.start !== 'string' || value.start === '')
    throw badContinue('encoded key is missing its revision or start key');
  return { rv: value.rv, start: value.start };
}

/**
 * The chunk of a sorted collection a list call asks for. The token carries the key after the
 * last item (`key\0`), so objects written between chunks are seen or skipped by key, never twice.
 */
export function pageOf(
  keys: readonly string[],
  objects: readonly KubeObject[],
  request: { limit?: number; token?: ContinueToken; currentRv: number },
): Page {
  const rv = request.token?.rv ?? request.currentRv;
  const from = request.token ? lowerBound(keys, request.token.start) : 0;
  const limit = request.limit ?? 0;
  if (limit <= 0 || from + limit >= objects.length)
    return { items: objects.slice(from), resourceVersion: rv };
  const end = from + limit;
  const lastKey = keys[end - 1] as string;
  return {
    items: objects.slice(from, end),
    resourceVersion: rv,
    continue: encodeContinue({ rv, start: `${lastKey}\u0000` }),
    remainingItemCount: objects.length - end,
  };
}

function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
