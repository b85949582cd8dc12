import { describe, expect, it } from 'vitest';
import { gitBlobSha } from '../../../lib/snapshot/blob-hash.js';

describe('Function: gitBlobSha', () => {
  it('matches git hash-object for hello and a newline', () => {
    expect(gitBlobSha(new TextEncoder().encode('hello\n'))).toBe(
      'ce013625030ba8dba906f756967f9e9ca394464a',
    );
  });

  it('matches git hash-object for an empty file', () => {
    expect(gitBlobSha(new Uint8Array())).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  it('counts bytes, not characters, in the header', () => {
    expect(gitBlobSha(new TextEncoder().encode('é\n'))).toBe(
      'c6003325155f475bd7c87731607525dce73be9cf',
    );
  });
});
