import { createHash } from 'node:crypto';
import type { Shard } from '../../../model/index.js';

/**
 * The shard (0 .. count-1) a bucket belongs to: the first four bytes of the SHA-1 of its name,
 * read as a big-endian uint32, modulo `count`. Stable across runs, machines and bucket counts,
 * so every shard of a scan agrees on who reads which bucket without talking to the others.
 */
export function bucketShard(name: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`A shard count must be a positive integer, got ${count}`);
  }
  return createHash('sha1').update(name, 'utf8').digest().readUInt32BE(0) % count;
}

/** True when `shard` (absent: the whole target) is the one that reads bucket `name`. */
export function inShard(name: string, shard: Shard | undefined): boolean {
  return shard === undefined || bucketShard(name, shard.count) === shard.index;
}
