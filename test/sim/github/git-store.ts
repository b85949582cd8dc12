import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** One entry of a git tree. */
export interface TreeEntry {
  readonly name: string;
  /** `100644`, `100755`, `120000`, `160000` or `40000` (a tree). */
  readonly mode: string;
  readonly sha: string;
}

/** A git object as stored: its type and raw body. */
interface StoredObject {
  readonly type: 'blob' | 'tree' | 'commit';
  readonly body: Buffer;
}

/** A parsed commit. */
export interface CommitObject {
  readonly tree: string;
  readonly parents: string[];
  readonly author: string;
  readonly committer: string;
  readonly message: string;
}

/**
 * A real bare git repository that the simulated GitHub reads and writes: objects are written as
 * loose objects (so `git` itself reads the history the tests check) and kept in memory; objects
 * made by `git` (a test pushing as a person) are read back through `git cat-file`.
 */
export class GitStore {
  private readonly objects = new Map<string, StoredObject>();

  public constructor(public readonly dir: string) {
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  }

  /** Runs git in the repository. */
  public git(args: readonly string[], input?: Buffer | string): string {
    return execFileSync('git', [...args], {
      cwd: this.dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      ...(input !== undefined ? { input } : {}),
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    });
  }

  public writeBlob(bytes: Buffer): string {
    return this.write('blob', bytes);
  }

  public writeTree(entries: readonly TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => compareTreeNames(a, b));
    const body = Buffer.concat(
      sorted.flatMap((entry) => [
        Buffer.from(`${entry.mode} ${entry.name}\0`),
        Buffer.from(entry.sha, 'hex'),
      ]),
    );
    return this.write('tree', body);
  }

  public writeCommit(commit: CommitObject): string {
    const lines = [`tree ${commit.tree}`, ...commit.parents.map((parent) => `parent ${parent}`)];
    lines.push(`author ${commit.author}`, `committer ${commit.committer}`, '', commit.message);
    return this.write('commit', Buffer.from(lines.join('\n')));
  }

  /** The object's type, or undefined when the repository has no such object. */
  public typeOf(sha: string): StoredObject['type'] | undefined {
    return this.read(sha)?.type;
  }

  public readBlob(sha: string): Buffer | undefined {
    const object = this.read(sha);
    return object?.type === 'blob' ? object.body : undefined;
  }

  public readTree(sha: string): TreeEntry[] | undefined {
    const object = this.read(sha);
    if (object?.type !== 'tree') return undefined;
    const entries: TreeEntry[] = [];
    let offset = 0;
    const { body } = object;
    while (offset < body.length) {
      const space = body.indexOf(0x20, offset);
      const nul = body.indexOf(0, space);
      entries.push({
        mode: body.subarray(offset, space).toString('utf8'),
        name: body.subarray(space + 1, nul).toString('utf8'),
        sha: body.subarray(nul + 1, nul + 21).toString('hex'),
      });
      offset = nul + 21;
    }
    return entries;
  }

  public readCommit(sha: string): CommitObject | undefined {
    const object = this.read(sha);
    if (object?.type !== 'commit') return undefined;
    const text = object.body.toString('utf8');
    const split = text.indexOf('\n\n');
    const header = text.slice(0, split).split('\n');
    const field = (name: string) =>
      header
        .filter((line) => line.startsWith(`${name} `))
        .map((line) => line.slice(name.length + 1));
    return {
      tree: field('tree')[0] ?? '',
      parents: field('parent'),
      author: field('author')[0] ?? '',
      committer: field('committer')[0] ?? '',
      message: text.slice(split + 2),
    };
  }

  /** The commit a branch points at, or undefined. */
  public ref(name: string): string | undefined {
    try {
      return this.git(['rev-parse', '--verify', '-q', `${name}^{commit}`]).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  public setRef(name: string, sha: string): void {
    this.git(['update-ref', name, sha]);
  }

  public deleteRef(name: string): void {
    this.git(['update-ref', '-d', name]);
  }

  /** Every branch name (without refs/heads/). */
  public branches(): string[] {
    return this.git(['for-each-ref', '--format=%(refname:strip=2)', 'refs/heads/'])
      .split('\n')
      .filter(Boolean);
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors. */
  public isAncestor(ancestor: string, descendant: string): boolean {
    try {
      this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }

  private write(type: StoredObject['type'], body: Buffer): string {
    const header = Buffer.from(`${type} ${body.length}\0`);
    const sha = createHash('sha1').update(header).update(body).digest('hex');
    if (!this.objects.has(sha)) {
      this.objects.set(sha, { type, body });
      const folder = join(this.dir, 'objects', sha.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, sha.slice(2)), deflateSync(Buffer.concat([header, body])));
    }
    return sha;
  }

  private read(sha: string): StoredObject | undefined {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    const known = this.objects.get(sha);
    if (known) return known;
    try {
      const type = this.git(['cat-file', '-t', sha]).trim() as StoredObject['type'];
      const body = execFileSync('git', ['cat-file', type, sha], {
        cwd: this.dir,
        maxBuffer: 1 << 30,
      });
      const object = { type, body };
      this.objects.set(sha, object);
      return object;
    } catch {
      return undefined;
    }
  }
}

/** Git's tree order: names compared as bytes, a tree as if its name ended in `/`. */
function compareTreeNames(a: TreeEntry, b: TreeEntry): number {
  const key = (entry: TreeEntry) =>
    Buffer.from(entry.mode === '40000' ? `${entry.name}/` : entry.name, 'utf8');
  return Buffer.compare(key(a), key(b));
}
