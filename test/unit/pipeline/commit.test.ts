import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Resource, silentLogger } from '../../../lib/model/index.js';
import { commit } from '../../../lib/pipeline/commit.js';
import { DirStagingStore } from '../../../lib/pipeline/dir-staging-store.js';
import { stagingKeys } from '../../../lib/pipeline/keys.js';
import type { Lease, LeaseFence } from '../../../lib/pipeline/lease.js';
import { plan } from '../../../lib/pipeline/plan.js';
import { FORMAT_VERSION } from '../../../lib/snapshot/format.js';
import { renderResource } from '../../../lib/snapshot/render.js';
import { LocalGitTrail } from '../../../lib/trail/local-git-trail.js';

const SCOPE = 'aws/111111111111/global/s3/bucket';

function bucket(name: string): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    accountId: '111111111111',
    awsRegion: 'global',
    tags: {},
    configuration: { Name: name },
  };
}

describe('Function: commit', () => {
  let staging: DirStagingStore;
  let trail: LocalGitTrail;

  beforeEach(async () => {
    const root = await mkdtemp(join(tmpdir(), 'commit-step-'));
    staging = new DirStagingStore({ root: join(root, 'staging') });
    trail = new LocalGitTrail({ dir: join(root, 'trail') });
  });

  async function stageScan(scanId: string, shards: Record<number, Resource[] | 'missing'>) {
    const scanPlan = plan({
      scanId,
      accounts: [{ account: {}, regions: [] }],
      services: ['s3'],
      s3Shards: 2,
    });
    await staging.put(stagingKeys.plan(scanId), scanPlan);
    for (const [index, planned] of scanPlan.targets.entries()) {
      const resources = shards[index];
      if (resources === 'missing' || resources === undefined) continue;
      await staging.put(stagingKeys.collect(scanId, planned.key), {
        resources,
        warnings: [],
        scopes: [{ scope: SCOPE, complete: true }],
        calls: { s3: 1 },
      });
    }
  }

  it('commits the union of the shards of a group and sums their calls', async () => {
    await stageScan('s1', { 0: [bucket('a')], 1: [bucket('b')] });
    const output = await commit({ scanId: 's1' }, { staging, trail, logger: silentLogger });
    expect(output).toMatchObject({ added: 2, removed: 0, calls: { s3: 2 } });
    expect(output.scopes).toEqual([{ scope: SCOPE, complete: true }]);
  });

  it('keeps a scope incomplete, and its files, when one shard of the group never reported', async () => {
    await stageScan('s1', { 0: [bucket('a')], 1: [bucket('b')] });
    await commit({ scanId: 's1' }, { staging, trail, logger: silentLogger });
    await stageScan('s2', { 0: [], 1: 'missing' });
    const output = await commit({ scanId: 's2' }, { staging, trail, logger: silentLogger });
    expect(output.scopes).toEqual([{ scope: SCOPE, complete: false }]);
    expect(output.removed).toBe(0);
    expect(output.warnings).toEqual([
      expect.objectContaining({ code: 'failed', target: 'aws-caller-global-s3-2of2' }),
    ]);
    expect((await trail.readManifest()).files.has(`${SCOPE}/a.yaml`)).toBe(true);
  });

  it('returns the staged result when retried, without committing twice', async () => {
    await stageScan('s1', { 0: [bucket('a')], 1: [] });
    const first = await commit({ scanId: 's1' }, { staging, trail, logger: silentLogger });
    const again = await commit({ scanId: 's1' }, { staging, trail, logger: silentLogger });
    expect(again).toEqual(first);
    expect((await trail.readManifest()).head).toBe(first.commit);
  });

  describe("with the trail's lease (deployed)", () => {
    const clock = { now: () => new Date('2026-12-07T10:00:00Z') };
    const NOW = Date.parse('2026-12-07T10:00:00Z') / 1000;
    function fence(lease: Lease | undefined): LeaseFence & { reads: number } {
      const fenced = {
        reads: 0,
        clock,
        key: 'trail#t',
        store: {
          read: async () => {
            fenced.reads += 1;
            return lease;
          },
          claim: () => Promise.reject(new Error('commit never claims')),
          extend: () => Promise.reject(new Error('commit never extends')),
          remove: () => Promise.reject(new Error('commit never releases')),
        },
      };
      return fenced;
    }

    it('refuses to write while another scan holds the lease: LeaseHeldError, the trail as it was', async () => {
      await stageScan('s1', { 0: [bucket('a')], 1: [] });
      const first = await commit({ scanId: 's1' }, { staging, trail, logger: silentLogger });
      await stageScan('s2', { 0: [bucket('a'), bucket('b')], 1: [] });
      const held = fence({ key: 'trail#t', holder: 's3', expiresAt: NOW + 60 });
      const failure = commit(
        { scanId: 's2' },
        { staging, trail, logger: silentLogger, lease: held },
      );
      await expect(failure).rejects.toMatchObject({ name: 'LeaseHeldError' });
      await expect(failure).rejects.toThrow(/scan s3 holds it/);
      expect((await trail.readManifest()).head).toBe(first.commit);
      // Nothing staged: a retry that holds the lease commits.
      expect(await staging.list('scans/s2/commit')).toEqual([]);
      const mine = fence({ key: 'trail#t', holder: 's2', expiresAt: NOW + 60 });
      const output = await commit(
        { scanId: 's2' },
        { staging, trail, logger: silentLogger, lease: mine },
      );
      expect(output).toMatchObject({ added: 1 });
      expect(mine.reads).toBe(1);
    });

    it('refuses to write when its own lease expired', async () => {
      await stageScan('s1', { 0: [bucket('a')], 1: [] });
      const expired = fence({ key: 'trail#t', holder: 's1', expiresAt: NOW - 1 });
      await expect(
        commit({ scanId: 's1' }, { staging, trail, logger: silentLogger, lease: expired }),
      ).rejects.toThrow(/it expired/);
      expect((await trail.readManifest()).head).toBeNull();
    });

    it('reads no lease when the scan changed nothing', async () => {
      await stageScan('s1', { 0: [bucket('a')], 1: [] });
      await commit({ scanId: 's1' }, { staging, trail, logger: silentLogger });
      await stageScan('s2', { 0: [bucket('a')], 1: [] });
      const nobody = fence(undefined);
      const output = await commit(
        { scanId: 's2' },
        { staging, trail, logger: silentLogger, lease: nobody },
      );
      expect(output.commit).toBeNull();
      expect(nobody.reads).toBe(0);
    });
  });

  it('names the staged document that is malformed', async () => {
    await stageScan('s1', { 0: [bucket('a')], 1: [] });
    await staging.put(stagingKeys.collect('s1', 'aws-caller-global-s3-1of2'), { resources: 'no' });
    await expect(
      commit({ scanId: 's1' }, { staging, trail, logger: silentLogger }),
    ).rejects.toThrow(/Staged collect result aws-caller-global-s3-1of2 is malformed at resources/);
    expect((await trail.readManifest()).head).toBeNull();
  });

  it('records files that only moved to a new name in the format commit, not as observed change', async () => {
    const resource = bucket('MyBucket');
    const { path, bytes } = renderResource(resource);
    expect(path).toMatch(/\/MyBucket~[0-9a-f]{16}\.yaml$/);
    // A trail written by an older statetrail (format 2): the same bytes under the old name.
    const oldPath = `${SCOPE}/MyBucket.yaml`;
    const record = (format: number) =>
      new TextEncoder().encode(
        `${JSON.stringify({ version: 1, format, scopes: { [SCOPE]: { complete: true } } }, null, 2)}\n`,
      );
    const seeded = await trail.writeCommit({
      expectedHead: null,
      message: 'older statetrail',
      changes: [
        { path: oldPath, content: bytes },
        { path: '.statetrail/scan.json', content: record(2) },
      ],
    });
    await stageScan('s1', { 0: [resource], 1: [] });
    const output = await commit({ scanId: 's1' }, { staging, trail, logger: silentLogger });
    expect(output).toMatchObject({ added: 0, changed: 0, removed: 0, rewritten: 1 });
    const manifest = await trail.readManifest();
    expect([...manifest.files.keys()].sort()).toEqual(['.statetrail/scan.json', path]);
    const message = new TextDecoder().decode(
      await trail.readFile('.statetrail/scan.json', manifest.head ?? undefined),
    );
    expect(JSON.parse(message).format).toBe(FORMAT_VERSION);
    expect(manifest.head).not.toBe(seeded);
  });
});
