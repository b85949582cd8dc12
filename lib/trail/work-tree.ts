import { lstat, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { gitBlobSha } from '../snapshot/blob-hash.js';
import { TrailError, TrailUnavailableError } from './errors.js';
import { runGit } from './git-process.js';

const SHOWN_PATHS = 5;

/** Whether `dir` has a work tree with `branch` checked out (else only the branch moves). */
export async function hasCheckout(dir: string, branch: string): Promise<boolean> {
  const bare = await runGit(['rev-parse', '--is-bare-repository'], { cwd: dir });
  if (bare.stdout.toString().trim() !== 'false') return false;
  const symbolic = await runGit(['symbolic-ref', '-q', 'HEAD'], { cwd: dir });
  return symbolic.stdout.toString().trim() === `refs/heads/${branch}`;
}

/**
 * Refuses, before anything is committed, a checkout the commit could not bring along: git's
 * index lock is held, or a path the commit writes has a local edit, a staged change or an
 * untracked file (the user's, never to be overwritten).
 */
export async function assertCheckoutWritable(
  dir: string,
  gitDir: string,
  paths: ReadonlySet<string>,
): Promise<void> {
  const indexLock = join(dir, gitDir, 'index.lock');
  if (await lstat(indexLock).catch(() => null)) {
    throw new TrailUnavailableError(
      `Trail ${dir}: ${indexLock} exists (another git command is running, or one crashed); wait for it, or remove the file if no git runs there, then scan again`,
    );
  }
  const status = await git(dir, [
    '--no-optional-locks',
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--no-renames',
  ]);
  const dirty = status
    .toString('utf8')
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3))
    .filter((path) => paths.has(path))
    .sort();
  if (dirty.length === 0) return;
  const shown = dirty.slice(0, SHOWN_PATHS).join(', ');
  const more = dirty.length > SHOWN_PATHS ? ` (+${dirty.length - SHOWN_PATHS} more)` : '';
  throw new TrailUnavailableError(
    `Trail ${dir} has local changes on ${dirty.length} path(s) this scan writes: ${shown}${more}; commit, stash (git -C ${dir} stash -u) or discard them, then scan again`,
  );
}

/**
 * Brings index and files from commit `from` to `to` (the branch already points at `to`). A
 * two-tree merge first; where it refuses or was cut short (a killed scan), each path the two
 * commits differ on is set in the index to `to`, and its file too unless it holds neither side's
 * bytes (then it is the user's edit and stays).
 */
export async function moveCheckout(dir: string, from: string | null, to: string): Promise<void> {
  const args = from ? ['read-tree', '-m', '-u', from, to] : ['read-tree', '-m', '-u', to];
  if ((await runGit(args, { cwd: dir })).code === 0) return;
  await settleCheckout(dir, from, to);
}

/** The path-by-path repair of `moveCheckout` (also what a stale lock's recovery runs). */
export async function settleCheckout(dir: string, from: string | null, to: string): Promise<void> {
  const before = from ? await blobs(dir, from) : new Map<string, string>();
  const after = await blobs(dir, to);
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter(
    (path) => before.get(path) !== after.get(path),
  );
  if (paths.length === 0) return;
  await git(
    dir,
    ['--literal-pathspecs', 'reset', '-q', to, '--pathspec-from-file=-', '--pathspec-file-nul'],
    paths,
  );
  const write: string[] = [];
  for (const path of paths) {
    const current = await fileBlob(join(dir, path));
    const ours = current === after.get(path) || current === before.get(path);
    if (!ours) continue;
    if (after.has(path)) write.push(path);
    else if (current !== undefined) await unlink(join(dir, path));
  }
  if (write.length > 0) {
    await git(
      dir,
      ['--literal-pathspecs', 'checkout', to, '--pathspec-from-file=-', '--pathspec-file-nul'],
      write,
    );
  }
}

/** Path -> blob hash of every file of a commit. */
async function blobs(dir: string, commit: string): Promise<Map<string, string>> {
  const listing = await git(dir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const files = new Map<string, string>();
  for (const entry of listing.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    const [, type, hash] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && hash) files.set(entry.slice(tab + 1), hash);
  }
  return files;
}

/** The blob hash of a regular file's bytes; undefined when absent; '' for anything else. */
async function fileBlob(path: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => null);
  if (!info) return undefined;
  if (!info.isFile()) return '';
  return gitBlobSha(await readFile(path));
}

async function git(
  dir: string,
  args: readonly string[],
  paths?: readonly string[],
): Promise<Buffer> {
  const input = paths ? `${paths.join('\0')}\0` : undefined;
  const result = await runGit(args, { cwd: dir, ...(input ? { input } : {}) });
  if (result.code !== 0) {
    throw new TrailError(
      `git ${args.filter((a) => !a.startsWith('-'))[0]} failed in ${dir}: ${result.stderr.trim()}`,
    );
  }
  return result.stdout;
}
