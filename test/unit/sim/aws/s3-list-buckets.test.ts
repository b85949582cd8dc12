import { ListBucketsCommand, paginateListBuckets, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedAccessKeyId } from '../../../sim/aws/generate-world.js';
import { canonicalUserId } from '../../../sim/aws/s3-world.js';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { generateWorld, sampleWorld } from '../../../sim/aws/world.js';
import { rawS3Get, simS3 } from './s3-sim-client.js';
import { collect, failureOf } from './sim-client.js';

describe('the simulated ListBuckets', () => {
  let sim: AwsSim;
  let s3: S3Client;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    s3 = simS3(sim, { region: 'us-east-1', attempts: 1 });
  });
  afterAll(async () => {
    s3.destroy();
    await sim.close();
  });

  it("lists the caller's buckets sorted by name, with region, creation date and owner", async () => {
    const out = await s3.send(new ListBucketsCommand({}));
    expect(out.Buckets).toStrictEqual([
      {
        Name: 'sample-assets-eu',
        CreationDate: new Date('2024-03-11T08:15:42.000Z'),
        BucketRegion: 'eu-west-1',
      },
      {
        Name: 'sample-audit-eu',
        CreationDate: new Date('2023-09-14T06:45:00.000Z'),
        BucketRegion: 'eu-west-1',
      },
      {
        Name: 'sample-bare-eu',
        CreationDate: new Date('2019-06-02T17:03:11.000Z'),
        BucketRegion: 'eu-west-1',
      },
      {
        Name: 'sample-web-us',
        CreationDate: new Date('2025-01-20T12:00:05.000Z'),
        BucketRegion: 'us-east-1',
      },
    ]);
    expect(out.Owner).toStrictEqual({ ID: canonicalUserId('111111111111') });
    expect(out.ContinuationToken).toBeUndefined();
  });

  it('answers the real ListAllMyBucketsResult document', async () => {
    const text = await (await rawS3Get(sim, '/?max-buckets=1', 'us-east-1')).text();
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListAllMyBucketsResult xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/"><Buckets><Bucket><Name>sample-assets-eu<\/Name><CreationDate>2024-03-11T08:15:42\.000Z<\/CreationDate><BucketRegion>eu-west-1<\/BucketRegion><\/Bucket><\/Buckets><Owner><ID>[0-9a-f]{64}<\/ID><\/Owner><ContinuationToken>[A-Za-z0-9_-]+<\/ContinuationToken><\/ListAllMyBucketsResult>$/,
    );
  });

  it('pages with max-buckets and the continuation token, and marks the calls paginated', async () => {
    sim.resetCalls();
    const pages = await collect(paginateListBuckets({ client: s3, pageSize: 3 }, {}));
    expect(pages.map((p) => p.Buckets?.map((b) => b.Name))).toStrictEqual([
      ['sample-assets-eu', 'sample-audit-eu', 'sample-bare-eu'],
      ['sample-web-us'],
    ]);
    expect(
      sim.calls.map((c) => [c.action, c.region, c.paginated, c.params['MaxBuckets']]),
    ).toStrictEqual([
      ['ListBuckets', 'us-east-1', true, 3],
      ['ListBuckets', 'us-east-1', true, 3],
    ]);
  });

  it('filters by prefix (echoed back) and by bucket region', async () => {
    const prefixed = await s3.send(new ListBucketsCommand({ Prefix: 'sample-a' }));
    expect(prefixed.Buckets?.map((b) => b.Name)).toStrictEqual([
      'sample-assets-eu',
      'sample-audit-eu',
    ]);
    expect(prefixed.Prefix).toBe('sample-a');
    const us = await s3.send(new ListBucketsCommand({ BucketRegion: 'us-east-1' }));
    expect(us.Buckets?.map((b) => b.Name)).toStrictEqual(['sample-web-us']);
  });

  it('rejects a page size outside 1-10000 and a token it did not issue (InvalidArgument, 400)', async () => {
    const tooBig = await failureOf(s3.send(new ListBucketsCommand({ MaxBuckets: 10_001 })));
    expect([tooBig.name, tooBig.$metadata.httpStatusCode]).toStrictEqual(['InvalidArgument', 400]);
    const forged = await failureOf(
      s3.send(new ListBucketsCommand({ ContinuationToken: 'not-a-token' })),
    );
    expect([forged.name, forged.$metadata.httpStatusCode]).toStrictEqual(['InvalidArgument', 400]);
  });

  it('lists an account without buckets as empty', async () => {
    const world = generateWorld({ seed: 1, instances: 0 });
    const empty = await startAwsSim(world);
    const client = simS3(empty, { region: 'us-east-1', accessKeyId: generatedAccessKeyId(0) });
    try {
      const out = await client.send(new ListBucketsCommand({ MaxBuckets: 10 }));
      expect(out.Buckets ?? []).toStrictEqual([]);
    } finally {
      client.destroy();
      await empty.close();
    }
  });
});
