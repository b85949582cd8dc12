import { createHash } from 'node:crypto';

/** The git blob hash of a file's bytes (sha1 of `blob <length>\0` + bytes, hex): what a tree entry holds. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
