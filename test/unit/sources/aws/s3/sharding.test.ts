import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../../../lib/model/index.js';
import { bucketShard, inShard } from '../../../../../lib/sources/aws/s3/bucket-shard.js';
import { generatedAccessKeyId, generatedAccountId } from '../../../../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../../../../sim/aws/server.js';
import { generateWorld } from '../../../../sim/aws/world.js';
import { s3Harness } from './s3-harness.js';

const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);

describe('Function: bucketShard', () => {
  it('is the first four bytes of the SHA-1 of the name, big-endian, modulo the count', () => {
    // sha1("statetrail") = 07801fbd bc3489ff...; 0x07801fbd = 125837245
    expect(bucketShard('statetrail', 1_000_000_007)).toBe(125_837_245);
    expect(bucketShard('statetrail', 10)).toBe(5);
    expect(bucketShard('statetrail', 1)).toBe(0);
  });

  it('puts every name in exactly one shard, the same one every time', () => {
    fc.assert(
      fc.property(bucketName, fc.integer({ min: 1, max: 64 }), (name, count) => {
        const shard = bucketShard(name, count);
        expect(Number.isInteger(shard) && shard >= 0 && shard < count).toBe(true);
        expect(bucketShard(name, count)).toBe(shard);
        const owners = Array.from({ length: count }, (_, index) => index).filter((index) =>
          inShard(name, { index, count }),
        );
        expect(owners).toStrictEqual([shard]);
      }),
    );
  });

  it('keeps every name when there is no shard', () => {
    fc.assert(fc.property(bucketName, (name) => inShard(name, undefined)));
  });

  it('rejects a count that is not a positive integer', () => {
    expect(() => bucketShard('a-bucket', 0)).toThrow(RangeError);
    expect(() => bucketShard('a-bucket', 1.5)).toThrow(RangeError);
  });
});

describe('a sharded bucket scan', () => {
  let sim: AwsSim;
  let whole: Resource[];

  beforeAll(async () => {
    sim = await startAwsSim(
      generateWorld({ seed: 7, regions: ['eu-west-1', 'eu-central-1'], instances: 0, buckets: 40 }),
    );
    ({ resources: whole } = await s3Harness(sim, options()).collect());
  });
  afterAll(async () => {
    await sim.close();
  });

  function options() {
    return { accountId: generatedAccountId(0), accessKeyId: generatedAccessKeyId(0) };
  }

  it.each([1, 2, 3, 5])(
    'splits into %i disjoint shards whose union is the unsharded result',
    async (count) => {
      expect(whole).toHaveLength(40);
      const seen: Resource[] = [];
      for (let index = 0; index < count; index++) {
        sim.resetCalls();
        const harness = s3Harness(sim, { ...options(), shard: { index, count } });
        const { resources, complete } = await harness.collect();
        expect(complete).toBe(true);
        // Every shard lists everything (one cheap page), then reads only its own buckets.
        expect(harness.calls).toStrictEqual({ s3: 1 + 15 * resources.length });
        const read = new Set(
          sim.calls.filter((c) => c.action !== 'ListBuckets').map((c) => c.params['Bucket']),
        );
        expect([...read].sort()).toStrictEqual(resources.map((r) => r.resourceId));
        seen.push(...resources);
      }
      const names = seen.map((r) => r.resourceId);
      expect(new Set(names).size).toBe(names.length);
      seen.sort((a, b) => (a.resourceId < b.resourceId ? -1 : 1));
      expect(seen).toStrictEqual(whole);
    },
  );
});
