import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
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

  it('names a dangling symbolic link given as the trail, and the fix', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'trail-test-'));
    await symlink(join(parent, 'nowhere'), join(parent, 'trail'));
    await expect(new LocalGitTrail({ dir: join(parent, 'trail') }).readManifest()).rejects.toThrow(
      /trail is a symbolic link to a path that does not exist; create its target/,
    );
  });

  it("names git's dubious-ownership refusal and the safe.directory fix", async () => {
    const dir = await freshDir();
    await new LocalGitTrail({ dir }).readManifest();
    vi.stubEnv('GIT_TEST_ASSUME_DIFFERENT_OWNER', '1');
    try {
      await expect(new LocalGitTrail({ dir }).readManifest()).rejects.toThrow(
        /owned by another user \("dubious ownership"\); if you trust it, run git config --global --add safe\.directory/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
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

describe('Class: LocalGitTrail, with a checkout someone else touched', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const deadProbe = { pid: process.pid, host: hostname(), isAlive: () => false };

  async function trailWithFirstCommit() {
    const dir = await freshDir();
    const trail = new LocalGitTrail({ dir, clock: fixedClock, lockProbe: deadProbe });
    const first = await trail.writeCommit({
      expectedHead: null,
      message: 'first',
      changes: [
        { path: 'a.yaml', content: bytes('a1\n') },
        { path: 'b.yaml', content: bytes('b1\n') },
        { path: 'gone.yaml', content: bytes('g1\n') },
      ],
    });
    return { dir, trail, first };
  }

  it('refuses a commit over a local edit of a path it writes, and keeps the edit', async () => {
    const { dir, trail, first } = await trailWithFirstCommit();
    await writeFile(join(dir, 'a.yaml'), 'mine\n');
    await expect(
      trail.writeCommit({
        expectedHead: first,
        message: 'second',
        changes: [{ path: 'a.yaml', content: bytes('a2\n') }],
      }),
    ).rejects.toThrow(/local changes on 1 path\(s\) this scan writes: a\.yaml; commit, stash/);
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toBe('mine\n');
    expect(git(dir, 'rev-parse', 'main')).toBe(first);
  });

  it('refuses a staged change or an untracked file on a path it writes', async () => {
    const { dir, trail, first } = await trailWithFirstCommit();
    await writeFile(join(dir, 'b.yaml'), 'staged\n');
    git(dir, 'add', 'b.yaml');
    await writeFile(join(dir, 'new.yaml'), 'untracked\n');
    await expect(
      trail.writeCommit({
        expectedHead: first,
        message: 'second',
        changes: [
          { path: 'b.yaml', content: bytes('b2\n') },
          { path: 'new.yaml', content: bytes('n\n') },
        ],
      }),
    ).rejects.toThrow(/2 path\(s\) this scan writes: b\.yaml, new\.yaml/);
    expect(git(dir, 'rev-parse', 'main')).toBe(first);
    expect(await readFile(join(dir, 'new.yaml'), 'utf8')).toBe('untracked\n');
  });

  it('commits beside a local edit of another path, which stays, and leaves the rest equal to HEAD', async () => {
    const { dir, trail, first } = await trailWithFirstCommit();
    await writeFile(join(dir, 'b.yaml'), 'mine\n');
    await trail.writeCommit({
      expectedHead: first,
      message: 'second',
      changes: [
        { path: 'a.yaml', content: bytes('a2\n') },
        { path: 'gone.yaml', content: null },
      ],
    });
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toBe('a2\n');
    expect(git(dir, 'status', '--porcelain')).toBe('M b.yaml');
  });

  it("refuses while git's index.lock exists and leaves that lock alone", async () => {
    const { dir, trail, first } = await trailWithFirstCommit();
    await writeFile(join(dir, '.git/index.lock'), '');
    await expect(
      trail.writeCommit({
        expectedHead: first,
        message: 'second',
        changes: [{ path: 'a.yaml', content: bytes('a2\n') }],
      }),
    ).rejects.toThrow(/index\.lock exists .*remove the file if no git runs there/);
    expect(existsSync(join(dir, '.git/index.lock'))).toBe(true);
    expect(git(dir, 'rev-parse', 'main')).toBe(first);
  });

  it('names a held branch lock instead of calling it a moved branch', async () => {
    const { dir, trail, first } = await trailWithFirstCommit();
    await writeFile(join(dir, '.git/refs/heads/main.lock'), '');
    await expect(
      trail.writeCommit({
        expectedHead: first,
        message: 'second',
        changes: [{ path: 'a.yaml', content: bytes('a2\n') }],
      }),
    ).rejects.toThrow(/refs\/heads\/main\.lock exists .*remove the file if no git runs there/);
    expect(git(dir, 'rev-parse', 'main')).toBe(first);
  });

  it('refuses while another live statetrail holds the lock', async () => {
    const { dir, first } = await trailWithFirstCommit();
    const lock = join(dir, '.git/statetrail.lock');
    await writeFile(lock, JSON.stringify({ pid: 4242, host: hostname() }));
    const trail = new LocalGitTrail({
      dir,
      lockProbe: { ...deadProbe, isAlive: (pid) => pid === 4242 },
    });
    const write = trail.writeCommit({
      expectedHead: first,
      message: 'second',
      changes: [{ path: 'a.yaml', content: bytes('a2\n') }],
    });
    await expect(write).rejects.toBeInstanceOf(TrailUnavailableError);
    await expect(write).rejects.toThrow(/another statetrail \(pid 4242/);
    expect(existsSync(lock)).toBe(true);
  });

  it('finishes the work tree of a scan killed after moving the branch, keeping a user edit made since', async () => {
    const { dir, trail, first } = await trailWithFirstCommit();
    // What a killed scan leaves: the branch at its commit, index and most files at the old one,
    // one file already written, git's index lock, a scratch ref and its own lock.
    const index = join(dir, '.git/index');
    const saved = await readFile(index);
    git(dir, 'update-index', '--cacheinfo', `100644,${blob(dir, 'a2\n')},a.yaml`);
    git(dir, 'update-index', '--cacheinfo', `100644,${blob(dir, 'b2\n')},b.yaml`);
    git(dir, 'update-index', '--add', '--cacheinfo', `100644,${blob(dir, 'c2\n')},c.yaml`);
    git(dir, 'update-index', '--force-remove', 'gone.yaml');
    const second = git(dir, 'commit-tree', git(dir, 'write-tree'), '-p', first, '-m', 'second');
    await writeFile(index, saved);
    git(dir, 'update-ref', 'refs/heads/main', second);
    git(dir, 'update-ref', 'refs/statetrail/pending/killed', second);
    await writeFile(join(dir, 'a.yaml'), 'a2\n');
    await writeFile(join(dir, 'b.yaml'), 'user edit\n');
    await writeFile(join(dir, '.git/index.lock'), '');
    await writeFile(
      join(dir, '.git/statetrail.lock'),
      JSON.stringify({ pid: 999_999, host: hostname(), from: first, to: second }),
    );
    await trail.writeCommit({
      expectedHead: second,
      message: 'third',
      changes: [{ path: 'd.yaml', content: bytes('d3\n') }],
    });
    expect(git(dir, 'status', '--porcelain')).toBe('M b.yaml');
    expect(await readFile(join(dir, 'b.yaml'), 'utf8')).toBe('user edit\n');
    expect(await readFile(join(dir, 'c.yaml'), 'utf8')).toBe('c2\n');
    expect(existsSync(join(dir, 'gone.yaml'))).toBe(false);
    expect(git(dir, 'diff', '--cached', '--name-only')).toBe('');
    expect(git(dir, 'for-each-ref', 'refs/statetrail/')).toBe('');
    expect(existsSync(join(dir, '.git/statetrail.lock'))).toBe(false);
    expect(existsSync(join(dir, '.git/index.lock'))).toBe(false);
  });
});

function blob(dir: string, content: string): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], {
    cwd: dir,
    input: content,
    encoding: 'utf8',
  }).trim();
}
