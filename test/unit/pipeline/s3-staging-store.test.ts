import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PipelineError,
  StagingCorruptError,
  StagingMissingError,
} from '../../../lib/pipeline/errors.js';
import { S3StagingStore } from '../../../lib/pipeline/s3-staging-store.js';

/** The slice of s3rver (untyped, CommonJS) this test uses. */
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

/**
 * s3rver seals ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node >= 17)
 * only offers in its legacy provider, so every truncated listing fails with a 500. Triple DES with
 * three equal keys computes exactly single DES, so route 'des' there while this file's server runs.
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
const bucket = 'staging';

let directory: string;
let server: S3rverServer;
let client: S3Client;
let restoreCrypto: () => void;

beforeAll(async () => {
  restoreCrypto = allowS3rverContinuationTokens();
  directory = await mkdtemp(join(tmpdir(), 'statetrail-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  // Destroying the client first closes its keep-alive sockets, so close() does not wait for them.
  client?.destroy();
  await server?.close();
  await rm(directory, { recursive: true, force: true });
  restoreCrypto?.();
});

function store(prefix: string, pageSize?: number): S3StagingStore {
  return new S3StagingStore({ client, bucket, prefix, ...(pageSize ? { pageSize } : {}) });
}

describe('S3StagingStore', () => {
  it('gives back the document it stored', async () => {
    const staging = store('roundtrip/');
    const document = { scanId: 's-1', targets: [{ key: 'a', n: 1 }], empty: null };
    await staging.put('scans/s-1/plan.json', document);
    await expect(staging.get('scans/s-1/plan.json')).resolves.toEqual(document);
  });

  it('replaces an earlier document under the same key', async () => {
    const staging = store('replace/');
    await staging.put('doc.json', { version: 1 });
    await staging.put('doc.json', { version: 2 });
    await expect(staging.get('doc.json')).resolves.toEqual({ version: 2 });
  });

  it('adds the missing slash to a prefix and keeps documents under it', async () => {
    await store('slashless').put('doc.json', [1, 2]);
    await expect(store('slashless/').get('doc.json')).resolves.toEqual([1, 2]);
    await expect(store('').list('slashless/')).resolves.toEqual(['slashless/doc.json']);
  });

  it('throws StagingMissingError naming the key when nothing was stored', async () => {
    const error = await store('missing/')
      .get('scans/s-9/plan.json')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StagingMissingError);
    expect((error as Error).message).toContain('s3://staging/missing/scans/s-9/plan.json');
  });

  it('throws StagingCorruptError when a stored object is not JSON', async () => {
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'corrupt/doc.json', Body: '{not json' }),
    );
    await expect(store('corrupt/').get('doc.json')).rejects.toBeInstanceOf(StagingCorruptError);
  });

  it('lists the keys under a prefix across pages, sorted and relative to its root', async () => {
    const staging = store('listing/', 2);
    const keys = ['scans/s-1/collect/c.json', 'scans/s-1/collect/a.json', 'scans/s-1/plan.json'];
    for (const key of [...keys, 'scans/s-2/plan.json']) await staging.put(key, { key });
    await expect(staging.list('scans/s-1/')).resolves.toEqual([
      'scans/s-1/collect/a.json',
      'scans/s-1/collect/c.json',
      'scans/s-1/plan.json',
    ]);
    await expect(staging.list('scans/s-3/')).resolves.toEqual([]);
  });

  it('wraps S3 errors with their cause and the location', async () => {
    const elsewhere = new S3StagingStore({ client, bucket: 'no-such-bucket', prefix: 'p/' });
    for (const attempt of [
      () => elsewhere.put('doc.json', {}),
      () => elsewhere.get('doc.json'),
      () => elsewhere.list(''),
    ]) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PipelineError);
      expect(error).not.toBeInstanceOf(StagingMissingError);
      expect((error as Error).message).toContain('s3://no-such-bucket/p/');
      expect((error as Error).cause).toMatchObject({ name: 'NoSuchBucket' });
    }
  });

  it('refuses a document that JSON cannot represent', async () => {
    await expect(store('bad/').put('doc.json', undefined)).rejects.toBeInstanceOf(PipelineError);
    await expect(store('bad/').put('doc.json', { n: 1n })).rejects.toBeInstanceOf(PipelineError);
  });
});
