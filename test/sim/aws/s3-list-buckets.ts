import { type Bucket, ListBucketsOutput$ } from '@aws-sdk/client-s3';
import { invalidArgument, type S3Error } from './s3-errors.js';
import { canonicalUserId } from './s3-world.js';
import { type RestXmlReply, restXmlReply } from './s3-xml.js';
import type { AwsWorld } from './world.js';

/** S3's largest (and default, once any paging parameter is sent) ListBuckets page. */
export const MAX_BUCKETS_PAGE = 10_000;

/**
 * ListBuckets (`GET /?max-buckets=&continuation-token=&prefix=&bucket-region=`): the caller's
 * buckets sorted by name, as `ListAllMyBucketsResult`. Without any paging parameter every bucket
 * comes back at once, as for accounts under the 10,000-bucket quota. The continuation token is
 * opaque to the caller but carries the last name returned, so the sim keeps no paging state.
 */
export function listBuckets(
  world: AwsWorld,
  accountId: string,
  query: URLSearchParams,
): { ok: RestXmlReply } | { error: S3Error } {
  const maxText = query.get('max-buckets');
  const token = query.get('continuation-token');
  const prefix = query.get('prefix');
  const region = query.get('bucket-region');
  let max: number | undefined;
  if (maxText !== null) {
    max = Number(maxText);
    if (!Number.isInteger(max) || max < 1 || max > MAX_BUCKETS_PAGE) {
      return {
        error: invalidArgument(
          `Argument max-buckets must be an integer between 1 and ${MAX_BUCKETS_PAGE}`,
          'max-buckets',
          maxText,
        ),
      };
    }
  }
  let after: string | undefined;
  if (token !== null) {
    after = nameOf(token);
    if (after === undefined) {
      return {
        error: invalidArgument(
          'The continuation token provided is incorrect',
          'continuation-token',
          token,
        ),
      };
    }
  }
  const account = world.accounts[accountId];
  const all = [...(account?.s3?.buckets ?? [])]
    .filter((b) => prefix === null || b.name.startsWith(prefix))
    .filter((b) => region === null || b.region === region)
    .filter((b) => after === undefined || b.name > after)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const paging = maxText !== null || token !== null || prefix !== null || region !== null;
  const size = max ?? (paging ? MAX_BUCKETS_PAGE : all.length);
  const page = all.slice(0, size);
  const last = page.at(-1);
  const buckets: Bucket[] = page.map((b) => ({
    Name: b.name,
    CreationDate: b.creationDate,
    BucketRegion: b.region,
  }));
  const output = {
    Buckets: buckets,
    Owner: { ID: account?.s3?.ownerId ?? canonicalUserId(accountId) },
    ...(all.length > size && last ? { ContinuationToken: tokenOf(last.name) } : {}),
    ...(prefix === null ? {} : { Prefix: prefix }),
  };
  return { ok: restXmlReply(ListBucketsOutput$, output) };
}

function tokenOf(name: string): string {
  return Buffer.from(JSON.stringify({ after: name })).toString('base64url');
}

function nameOf(token: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    const after = (parsed as { after?: unknown } | null)?.after;
    return typeof after === 'string' ? after : undefined;
  } catch {
    return undefined;
  }
}
