import type { Logger } from '../../model/index.js';
import { TrailConflictError, TrailError, TrailUnavailableError } from '../errors.js';
import { buildTree, filesOf, type TreeDir } from '../git-tree.js';
import type {
  CommitPart,
  CommitRequest,
  Manifest,
  ManifestQuery,
  TrailStore,
} from '../trail-store.js';
import { type GitHubApi, isStatus } from './api.js';
import { chunkTreeEntries, type TreeWrite } from './tree-chunks.js';

/** Options of the GitHub trail. */
export interface GitHubTrailOptions {
  /** The REST client (Octokit with retry and throttling, see createGitHubClient). */
  readonly api: GitHubApi;
  readonly owner: string;
  readonly repo: string;
  /** @default the repository's default branch */
  readonly branch?: string;
  readonly logger?: Logger;
}

/** A remote tree entry as `GET /git/trees/{sha}` lists it. */
interface RemoteEntry {
  readonly path: string;
  readonly type: string;
  readonly sha: string;
}

/** The file the first commit of an empty repository holds until the trail's first commit replaces it. */
const BOOTSTRAP_PATH = '.statetrail/bootstrap';

/**
 * The trail as a GitHub repository, written through the Git Data API: no clone, no git binary.
 * Reads compare git tree hashes computed locally with the remote tree top-down and read only the
 * subtrees that differ; a commit writes only the changed paths (inline, in chunks on `base_tree`)
 * and moves the branch once, by fast-forward. A public repository is refused before any write.
 */
export class GitHubTrail implements TrailStore {
  private readonly api: GitHubApi;
  private readonly owner: string;
  private readonly repo: string;
  private readonly logger: Logger | undefined;
  private readonly at: { readonly owner: string; readonly repo: string };
  private branch: string | undefined;
  private checked: Promise<void> | undefined;
  /** Root tree of commits seen, so a commit on one needs no extra read. */
  private readonly rootTrees = new Map<string, string>();

  public constructor(options: GitHubTrailOptions) {
    this.api = options.api;
    this.owner = options.owner;
    this.repo = options.repo;
    this.at = { owner: options.owner, repo: options.repo };
    this.branch = options.branch;
    this.logger = options.logger;
  }

  /** `owner/repo@branch`, for messages. */
  public describe(): string {
    return `github:${this.owner}/${this.repo}${this.branch ? `@${this.branch}` : ''}`;
  }

  public async readManifest(query?: ManifestQuery): Promise<Manifest> {
    await this.ensureUsable();
    const head = await this.head();
    const files = new Map<string, string>();
    if (head === null) return { head, files };
    const root = await this.readTree(head);
    this.rootTrees.set(head, root.sha);
    if (query) await this.walk(root.entries, '', buildTree(withPaths(query)), query, files);
    else await this.listAll(root.entries, '', files);
    return { head, files };
  }

  public async writeCommit(request: CommitRequest): Promise<string> {
    await this.ensureUsable();
    let parent = request.expectedHead;
    const parts: CommitPart[] = [...(request.preceding ?? []), request];
    let bootstrap = false;
    if (parent === null && (await this.isEmpty())) {
      parent = await this.bootstrap();
      bootstrap = true;
    }
    let baseTree = parent === null ? undefined : await this.rootTree(parent);
    for (const [index, part] of parts.entries()) {
      const changes =
        bootstrap && index === 0
          ? [...part.changes, { path: BOOTSTRAP_PATH, content: null }]
          : part.changes;
      const writes = await Promise.all(changes.map((change) => this.toTreeWrite(change)));
      for (const chunk of chunkTreeEntries(writes)) {
        const { data } = await this.api.request('POST /repos/{owner}/{repo}/git/trees', {
          ...this.at,
          ...(baseTree === undefined ? {} : { base_tree: baseTree }),
          tree: [...chunk],
        });
        baseTree = data.sha;
      }
      if (baseTree === undefined) {
        const { data } = await this.api.request('POST /repos/{owner}/{repo}/git/trees', {
          ...this.at,
          tree: [],
        });
        baseTree = data.sha;
      }
      // No author or committer: authenticated as a GitHub App, GitHub signs the commit (Verified).
      const { data } = await this.api.request('POST /repos/{owner}/{repo}/git/commits', {
        ...this.at,
        message: part.message,
        tree: baseTree,
        parents: parent === null ? [] : [parent],
      });
      this.rootTrees.set(data.sha, baseTree);
      parent = data.sha;
    }
    if (parent === null) throw new TrailError('No commit was written');
    await this.moveBranch(request.expectedHead === null && !bootstrap, parent);
    return parent;
  }

