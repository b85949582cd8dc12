import { describe, expect, it } from 'vitest';
import { generatedAccountId } from '../../../sim/aws/generate-world.js';
import { generateWorld } from '../../../sim/aws/world.js';

describe('generateWorld with buckets', () => {
  it('builds the same buckets from the same seed, and no S3 estate by default', () => {
    const options = { seed: 3, accounts: 2, instances: 2, buckets: 50 };
    expect(generateWorld(options)).toStrictEqual(generateWorld(options));
    expect(generateWorld({ seed: 3 }).accounts[generatedAccountId(0)]?.s3).toBeUndefined();
  });

  it('leaves the EC2 estate as it is whatever the bucket count', () => {
    const plain = generateWorld({ seed: 9, accounts: 2 });
    const withBuckets = generateWorld({ seed: 9, accounts: 2, buckets: 30 });
    for (const account of Object.keys(plain.accounts)) {
      expect(withBuckets.accounts[account]?.ec2).toStrictEqual(plain.accounts[account]?.ec2);
    }
  });

  it('gives each account the requested buckets, with globally unique names, in its regions and us-east-1', () => {
    const world = generateWorld({
      seed: 5,
      accounts: 3,
      regions: ['eu-west-1', 'ap-south-1'],
      buckets: 200,
    });
    const names: string[] = [];
    for (const account of Object.values(world.accounts)) {
      const buckets = account.s3?.buckets ?? [];
      expect(buckets).toHaveLength(200);
      for (const bucket of buckets) {
        expect(['eu-west-1', 'ap-south-1', 'us-east-1']).toContain(bucket.region);
        expect(bucket.name).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
        // Every bucket is encrypted since 2023.
        expect(bucket.config.BucketEncryption).toBeDefined();
        names.push(bucket.name);
      }
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('mixes configurations: some set, some not, a few denied', () => {
    const buckets =
      generateWorld({ seed: 11, buckets: 500 }).accounts[generatedAccountId(0)]?.s3?.buckets ?? [];
    const share = (has: (b: (typeof buckets)[number]) => boolean) =>
      buckets.filter(has).length / buckets.length;
    expect(share((b) => b.config.BucketPolicy !== undefined)).toBeGreaterThan(0.25);
    expect(share((b) => b.config.BucketPolicy !== undefined)).toBeLessThan(0.55);
    expect(share((b) => b.config.PublicAccessBlock !== undefined)).toBeGreaterThan(0.7);
    expect(share((b) => b.config.BucketReplication !== undefined)).toBeGreaterThan(0);
    expect(share((b) => (b.denied ?? []).length > 0)).toBeGreaterThan(0);
    expect(share((b) => (b.denied ?? []).length > 0)).toBeLessThan(0.1);
  });
});
