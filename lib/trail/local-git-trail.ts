import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Clock, systemClock } from '../model/index.js';
import { TrailConflictError, TrailError, TrailUnavailableError } from './errors.js';
import { type GitResult, runGit } from './git-process.js';
import {
  acquireTrailLock,
  type LockProbe,
  processProbe,
  recoverStaleLock,
  type TrailLockOwner,
} from './trail-lock.js';
import type { CommitRequest, Manifest, TrailStore } from './trail-store.js';
import { assertCheckoutWritable, hasCheckout, moveCheckout, settleCheckout } from './work-tree.js';

/** Options of the local git trail. */
export interface LocalGitTrailOptions {
  /** The repository directory; created (and `git init`-ed) when absent or empty. */
  readonly dir: string;
  /** @default 'main' */
  readonly branch?: string;
  /** @default the system clock */
  readonly clock?: Clock;
  /** @default this process (tests play a killed scan with another pid) */
  readonly lockProbe?: LockProbe;
}

const LOCK_FILE = 'statetrail.lock';
const PENDING_REFS = 'refs/statetrail/pending/';
const AUTHOR = 'statetrail <statetrail@users.noreply.local>';
// fast-import reads paths unquoted unless they start with `"`; ours are percent-encoded (`~` only
// marks a digested name), so this set is all a trail path may hold, and anything else is refused
// rather than misquoted.
const SAFE_PATH = /^[A-Za-z0-9._%~-]+(\/[A-Za-z0-9._%~-]+)*$/;

/**
 * The embedded default trail: a git repository on disk. Commits are built with `git fast-import`
 * (one process for any number of files) and the branch is moved with `git update-ref <new> <old>`,
 * git's own compare-and-swap, under statetrail's own lock (`.git/statetrail.lock`, with pid and
 * host, so a killed scan's leftovers are finished by the next one). A checked-out work tree is
 * refused when a path the commit writes holds the user's changes, and brought to each new commit.
 */
export class LocalGitTrail implements TrailStore {
  private readonly dir: string;
  private readonly branch: string;
  private readonly clock: Clock;
  private readonly probe: LockProbe;
  private ready: Promise<void> | undefined;
  private gitDir = '.git';

  public constructor(options: LocalGitTrailOptions) {
    this.dir = options.dir;
    this.branch = options.branch ?? 'main';
    this.clock = options.clock ?? systemClock;
    this.probe = options.lockProbe ?? processProbe;
  }

  public async readManifest(): Promise<Manifest> {
    await this.ensureRepository();
    const head = await this.head();
    const files = new Map<string, string>();
    if (head === null) return { head, files };
    const listing = await this.git(['ls-tree', '-r', '-z', '--full-tree', head]);
    for (const entry of listing.stdout.toString('utf8').split('\0')) {
      if (!entry) continue;
      const tab = entry.indexOf('\t');
      const [, type, hash] = entry.slice(0, tab).split(' ');
      if (type === 'blob' && hash) files.set(entry.slice(tab + 1), hash);
    }
    return { head, files };
  }

  public async writeCommit(request: CommitRequest): Promise<string> {
    await this.ensureRepository();
    const lock = await acquireTrailLock(
      join(this.dir, this.gitDir, LOCK_FILE),
      this.probe,
      (stale) => this.recover(stale),
    );
    try {
      await this.dropPendingRefs();
      const current = await this.head();
      if (current !== request.expectedHead) {
        throw new TrailConflictError(
          `Branch ${this.branch} moved from ${request.expectedHead ?? '(none)'} to ${current ?? '(none)'}`,
        );
      }
      const checkout = await hasCheckout(this.dir, this.branch);
      if (checkout) await assertCheckoutWritable(this.dir, this.gitDir, changedPaths(request));
      const commit = await this.importCommit(request);
      await lock.note({ from: request.expectedHead, to: commit });
      await this.moveBranch(commit, request.expectedHead);
      if (checkout) await moveCheckout(this.dir, request.expectedHead, commit);
      return commit;
    } finally {
      await lock.release();
    }
  }

  public async readFile(path: string, ref?: string): Promise<Uint8Array | null> {
    await this.ensureRepository();
    const at = ref ?? (await this.head());
    if (at === null) return null;
    const result = await runGit(['cat-file', 'blob', `${at}:${path}`], { cwd: this.dir });
    if (result.code !== 0) return null;
    return new Uint8Array(result.stdout);
  }

  private fastImportStream(ref: string, request: CommitRequest): Buffer {
    const parts: Buffer[] = [];
    const seconds = Math.floor(this.clock.now().getTime() / 1000);
    const commits = [...(request.preceding ?? []), request];
    commits.forEach((commit, index) => {
      const message = Buffer.from(commit.message, 'utf8');
      parts.push(
        Buffer.from(
          `commit ${ref}\nauthor ${AUTHOR} ${seconds} +0000\ncommitter ${AUTHOR} ${seconds} +0000\ndata ${message.length}\n`,
        ),
        message,
        Buffer.from('\n'),
      );
      // The first commit starts from the expected head; later ones follow on the scratch ref.
      if (index === 0 && request.expectedHead) {
        parts.push(Buffer.from(`from ${request.expectedHead}\n`));
      }
      for (const change of commit.changes) {
        if (!SAFE_PATH.test(change.path)) {
          throw new TrailError(
            `Refusing to write a trail path outside the safe set: ${change.path}`,
          );
        }
        if (change.content === null) {
          parts.push(Buffer.from(`D ${change.path}\n`));
        } else {
          parts.push(
            Buffer.from(`M 100644 inline ${change.path}\ndata ${change.content.length}\n`),
            Buffer.from(change.content),
            Buffer.from('\n'),
          );
        }
      }
      parts.push(Buffer.from('\n'));
    });
    return Buffer.concat(parts);
  }

