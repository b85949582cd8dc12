import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { PipelineError, StagingCorruptError, StagingMissingError } from './errors.js';
import type { StagingStore } from './staging-store.js';

/** Options for {@link S3StagingStore}. */
export interface S3StagingStoreOptions {
  /** Built once per cold start in `functions/`, never here. */
  readonly client: S3Client;
  readonly bucket: string;
  /** Root of every key, e.g. `staging/`; a missing trailing `/` is added. @default '' */
  readonly prefix?: string;
  /** Keys per ListObjectsV2 page (tests lower it to exercise pagination). @default 1000 */
  readonly pageSize?: number;
}

/** The deployed StagingStore: one JSON object per key under a prefix of an S3 bucket. */
export class S3StagingStore implements StagingStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #root: string;
  readonly #pageSize: number;

  public constructor(options: S3StagingStoreOptions) {
    this.#client = options.client;
    this.#bucket = options.bucket;
    this.#root = normalizePrefix(options.prefix ?? '');
    this.#pageSize = options.pageSize ?? 1000;
  }

  /** Stores a JSON-serializable document under a key, replacing any earlier one. */
  public async put(key: string, document: unknown): Promise<void> {
    const body = serialize(key, document);
    try {
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: this.#root + key,
          Body: body,
          ContentType: 'application/json',
        }),
      );
    } catch (error) {
      throw new PipelineError(`Cannot write staged document ${this.#uri(key)}`, { cause: error });
    }
  }

  /** Reads the document under a key; throws StagingMissingError when absent. */
  public async get(key: string): Promise<unknown> {
    let text: string;
    try {
      const answer = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: this.#root + key }),
      );
      text = (await answer.Body?.transformToString('utf-8')) ?? '';
    } catch (error) {
      // Only NoSuchKey means absent: AccessDenied and the like are "unknown", never "missing".
      if (error instanceof NoSuchKey) {
        throw new StagingMissingError(`No staged document ${this.#uri(key)}`, { cause: error });
      }
      throw new PipelineError(`Cannot read staged document ${this.#uri(key)}`, { cause: error });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new StagingCorruptError(`Staged document ${this.#uri(key)} is not JSON`, {
        cause: error,
      });
    }
  }

  /** Lists the keys under a prefix (relative to the store's root), sorted. */
  public async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    try {
      const pages = paginateListObjectsV2(
        { client: this.#client, pageSize: this.#pageSize },
        { Bucket: this.#bucket, Prefix: this.#root + prefix },
      );
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          if (object.Key !== undefined) keys.push(object.Key.slice(this.#root.length));
        }
      }
    } catch (error) {
      throw new PipelineError(`Cannot list staged documents under ${this.#uri(prefix)}`, {
        cause: error,
      });
    }
    // S3 orders by UTF-8 bytes; the port promises JavaScript's order, so sort here.
    return keys.sort();
  }

  #uri(key: string): string {
    return `s3://${this.#bucket}/${this.#root}${key}`;
  }
}

function normalizePrefix(prefix: string): string {
  return prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
}

function serialize(key: string, document: unknown): string {
  let body: string | undefined;
  try {
    body = JSON.stringify(document);
  } catch (error) {
    throw new PipelineError(`Document for ${key} is not JSON-serializable`, { cause: error });
  }
  // JSON.stringify(undefined) (or a function) gives undefined: nothing a later get could return.
  if (body === undefined) throw new PipelineError(`Document for ${key} is not JSON-serializable`);
  return body;
}
