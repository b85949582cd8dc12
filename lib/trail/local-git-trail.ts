import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { type Clock, systemClock } from '../model/index.js';
import { TrailConflictError, TrailError, TrailUnavailableError } from './errors.js';
import { type GitResult, runGit } from './git-process.js';
import type { CommitRequest, Manifest, TrailStore } from './trail-store.js';

/** Options of the local git trail. */
export interface LocalGitTrailOptions {
  /** The repository directory; created (and `git init`-ed) when absent or empty. */
  readonly dir: string;
  /** @default 'main' */
  readonly branch?: string;
  /** @default the system clock */
  readonly clock?: Clock;
}

const AUTHOR = 'statetrail <statetrail@users.noreply.local>';
// fast-import reads paths unquoted unless they start with `"`; ours are percent-encoded (`~` only
// marks a digested name), so this set is all a trail path may hold, and anything else is refused
// rather than misquoted.
const SAFE_PATH = /^[A-Za-z0-9._%~-]+(\/[A-Za-z0-9._%~-]+)*$/;

/**
 * The embedded default trail: a git repository on disk. Commits are built with `git fast-import`
 * (one process for any number of files) and the branch is moved with `git update-ref <new> <old>`,
 * git's own compare-and-swap. A checked-out work tree is brought up to date after each commit.
 */
export class LocalGitTrail implements TrailStore {
  private readonly dir: string;
  private readonly branch: string;
  private readonly clock: Clock;
  private ready: Promise<void> | undefined;

  public constructor(options: LocalGitTrailOptions) {
    this.dir = options.dir;
    this.branch = options.branch ?? 'main';
    this.clock = options.clock ?? systemClock;
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
    const current = await this.head();
    if (current !== request.expectedHead) {
      throw new TrailConflictError(
        `Branch ${this.branch} moved from ${request.expectedHead ?? '(none)'} to ${current ?? '(none)'}`,
      );
    }
    const scratchRef = `refs/statetrail/pending/${randomUUID()}`;
    await this.git(['fast-import', '--quiet', '--date-format=raw'], {
      input: this.fastImportStream(scratchRef, request),
    });
    const commit = (await this.git(['rev-parse', '--verify', `${scratchRef}^{commit}`])).stdout
      .toString('utf8')
      .trim();
    await this.git(['update-ref', '-d', scratchRef]);
    const moved = await runGit(
      [
        'update-ref',
        '-m',
        'statetrail scan',
        `refs/heads/${this.branch}`,
        commit,
        request.expectedHead ?? '',
      ],
      { cwd: this.dir },
    );
    if (moved.code !== 0) {
      throw new TrailConflictError(`Branch ${this.branch} moved while committing`);
    }
    await this.updateWorkTree(request.expectedHead, commit);
    return commit;
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

  private async updateWorkTree(from: string | null, to: string): Promise<void> {
    const bare = (await this.git(['rev-parse', '--is-bare-repository'])).stdout.toString().trim();
    if (bare === 'true') return;
    const symbolic = await runGit(['symbolic-ref', '-q', 'HEAD'], { cwd: this.dir });
    if (symbolic.stdout.toString().trim() !== `refs/heads/${this.branch}`) return;
    // A two-tree merge moves index and files from the old commit to the new one, and refuses
    // (leaving them as they were) where someone edited a file in the work tree.
    const args = from ? ['read-tree', '-m', '-u', from, to] : ['read-tree', '-m', '-u', to];
    await runGit(args, { cwd: this.dir });
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
    if (info && !info.isDirectory()) {
      throw new TrailUnavailableError(`Trail ${this.dir} exists and is not a directory`);
    }
    if (!info) await mkdir(this.dir, { recursive: true });
    const inside = await runGit(['rev-parse', '--git-dir'], { cwd: this.dir }).catch((error) => {
      throw new TrailUnavailableError('git is not installed or cannot run', { cause: error });
    });
    const isOwnRepository =
      inside.code === 0 && ['.git', '.'].includes(inside.stdout.toString('utf8').trim());
    if (isOwnRepository) return;
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
