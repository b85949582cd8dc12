import { describe, expect, it } from 'vitest';
import { collectorsFor } from '../../../../../lib/sources/aws/registry.js';
import { BUCKET_READS } from '../../../../../lib/sources/aws/s3/bucket-reads.js';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { sampleWorld } from '../../../../sim/aws/world.js';
import { useSampleSim } from '../sample-sim.js';
import { byName, SAMPLE, s3Harness } from './s3-harness.js';

const READ_KEYS = BUCKET_READS.map((r) => r.key);

describe('the S3 bucket collector on the sample world', () => {
  let sim: AwsSim;

  useSampleSim((started) => {
    sim = started;
  });

  it('is the one collector of service s3', () => {
    expect(collectorsFor('s3').map((c) => c.resourceType)).toStrictEqual(['AWS::S3::Bucket']);
  });

  it('records every bucket under global with its real region, ARN, name and tags', async () => {
    const { resources, warnings, complete } = await s3Harness(sim).collect();
    expect(complete).toBe(true);
    expect(resources.map((r) => r.resourceId)).toStrictEqual([
      'sample-assets-eu',
      'sample-audit-eu',
      'sample-bare-eu',
      'sample-web-us',
    ]);
    const assets = byName(resources, 'sample-assets-eu');
    expect(assets).toMatchObject({
      schemaVersion: 1,
      resourceType: 'AWS::S3::Bucket',
      accountId: SAMPLE.accountId,
      awsRegion: 'global',
      arn: 'arn:aws:s3:::sample-assets-eu',
      resourceName: 'sample-assets-eu',
      tags: { Name: 'assets', env: 'prod', team: 'web' },
      configuration: {
        Name: 'sample-assets-eu',
        CreationDate: '2024-03-11T08:15:42.000Z',
        BucketRegion: 'eu-west-1',
      },
    });
    expect(Object.keys(assets.supplementaryConfiguration ?? {}).sort()).toStrictEqual(
      [...READ_KEYS].sort(),
    );
    expect(assets.unreadable).toBeUndefined();
    // The audit bucket's own policy denies reading it: one warning, nothing else.
    expect(warnings).toStrictEqual([
      {
        code: 'denied',
        target: 'aws-caller-global-s3',
        operation: 's3:GetBucketPolicy',
        message:
          's3:GetBucketPolicy denied for 1 bucket in 111111111111/global (AccessDenied); listed as unreadable',
      },
    ]);
  });

  it('lists a denied policy read as unreadable and holds no BucketPolicy key at all', async () => {
    const { resources } = await s3Harness(sim).collect();
    const audit = byName(resources, 'sample-audit-eu');
    expect(audit.unreadable).toStrictEqual(['BucketPolicy']);
    expect(audit.supplementaryConfiguration).not.toHaveProperty('BucketPolicy');
    expect(Object.keys(audit.supplementaryConfiguration ?? {})).toHaveLength(READ_KEYS.length - 1);
  });

  it('records reads that are not configured as null, and empty answers as AWS gives them', async () => {
    const { resources } = await s3Harness(sim).collect();
    const bare = byName(resources, 'sample-bare-eu');
    expect(bare.unreadable).toBeUndefined();
    expect(bare.supplementaryConfiguration).toStrictEqual({
      BucketVersioning: {},
      BucketEncryption: {
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
              BucketKeyEnabled: false,
            },
          ],
        },
      },
      BucketPolicy: null,
      PublicAccessBlock: null,
      BucketOwnershipControls: null,
      BucketLifecycleConfiguration: null,
      BucketLogging: {},
      BucketTagging: null,
      BucketCors: null,
      BucketWebsite: null,
      BucketReplication: null,
      ObjectLockConfiguration: null,
      BucketNotificationConfiguration: {},
      BucketAccelerateConfiguration: {},
      BucketRequestPayment: { Payer: 'BucketOwner' },
    });
    expect(bare.tags).toStrictEqual({});
  });

  it('parses the policy into an object and keeps what AWS returned (a lone Action stays a string)', async () => {
    const { resources } = await s3Harness(sim).collect();
    const policy = byName(resources, 'sample-web-us').supplementaryConfiguration?.['BucketPolicy'];
    expect(policy).toStrictEqual({
      Policy: {
        Statement: [
          {
            Action: 's3:GetObject',
            Effect: 'Allow',
            Principal: '*',
            Resource: 'arn:aws:s3:::sample-web-us/*',
            Sid: 'PublicRead',
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  it('lists in us-east-1 and reads each bucket in its own region, never meeting a redirect', async () => {
    await s3Harness(sim).collect();
    const list = sim.calls.filter((c) => c.action === 'ListBuckets');
    expect(list.map((c) => [c.region, c.params['MaxBuckets']])).toStrictEqual([
      ['us-east-1', 10_000],
    ]);
    const reads = sim.calls.filter((c) => c.service === 's3' && c.action !== 'ListBuckets');
    const regionOf = new Map(
      sampleWorld().accounts[SAMPLE.accountId]?.s3?.buckets.map((b) => [b.name, b.region]),
    );
    for (const call of reads) expect(call.region).toBe(regionOf.get(String(call.params['Bucket'])));
    expect(new Set(reads.map((c) => c.region))).toStrictEqual(new Set(['eu-west-1', 'us-east-1']));
    expect(reads.filter((c) => c.status === 301)).toStrictEqual([]);
    expect(reads.every((c) => c.params['ExpectedBucketOwner'] === SAMPLE.accountId)).toBe(true);
  });

  it('makes one list page plus fifteen reads per bucket, counted against s3', async () => {
    const harness = s3Harness(sim);
    await harness.collect();
    expect(harness.calls).toStrictEqual({ s3: 1 + 15 * 4 });
    expect(sim.calls).toHaveLength(1 + 15 * 4);
  });

  it('pages ListBuckets with the continuation token, and counts every page', async () => {
    const harness = s3Harness(sim, { listPageSize: 3 });
    const { resources } = await harness.collect();
    expect(resources).toHaveLength(4);
    const pages = sim.calls.filter((c) => c.action === 'ListBuckets');
    expect(
      pages.map((c) => [c.params['MaxBuckets'], c.params['ContinuationToken'] !== undefined]),
    ).toStrictEqual([
      [3, false],
      [3, true],
    ]);
    expect(harness.calls).toStrictEqual({ s3: 2 + 15 * 4 });
  });

  it('retries throttled reads (SlowDown) and records what the last attempt read', async () => {
    sim.faults.throttle({ action: 'GetBucketPolicy', count: 2 });
    const harness = s3Harness(sim, { readsPerRegion: 1 });
    const { resources, warnings } = await harness.collect();
    expect(warnings.filter((w) => w.code === 'throttled')).toStrictEqual([]);
    expect(sim.calls.filter((c) => c.fault === 'throttle').map((c) => c.status)).toStrictEqual([
      503, 503,
    ]);
    expect(
      resources.every((r) => r.unreadable === undefined || r.resourceId === 'sample-audit-eu'),
    ).toBe(true);
    // Retries are one call each for the count: the count is of logical calls.
    expect(harness.calls).toStrictEqual({ s3: 1 + 15 * 4 });
  });
});
