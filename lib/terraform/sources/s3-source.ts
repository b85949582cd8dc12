import {
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { StateFormatError, StateSourceError } from '../errors.js';
import { checkStateSize, MAX_STATE_BYTES } from '../limits.js';
import type { StateSource } from './state-source.js';

/** Options of the S3 state source. */
export interface S3StateSourceOptions {
  /** `s3://bucket/key` (one state and its workspaces) or `s3://bucket/prefix/` (every state under it). */
  readonly location: string;
  /** Client for the state bucket: built by the caller (client factory), never here. */
  readonly client: S3Client;
  /** Keys per ListObjectsV2 page. @default S3's 1000 */
  readonly pageSize?: number;
}

const STATE_SUFFIX = '.tfstate';
// The S3 backend stores non-default workspaces under `env:/<workspace>/<key>`
// (its default workspace_key_prefix).
const WORKSPACE_PREFIX = 'env:/';

/** Parses `s3://bucket/key` into bucket and key (the key may be empty or end in `/`). */
export function parseS3Location(location: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
  if (!match?.[1]) throw new StateSourceError(`Not an S3 state location: ${location}`);
  return { bucket: match[1], key: match[2] ?? '' };
}

/**
 * States in S3. A key names one state plus the same key in every Terraform workspace; a prefix
 * (empty or ending in `/`) names every `*.tfstate` under it, workspaces included.
 */
export function s3StateSource(options: S3StateSourceOptions): StateSource {
  const { location, client } = options;
  const { bucket, key } = parseS3Location(location);
  const listing: Listing = { client, bucket, pageSize: options.pageSize };
  const isPrefix = key === '' || key.endsWith('/');

  async function list(): Promise<string[]> {
    try {
      const keys = new Set<string>();
      const wanted = (candidate: string) =>
        isPrefix ? candidate.endsWith(STATE_SUFFIX) : candidate === key;
      for (const found of await listKeys(listing, key)) {
        if (wanted(found)) keys.add(found);
      }
      // A bucket-wide listing already saw the workspaces. One listing of `env:/` (no delimiter:
      // workspaces are few) finds the same key or prefix in every workspace.
      if (!key.startsWith(WORKSPACE_PREFIX) && key !== '') {
        for (const found of await listKeys(listing, WORKSPACE_PREFIX)) {
          const inWorkspace = found.slice(found.indexOf('/', WORKSPACE_PREFIX.length) + 1);
          if (inWorkspace.startsWith(key) && wanted(inWorkspace)) keys.add(found);
        }
      }
      return [...keys].sort().map((found) => `s3://${bucket}/${found}`);
    } catch (error) {
      throw new StateSourceError(`Cannot list Terraform states under ${location}`, {
        cause: error,
      });
    }
  }

  async function read(state: string): Promise<string> {
    const { bucket: from, key: objectKey } = parseS3Location(state);
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: from, Key: objectKey }));
      if (!answer.Body) throw new Error('GetObject returned no body');
      if ((answer.ContentLength ?? 0) > MAX_STATE_BYTES) {
        // The body is not read: free its connection.
        (answer.Body as { destroy?: () => void }).destroy?.();
        checkStateSize(answer.ContentLength ?? 0, state);
      }
      return await answer.Body.transformToString('utf-8');
    } catch (error) {
      if (error instanceof StateFormatError) throw error;
      throw new StateSourceError(`Cannot read Terraform state ${state}`, { cause: error });
    }
  }

  return { list, read };
}

interface Listing {
  readonly client: S3Client;
  readonly bucket: string;
  readonly pageSize: number | undefined;
}

async function listKeys(listing: Listing, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  await paginate(listing, prefix, undefined, (page) => {
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
  });
  return keys;
}

async function paginate(
  { client, bucket, pageSize }: Listing,
  prefix: string,
  delimiter: string | undefined,
  onPage: (page: ListObjectsV2CommandOutput) => void,
): Promise<void> {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
        ...(pageSize === undefined ? {} : { MaxKeys: pageSize }),
        ...(token === undefined ? {} : { ContinuationToken: token }),
      }),
    );
    onPage(page);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}
