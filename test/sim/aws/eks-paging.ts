import { eksInvalidParameter } from './eks-errors.js';
import { SimApiError } from './errors.js';
import { pageOf } from './paging.js';

/** EKS's maxResults range on every List operation; the default is the maximum. */
const EKS_PAGE_RANGE = { min: 1, max: 100 };

/** One EKS page: the items and the token of the next page, if any. */
export interface EksPage<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Cuts one page out of `items` as EKS does: `maxResults` 1-100 (100 when absent) and opaque tokens
 * tied to `query`. Out-of-range sizes and foreign tokens give InvalidParameterException.
 */
export function eksPageOf<T>(
  items: readonly T[],
  input: { maxResults?: unknown; nextToken?: unknown },
  query: string,
): EksPage<T> {
  const { maxResults, nextToken } = input;
  if (
    maxResults !== undefined &&
    (typeof maxResults !== 'number' ||
      !Number.isInteger(maxResults) ||
      maxResults < EKS_PAGE_RANGE.min ||
      maxResults > EKS_PAGE_RANGE.max)
  ) {
    throw eksInvalidParameter(
      `maxResults must be between ${EKS_PAGE_RANGE.min} and ${EKS_PAGE_RANGE.max}, got ${String(maxResults)}`,
    );
  }
  try {
    const page = pageOf(
      items,
      {
        MaxResults: typeof maxResults === 'number' ? maxResults : EKS_PAGE_RANGE.max,
        ...(typeof nextToken === 'string' ? { NextToken: nextToken } : {}),
      },
      query,
      EKS_PAGE_RANGE,
    );
    return page.nextToken === undefined
      ? { items: page.items }
      : { items: page.items, nextToken: page.nextToken };
  } catch (error) {
    // The shared pager answers in EC2's words; EKS says InvalidParameterException.
    if (error instanceof SimApiError)
      throw eksInvalidParameter('The nextToken provided is invalid');
    throw error;
  }
}
