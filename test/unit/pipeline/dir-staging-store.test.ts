import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirStagingStore } from '../../../lib/pipeline/dir-staging-store.js';
import { StagingCorruptError, StagingMissingError } from '../../../lib/pipeline/errors.js';

async function store() {
  const root = await mkdtemp(join(tmpdir(), 'staging-'));
  return { root, staging: new DirStagingStore({ root }) };
}

describe('Class: DirStagingStore', () => {
  it('stores and reads back JSON documents by key', async () => {
    const { staging } = await store();
    await staging.put('scans/s1/plan.json', { targets: [1, 2] });
    expect(await staging.get('scans/s1/plan.json')).toEqual({ targets: [1, 2] });
  });

  it('lists the keys under a prefix, sorted', async () => {
    const { staging } = await store();
    await staging.put('scans/s1/collect/b.json', 1);
    await staging.put('scans/s1/collect/a.json', 2);
    await staging.put('scans/s2/plan.json', 3);
    expect(await staging.list('scans/s1/')).toEqual([
      'scans/s1/collect/a.json',
      'scans/s1/collect/b.json',
    ]);
    expect(await staging.list('nothing/')).toEqual([]);
  });

  it('names the key of a missing document', async () => {
    const { staging } = await store();
    await expect(staging.get('scans/x/plan.json')).rejects.toThrow(
      new StagingMissingError('No staged document at scans/x/plan.json'),
    );
  });

  it('names the key of a document that is not JSON', async () => {
    const { root, staging } = await store();
    await writeFile(join(root, 'bad.json'), '{');
    await expect(staging.get('bad.json')).rejects.toBeInstanceOf(StagingCorruptError);
  });

  it('refuses keys that would leave its directory', async () => {
    const { staging } = await store();
    await expect(staging.put('../escape.json', 1)).rejects.toThrow(/Not a staging key/);
  });
});
