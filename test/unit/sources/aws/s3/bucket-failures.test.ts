import { describe, expect, it } from 'vitest';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { useSampleSim } from '../sample-sim.js';
import { byName, SAMPLE, s3Harness } from './s3-harness.js';

describe('the S3 bucket collector when reads fail', () => {
  let sim: AwsSim;

  useSampleSim((started) => {
    sim = started;
  });

  it('lists reads throttled past the retries as unreadable, with one warning for all buckets', async () => {
    sim.faults.throttle({ action: 'GetBucketTagging', count: 1000 });
    const harness = s3Harness(sim);
    const { resources, warnings, complete } = await harness.collect();
    expect(complete).toBe(true);
    for (const resource of resources) {
      expect(resource.unreadable).toContain('BucketTagging');
      expect(resource.supplementaryConfiguration).not.toHaveProperty('BucketTagging');
    }
    expect(warnings.filter((w) => w.operation === 's3:GetBucketTagging')).toStrictEqual([
      {
        code: 'throttled',
        target: 'aws-caller-global-s3',
        operation: 's3:GetBucketTagging',
        message:
          's3:GetBucketTagging throttled for 4 buckets in 111111111111/global (SlowDown after all retries); listed as unreadable',
      },
    ]);
    expect(harness.log.filter((l) => l.message === 'Bucket reads failed')).toHaveLength(2);
  });

  it.each([
    [
      'a 5xx past the retries',
      'failed',
      (s: AwsSim) => s.faults.fail({ action: 'GetBucketLifecycleConfiguration', count: 1000 }),
    ],
    [
      'an answer that does not parse',
      'malformed',
      (s: AwsSim) => s.faults.malformed({ action: 'GetBucketLifecycleConfiguration', count: 1000 }),
    ],
    [
      'an AccessDenied from IAM',
      'denied',
      (s: AwsSim) => s.faults.deny({ action: 'GetBucketLifecycleConfiguration' }),
    ],
  ])(
    'lists a read that meets %s as unreadable (%s), never as null',
    async (_name, code, inject) => {
      inject(sim);
      const { resources, warnings } = await s3Harness(sim).collect();
      for (const resource of resources) {
        expect(resource.unreadable).toContain('BucketLifecycleConfiguration');
        expect(resource.supplementaryConfiguration).not.toHaveProperty(
          'BucketLifecycleConfiguration',
        );
      }
      expect(warnings.find((w) => w.operation === 's3:GetBucketLifecycleConfiguration')?.code).toBe(
        code,
      );
    },
  );

  it('lists a policy whose JSON does not parse as unreadable (malformed)', async () => {
    sim.faults.malformed({ action: 'GetBucketPolicy', count: 1000 });
    const { resources, warnings } = await s3Harness(sim).collect();
    expect(byName(resources, 'sample-assets-eu').unreadable).toStrictEqual(['BucketPolicy']);
    expect(
      warnings.find((w) => w.operation === 's3:GetBucketPolicy' && w.code === 'malformed'),
    ).toBeDefined();
  });

  it('reports the scope incomplete, keeps nothing and warns once when ListBuckets is denied', async () => {
    sim.faults.deny({ action: 'ListBuckets' });
    const harness = s3Harness(sim);
    const output = await harness.collect();
    expect(output).toStrictEqual({
      resources: [],
      complete: false,
      warnings: [
        {
          code: 'denied',
          target: 'aws-caller-global-s3',
          operation: 's3:ListBuckets',
          message:
            's3:ListBuckets denied in 111111111111/global (AccessDenied); previous AWS::S3::Bucket files kept',
        },
      ],
    });
    expect(harness.calls).toStrictEqual({ s3: 1 });
  });

  it('skips a bucket deleted between the list and its reads (NoSuchBucket: gone)', async () => {
    const harness = s3Harness(sim, { readsPerRegion: 1 });
    // Deletes sample-bare-eu once the list has named it, as a concurrent `aws s3 rb` would.
    harness.aws.s3({}, 'us-east-1').middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const account = sim.world.accounts[SAMPLE.accountId];
        if (account?.s3)
          account.s3.buckets = account.s3.buckets.filter((b) => b.name !== 'sample-bare-eu');
        return result;
      },
      { step: 'initialize', name: 'deleteAfterList' },
    );
    const { resources, warnings, complete } = await harness.collect();
    expect(resources.map((r) => r.resourceId)).not.toContain('sample-bare-eu');
    expect(resources).toHaveLength(3);
    expect(complete).toBe(true);
    expect(warnings.map((w) => w.operation)).toStrictEqual(['s3:GetBucketPolicy']);
    const bareReads = sim.calls.filter((c) => c.params['Bucket'] === 'sample-bare-eu');
    expect(bareReads.map((c) => [c.action, c.status])).toStrictEqual([
      ['GetBucketVersioning', 404],
    ]);
  });
});
