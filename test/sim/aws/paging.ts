import { createHash } from 'node:crypto';
import { invalidParameterValue } from './errors.js';

/** The paging parameters of an EC2 Describe call. */
export interface PageRequest {
  MaxResults?: number;
  NextToken?: string;
}

/** One page of results. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
  /** False when the caller asked for everything at once (no MaxResults, no NextToken). */
  paginated: boolean;
}

/** The MaxResults range of an API (EC2 model constraints; most Describe calls take 5-1000). */
export interface PageRange {
  min: number;
  max: number;
}

/** EC2's usual MaxResults range. */
export const EC2_PAGE_RANGE: PageRange = { min: 5, max: 1000 };

/**
 * Cuts one page out of the full result list. `query` identifies the call (action, account,
 * region, filters): a token only continues the query it was issued for, as EC2's tokens do.
 * Tokens are opaque to the caller but carry their offset, so the sim keeps no paging state and a
 * world mutated between pages behaves like EC2 under concurrent change (items may shift).
 */
export function pageOf<T>(
  items: readonly T[],
  request: PageRequest,
  query: string,
  range: PageRange = EC2_PAGE_RANGE,
): Page<T> {
  const { MaxResults, NextToken } = request;
  if (MaxResults !== undefined) validateMaxResults(MaxResults, range);
  const offset = NextToken === undefined ? 0 : offsetOf(NextToken, query);
  if (MaxResults === undefined && NextToken === undefined) {
    return { items: [...items], paginated: false };
  }
  const size = MaxResults ?? range.max;
  const end = offset + size;
  const page = items.slice(offset, end);
  return end < items.length
    ? { items: page, nextToken: tokenFor(query, end), paginated: true }
    : { items: page, paginated: true };
}

function validateMaxResults(value: number, range: PageRange): void {
  // EC2's message says "greater than 5" while 5 itself is accepted: copied as EC2 writes it.
  if (!Number.isInteger(value) || value < range.min) {
    throw invalidParameterValue(
      `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value greater than ${range.min}.`,
    );
  }
  if (value > range.max) {
    throw invalidParameterValue(
      `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value less than ${range.max}.`,
    );
  }
}

function fingerprint(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 22);
}

function tokenFor(query: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(query), o: offset })).toString('base64url');
}

function offsetOf(token: string, query: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'q' in parsed &&
      'o' in parsed &&
      parsed.q === fingerprint(query) &&
      Number.isInteger(parsed.o) &&
      (parsed.o as number) > 0
    ) {
      return parsed.o as number;
    }
  } catch {
    // falls through to EC2's answer for a token it did not issue
  }
  throw invalidParameterValue(
    `Value ( ${token} ) for parameter NextToken is invalid. The token is invalid.`,
  );
}
