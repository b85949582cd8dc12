import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrailUnavailableError } from '../../../lib/trail/errors.js';
import { LocalGitTrail } from '../../../lib/trail/local-git-trail.js';
import { describeTrailStoreContract } from './contract.js';

const fixedClock = { now: () => new Date('2026-11-22T10:00:00Z') };

async function freshDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'trail-test-')), 'trail');
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

describeTrailStoreContract(
  'LocalGitTrail',
  async () => new LocalGitTrail({ dir: await freshDir(), clock: fixedClock }),
);

describe('Class: LocalGitTrail', () => {
  it('creates the directory as a git repository on first use', async () => {
    const dir = await freshDir();
    await new LocalGitTrail({ dir }).readManifest();
    expect(git(dir, 'rev-parse', '--git-dir')).toBe('.git');
    expect(git(dir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
  });

  it('refuses a directory that holds files but is not a git repository', async () => {
    const dir = await freshDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(new LocalGitTrail({ dir }).readManifest()).rejects.toBeInstanceOf(
      TrailUnavailableError,
    );
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('brings the checked-out work tree to each new commit', async () => {
    const dir = await freshDir();
    const trail = new LocalGitTrail({ dir, clock: fixedClock });
    const first = await trail.writeCommit({
      expectedHead: null,
      message: 'first',
      changes: [{ path: 'a/b.yaml', content: new TextEncoder().encode('1\n') }],
    });
    expect(await readFile(join(dir, 'a/b.yaml'), 'utf8')).toBe('1\n');
    await trail.writeCommit({
      expectedHead: first,
      message: 'second',
      changes: [{ path: 'a/b.yaml', content: new TextEncoder().encode('2\n') }],
    });
    expect(await readFile(join(dir, 'a/b.yaml'), 'utf8')).toBe('2\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('commits as statetrail at the injected time, whatever the user config says', async () => {
    const dir = await freshDir();
    const trail = new LocalGitTrail({ dir, clock: fixedClock });
    await trail.writeCommit({
      expectedHead: null,
      message: 'scan: 1 added\n\nA x.yaml\n',
      changes: [{ path: 'x.yaml', content: new TextEncoder().encode('x\n') }],
    });
    expect(git(dir, 'log', '-1', '--format=%an|%cI|%s')).toBe(
      'statetrail|2026-11-22T10:00:00+00:00|scan: 1 added',
    );
  });

  it('chains preceding commits: format first, then the scan, parent to child', async () => {
    const dir = await freshDir();
    const trail = new LocalGitTrail({ dir, clock: fixedClock });
    const bytes = (text: string) => new TextEncoder().encode(text);
    const first = await trail.writeCommit({
      expectedHead: null,
      message: 'scan: 1 added',
      changes: [{ path: 'a.yaml', content: bytes('1\n') }],
    });
    await trail.writeCommit({
      expectedHead: first,
      preceding: [
        { message: 'format: 1 rewritten', changes: [{ path: 'a.yaml', content: bytes('1 \n') }] },
      ],
      message: 'scan: 1 added',
      changes: [{ path: 'b.yaml', content: bytes('2\n') }],
    });
    expect(git(dir, 'log', '--format=%s', '--name-status').split('\n').filter(Boolean)).toEqual([
      'scan: 1 added',
      'A\tb.yaml',
      'format: 1 rewritten',
      'M\ta.yaml',
      'scan: 1 added',
      'A\ta.yaml',
    ]);
    expect(git(dir, 'reflog', '--format=%gs', 'main').split('\n')).toHaveLength(2);
  });

  it('refuses a path outside the percent-encoded character set', async () => {
    const trail = new LocalGitTrail({ dir: await freshDir() });
    await expect(
      trail.writeCommit({
        expectedHead: null,
        message: 'bad',
        changes: [{ path: 'a b\nM 100644 inline x', content: new Uint8Array() }],
      }),
    ).rejects.toThrow(/safe set/);
  });
});
