import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';

/** The slice of s3rver (untyped, CommonJS) the tests use. */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverServer;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

/** A running s3rver for object storage tests, and a client pointed at it. */
export interface S3rverFixture {
  /** `http://127.0.0.1:<port>`, the endpoint for other clients. */
  readonly url: string;
  readonly client: S3Client;
  close(): Promise<void>;
}

/**
 * s3rver seals ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node >= 17)
 * only offers in its legacy provider, so every truncated listing fails with a 500. Triple DES with
 * three equal keys computes exactly single DES, so route 'des' there while the server runs.
 */
function allowS3rverContinuationTokens(): () => void {
  const { createCipheriv, createDecipheriv } = crypto;
  const tripled = (key: crypto.CipherKey) => Buffer.concat(Array(3).fill(key as Buffer));
  Object.assign(crypto, {
    createCipheriv: (algorithm: string, key: crypto.CipherKey, iv: Buffer) =>
      algorithm === 'des'
        ? createCipheriv('des-ede3-cbc', tripled(key), iv)
        : createCipheriv(algorithm, key, iv),
    createDecipheriv: (algorithm: string, key: crypto.CipherKey, iv: Buffer) =>
      algorithm === 'des'
        ? createDecipheriv('des-ede3-cbc', tripled(key), iv)
        : createDecipheriv(algorithm, key, iv),
  });
  return () => Object.assign(crypto, { createCipheriv, createDecipheriv });
}

/** The slice of s3rver's account registry the tests touch. */
interface S3rverAccounts {
  registry: Map<string, unknown>;
  DUMMY_ACCOUNT: unknown;
}

/**
 * s3rver only knows its own S3RVER key (and does not check SigV4 signatures). Temporary keys that
 * the simulated STS hands out (AssumeRole) are unknown to it, so, when asked, any `ASIA` key is
 * treated as its account, as if the role's credentials were valid in the bucket's account.
 */
function acceptKeys(accept: (key: string) => boolean): () => void {
  const accounts = createRequire(import.meta.url)('s3rver/lib/models/account') as S3rverAccounts;
  const { get } = accounts.registry;
  accounts.registry.get = function (key: string) {
    return get.call(this, key) ?? (accept(key) ? accounts.DUMMY_ACCOUNT : undefined);
  };
  return () => {
    accounts.registry.get = get;
  };
}

/** Starts s3rver on a free loopback port with `buckets`, in a temporary directory. */
export async function startS3rver(
  buckets: readonly string[],
  options: {
    readonly acceptTemporaryKeys?: boolean;
    /** Further access key ids to treat as s3rver's own (a handler's credentials from its env). */
    readonly acceptAccessKeys?: readonly string[];
  } = {},
): Promise<S3rverFixture> {
  const restoreCrypto = allowS3rverContinuationTokens();
  const extra = new Set(options.acceptAccessKeys ?? []);
  const temporary = options.acceptTemporaryKeys === true;
  const restoreKeys =
    temporary || extra.size > 0
      ? acceptKeys((key) => extra.has(key) || (temporary && key.startsWith('ASIA')))
      : () => {};
  const directory = await mkdtemp(join(tmpdir(), 'statetrail-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    maxAttempts: 1,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    client,
    async close() {
      // Destroying the client first closes its keep-alive sockets, so close() does not wait.
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
      restoreCrypto();
      restoreKeys();
    },
  };
}
