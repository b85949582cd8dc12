import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PipelineError,
  StagingCorruptError,
  StagingMissingError,
} from '../../../lib/pipeline/errors.js';
import { S3StagingStore } from '../../../lib/pipeline/s3-staging-store.js';
import { type S3rverFixture, startS3rver } from '../../sim/s3/s3rver.js';

const bucket = 'staging';

let s3rver: S3rverFixture;
let client: S3Client;

beforeAll(async () => {
  s3rver = await startS3rver([bucket]);
  client = s3rver.client;
});

afterAll(async () => {
  await s3rver?.close();
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