  public async readFile(path: string, ref?: string): Promise<Uint8Array | null> {
    await this.ensureUsable();
    const at = ref ?? (await this.head());
    if (at === null) return null;
    try {
      const { data } = await this.api.request('GET /repos/{owner}/{repo}/contents/{path}', {
        ...this.at,
        path,
        ref: at,
      });
      if (Array.isArray(data) || data.type !== 'file') return null;
      if (data.encoding === 'base64') return new Uint8Array(Buffer.from(data.content, 'base64'));
      // Files over 1 MB come without content: read the blob itself.
      const blob = await this.api.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        ...this.at,
        file_sha: data.sha,
      });
      return new Uint8Array(Buffer.from(blob.data.content, 'base64'));
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Files of a directory read level by level, descending only where hashes differ or files may go. */
  private async walk(
    remote: readonly RemoteEntry[],
    prefix: string,
    local: TreeDir | undefined,
    query: ManifestQuery,
    files: Map<string, string>,
  ): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const entry of remote) {
      const path = prefix === '' ? entry.path : `${prefix}/${entry.path}`;
      const mine = local?.entries.get(entry.path);
      if (entry.type === 'blob') {
        files.set(path, entry.sha);
        continue;
      }
      if (entry.type !== 'tree') continue;
      if (mine?.type === 'tree' && mine.sha === entry.sha) {
        // Equal hashes: the remote directory holds exactly the files we expect, unread.
        filesOf(mine, path, files);
        continue;
      }
      const needed = mine?.type === 'tree' ? mine : undefined;
      if (query.complete.some((dir) => isWithin(path, dir))) {
        pending.push(this.listAllUnder(entry.sha, path, needed, query, files));
      } else if (needed || query.complete.some((dir) => isWithin(dir, `${path}/`))) {
        pending.push(
          this.readTree(entry.sha).then((tree) =>
            this.walk(tree.entries, path, needed, query, files),
          ),
        );
      }
    }
    await Promise.all(pending);
  }

  /** A directory the caller needs whole: one recursive listing unless GitHub truncates it. */
  private async listAllUnder(
    sha: string,
    path: string,
    local: TreeDir | undefined,
    query: ManifestQuery,
    files: Map<string, string>,
  ): Promise<void> {
    const { data } = await this.api.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      ...this.at,
      tree_sha: sha,
      recursive: 'true',
    });
    if (data.truncated) {
      const tree = await this.readTree(sha);
      await this.walk(
        tree.entries,
        path,
        local,
        { ...query, complete: [...query.complete, path] },
        files,
      );
      return;
    }
    for (const entry of data.tree) {
      if (entry.type === 'blob' && entry.path && entry.sha)
        files.set(`${path}/${entry.path}`, entry.sha);
    }
  }

  private async listAll(
    remote: readonly RemoteEntry[],
    prefix: string,
    files: Map<string, string>,
  ) {
    await this.walk(remote, prefix, undefined, { expected: new Map(), complete: [''] }, files);
  }

  private async readTree(sha: string): Promise<{ sha: string; entries: RemoteEntry[] }> {
    const { data } = await this.api.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      ...this.at,
      tree_sha: sha,
    });
    const entries = data.tree.flatMap((entry) =>
      entry.path && entry.sha && entry.type
        ? [{ path: entry.path, type: entry.type, sha: entry.sha }]
        : [],
    );
    return { sha: data.sha, entries };
  }

  private async rootTree(commit: string): Promise<string> {
    const known = this.rootTrees.get(commit);
    if (known) return known;
    const { data } = await this.api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
      ...this.at,
      commit_sha: commit,
    });
    this.rootTrees.set(commit, data.tree.sha);
    return data.tree.sha;
  }

  private async toTreeWrite(change: CommitPart['changes'][number]): Promise<TreeWrite> {
    if (change.content === null)
      return { path: change.path, mode: '100644', type: 'blob', sha: null };
    const text = decodeUtf8(change.content);
    if (text !== undefined)
      return { path: change.path, mode: '100644', type: 'blob', content: text };
    // Inline content is a string; bytes that are not UTF-8 go in as a base64 blob.
    const { data } = await this.api.request('POST /repos/{owner}/{repo}/git/blobs', {
      ...this.at,
      content: Buffer.from(change.content).toString('base64'),
      encoding: 'base64',
    });
    return {
      path: change.path,
      mode: '100644',
      type: 'blob',
      sha: data.sha,
      bytes: change.content.length,
    };
  }

  /** Creates the branch, or moves it by fast-forward only; either way a moved branch is a conflict. */
  private async moveBranch(create: boolean, commit: string): Promise<void> {
    const branch = await this.branchName();
    try {
      if (create) {
        await this.api.request('POST /repos/{owner}/{repo}/git/refs', {
          ...this.at,
          ref: `refs/heads/${branch}`,
          sha: commit,
        });
      } else {
        await this.api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ...this.at,
          ref: `heads/${branch}`,
          sha: commit,
          force: false,
        });
      }
    } catch (error) {
      if (isStatus(error, 422)) {
        throw new TrailConflictError(
          `Branch ${branch} of ${this.owner}/${this.repo} moved while committing`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  /** The first commit of an empty repository (the Git Data API answers 409 until there is one). */
  private async bootstrap(): Promise<string> {
    const branch = await this.branchName();
    this.logger?.info('Bootstrapping an empty trail repository', {
      repo: `${this.owner}/${this.repo}`,
    });
    let sha: string | undefined;
    try {
      const { data } = await this.api.request('PUT /repos/{owner}/{repo}/contents/{path}', {
        ...this.at,
        path: BOOTSTRAP_PATH,
        message: 'statetrail: start the trail',
        content: Buffer.from('statetrail\n').toString('base64'),
        branch,
      });
      sha = data.commit.sha;
    } catch (error) {
      // Another scan started the trail first: ours was computed against an empty one.
      if (isStatus(error, 409) || isStatus(error, 422)) {
        throw new TrailConflictError(`Trail ${this.owner}/${this.repo} was started concurrently`, {
          cause: error,
        });
      }
      throw error;
    }
    if (!sha) throw new TrailError(`Could not start the trail in ${this.owner}/${this.repo}`);
    return sha;
  }

  private async head(): Promise<string | null> {
    const branch = await this.branchName();
    try {
      const { data } = await this.api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        ...this.at,
        ref: `heads/${branch}`,
      });
      return data.object.sha;
    } catch (error) {
      if (isStatus(error, 404) || isStatus(error, 409)) return null;
      throw error;
    }
  }

  private async isEmpty(): Promise<boolean> {
    const branch = await this.branchName();
    try {
      await this.api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        ...this.at,
        ref: `heads/${branch}`,
      });
      return false;
    } catch (error) {
      if (isStatus(error, 409)) return true;
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  private async branchName(): Promise<string> {
    await this.ensureUsable();
    return this.branch ?? 'main';
  }

  /** Reads the repository once: it must exist, be reachable and be private. */
  private ensureUsable(): Promise<void> {
    this.checked ??= (async () => {
      let data: { private: boolean; default_branch: string };
      try {
        ({ data } = await this.api.request('GET /repos/{owner}/{repo}', this.at));
      } catch (error) {
        this.checked = undefined;
        if (isStatus(error, 404)) {
          throw new TrailUnavailableError(
            `GitHub repository ${this.owner}/${this.repo} was not found, or the credential cannot see it`,
            { cause: error },
          );
        }
        throw error;
      }
      if (!data.private) {
        throw new TrailUnavailableError(
          `Refusing to write the trail to ${this.owner}/${this.repo}: the repository is public; make it private or give another`,
        );
      }
      this.branch ??= data.default_branch;
    })();
    return this.checked;
  }
}

/** Whether a path is a directory or lies under it ('' is the root). */
function isWithin(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/** The query's expected files, with its extra paths under a hash no blob has, so they are read. */
function withPaths(query: ManifestQuery): Map<string, string> {
  const files = new Map(query.expected);
  for (const path of query.paths ?? []) if (!files.has(path)) files.set(path, '0'.repeat(40));
  return files;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