  /** Writes the commits on a scratch ref (dropped again whatever happens) and returns the last. */
  private async importCommit(request: CommitRequest): Promise<string> {
    const scratchRef = `${PENDING_REFS}${randomUUID()}`;
    try {
      await this.git(['fast-import', '--quiet', '--date-format=raw'], {
        input: this.fastImportStream(scratchRef, request),
      });
      return (await this.git(['rev-parse', '--verify', `${scratchRef}^{commit}`])).stdout
        .toString('utf8')
        .trim();
    } finally {
      await runGit(['update-ref', '-d', scratchRef], { cwd: this.dir });
    }
  }

  private async moveBranch(commit: string, expected: string | null): Promise<void> {
    const ref = `refs/heads/${this.branch}`;
    const moved = await runGit(
      ['update-ref', '-m', 'statetrail scan', ref, commit, expected ?? ''],
      {
        cwd: this.dir,
      },
    );
    if (moved.code === 0) return;
    if (/Unable to create '[^']*\.lock': File exists/.test(moved.stderr)) {
      const lockFile = join(this.dir, this.gitDir, `${ref}.lock`);
      throw new TrailUnavailableError(
        `Trail ${this.dir}: git's lock ${lockFile} exists (another git command is updating ${this.branch}, or one crashed); wait for it, or remove the file if no git runs there, then scan again`,
      );
    }
    throw new TrailConflictError(`Branch ${this.branch} moved while committing`);
  }

  /**
   * Finishes what a killed scan left: a branch it already moved gets its index and files (git's
   * index lock, which its own work-tree update held when it died, goes first).
   */
  private async recover(stale: TrailLockOwner): Promise<void> {
    if (stale.to === undefined || (await this.head()) !== stale.to) return;
    if (!(await hasCheckout(this.dir, this.branch))) return;
    await rm(join(this.dir, this.gitDir, 'index.lock'), { force: true });
    await settleCheckout(this.dir, stale.from ?? null, stale.to);
  }

  /** Scratch refs left by a killed scan (only a lock holder makes them, and we hold it). */
  private async dropPendingRefs(): Promise<void> {
    const pending = await this.git(['for-each-ref', '--format=%(refname)', PENDING_REFS]);
    const refs = pending.stdout.toString('utf8').split('\n').filter(Boolean);
    if (refs.length > 0) {
      await this.git(['update-ref', '--stdin'], {
        input: Buffer.from(refs.map((ref) => `delete ${ref}\n`).join('')),
      });
    }
  }

  private async head(): Promise<string | null> {
    const result = await runGit(
      ['rev-parse', '--verify', '-q', `refs/heads/${this.branch}^{commit}`],
      {
        cwd: this.dir,
      },
    );
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  private ensureRepository(): Promise<void> {
    this.ready ??= this.initialize();
    return this.ready;
  }

  private async initialize(): Promise<void> {
    const info = await stat(this.dir).catch(() => null);
    const link = info ? null : await lstat(this.dir).catch(() => null);
    if (link?.isSymbolicLink()) {
      throw new TrailUnavailableError(
        `Trail ${this.dir} is a symbolic link to a path that does not exist; create its target or give another directory`,
      );
    }
    if (info && !info.isDirectory()) {
      throw new TrailUnavailableError(`Trail ${this.dir} exists and is not a directory`);
    }
    if (!info) await mkdir(this.dir, { recursive: true });
    const inside = await runGit(['rev-parse', '--git-dir'], { cwd: this.dir }).catch((error) => {
      throw new TrailUnavailableError('git is not installed or cannot run', { cause: error });
    });
    const isOwnRepository =
      inside.code === 0 && ['.git', '.'].includes(inside.stdout.toString('utf8').trim());
    if (/dubious ownership/.test(inside.stderr)) {
      throw new TrailUnavailableError(
        `git refuses trail ${this.dir}: it is owned by another user ("dubious ownership"); if you trust it, run git config --global --add safe.directory ${this.dir}`,
      );
    }
    if (isOwnRepository) {
      this.gitDir = inside.stdout.toString('utf8').trim();
      // A scan killed half-way is finished by the next one, whether or not it commits.
      const lockFile = join(this.dir, this.gitDir, LOCK_FILE);
      const recovered = await recoverStaleLock(lockFile, this.probe, (stale) =>
        this.recover(stale),
      );
      if (recovered) await this.dropPendingRefs();
      return;
    }
    const entries = await readdir(this.dir);
    if (entries.length > 0) {
      throw new TrailUnavailableError(
        `Trail ${this.dir} is neither a git repository nor empty; give an empty or new directory`,
      );
    }
    await this.git(['init', '--quiet', `--initial-branch=${this.branch}`]);
  }

  private async git(args: readonly string[], options: { input?: Buffer } = {}): Promise<GitResult> {
    const result = await runGit(args, { cwd: this.dir, ...options });
    if (result.code !== 0) {
      throw new TrailError(`git ${args[0]} failed in ${this.dir}: ${result.stderr.trim()}`);
    }
    return result;
  }
}

/** Every path a request (and its preceding commits) writes or removes. */
function changedPaths(request: CommitRequest): Set<string> {
  const parts = [...(request.preceding ?? []), request];
  return new Set(parts.flatMap((part) => part.changes.map((change) => change.path)));
}
