import type { GitStore, TreeEntry } from './git-store.js';
import type { GitHubReply, RepoState } from './server.js';

const EMPTY = { status: 409, body: { message: 'Git Repository is empty.' } } as const;
const AUTHOR_LINE = 'statetrail-sim[bot] <sim@users.noreply.github.com>';

/** Answers the Git database and contents endpoints, or undefined when the path is not one of them. */
export function answerGit(
  repo: RepoState,
  method: string,
  path: string,
  body: Record<string, unknown>,
  query: URLSearchParams,
): GitHubReply | undefined {
  const { store } = repo;
  const isEmpty = store.branches().length === 0;
  let match: RegExpExecArray | null;
  match = /^\/contents\/(.+)$/.exec(path);
  if (match) {
    return method === 'PUT'
      ? putContents(repo, match[1] ?? '', body)
      : method === 'GET'
        ? getContents(repo, match[1] ?? '', query.get('ref'))
        : undefined;
  }
  if (!path.startsWith('/git/')) return undefined;
  if (isEmpty) return EMPTY;
  match = /^\/git\/ref\/heads\/(.+)$/.exec(path);
  if (match && method === 'GET') {
    const sha = store.ref(`refs/heads/${match[1]}`);
    if (!sha) return { status: 404, body: { message: 'Not Found' } };
    return { status: 200, body: refBody(match[1] ?? '', sha) };
  }
  match = /^\/git\/refs\/heads\/(.+)$/.exec(path);
  if (match) {
    const branch = match[1] ?? '';
    const current = store.ref(`refs/heads/${branch}`);
    if (method === 'DELETE') {
      if (!current) return { status: 422, body: { message: 'Reference does not exist' } };
      store.deleteRef(`refs/heads/${branch}`);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      const sha = String(body['sha'] ?? '');
      if (!current) return { status: 422, body: { message: 'Reference does not exist' } };
      if (store.typeOf(sha) !== 'commit')
        return { status: 422, body: { message: 'Object does not exist' } };
      if (body['force'] !== true && !store.isAncestor(current, sha)) {
        return { status: 422, body: { message: 'Update is not a fast forward' } };
      }
      store.setRef(`refs/heads/${branch}`, sha);
      return { status: 200, body: refBody(branch, sha) };
    }
    return undefined;
  }
  if (path === '/git/refs' && method === 'POST') {
    const ref = String(body['ref'] ?? '');
    const sha = String(body['sha'] ?? '');
    if (!/^refs\/heads\/.+/.test(ref))
      return { status: 422, body: { message: 'Reference name is invalid' } };
    if (store.ref(ref)) return { status: 422, body: { message: 'Reference already exists' } };
    if (store.typeOf(sha) !== 'commit')
      return { status: 422, body: { message: 'Object does not exist' } };
    store.setRef(ref, sha);
    return { status: 201, body: refBody(ref.slice('refs/heads/'.length), sha) };
  }
  match = /^\/git\/trees\/([0-9a-f]{40})$/.exec(path);
  if (match && method === 'GET') {
    return getTree(repo, match[1] ?? '', query.get('recursive') !== null);
  }
  if (path === '/git/trees' && method === 'POST') return createTree(store, body);
  if (path === '/git/blobs' && method === 'POST') {
    const content = String(body['content'] ?? '');
    const bytes = Buffer.from(content, body['encoding'] === 'base64' ? 'base64' : 'utf8');
    return { status: 201, body: { sha: store.writeBlob(bytes) } };
  }
  match = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(path);
  if (match && method === 'GET') {
    const bytes = store.readBlob(match[1] ?? '');
    if (!bytes) return { status: 404, body: { message: 'Not Found' } };
    return {
      status: 200,
      body: {
        sha: match[1],
        size: bytes.length,
        encoding: 'base64',
        content: bytes.toString('base64'),
      },
    };
  }
  if (path === '/git/commits' && method === 'POST') return createCommit(store, body);
  match = /^\/git\/commits\/([0-9a-f]{40})$/.exec(path);
  if (match && method === 'GET') {
    const commit = store.readCommit(match[1] ?? '');
    if (!commit) return { status: 404, body: { message: 'Not Found' } };
    return { status: 200, body: commitBody(match[1] ?? '', commit) };
  }
  return undefined;
}

function refBody(branch: string, sha: string) {
  return { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } };
}

function commitBody(sha: string, commit: NonNullable<ReturnType<GitStore['readCommit']>>) {
  const person = (line: string) => {
    const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line);
    return {
      name: match?.[1] ?? '',
      email: match?.[2] ?? '',
      date: new Date(Number(match?.[3] ?? 0) * 1000).toISOString().replace('.000', ''),
    };
  };
  return {
    sha,
    tree: { sha: commit.tree },
    parents: commit.parents.map((parent) => ({ sha: parent })),
    message: commit.message,
    author: person(commit.author),
    committer: person(commit.committer),
    verification: { verified: commit.author.startsWith('statetrail-sim[bot]'), reason: 'valid' },
  };
}

function getTree(repo: RepoState, sha: string, recursive: boolean): GitHubReply {
  const { store } = repo;
  const treeSha = store.typeOf(sha) === 'commit' ? store.readCommit(sha)?.tree : sha;
  const root = treeSha ? store.readTree(treeSha) : undefined;
  if (!treeSha || !root) return { status: 404, body: { message: 'Not Found' } };
  const tree: { path: string; mode: string; type: string; sha: string; size?: number }[] = [];
  const walk = (entries: readonly TreeEntry[], prefix: string) => {
    for (const entry of entries) {
      const isTree = entry.mode === '40000';
      tree.push({
        path: `${prefix}${entry.name}`,
        mode: isTree ? '040000' : entry.mode,
        type: isTree ? 'tree' : 'blob',
        sha: entry.sha,
        ...(isTree ? {} : { size: store.readBlob(entry.sha)?.length ?? 0 }),
      });
      if (isTree && recursive) walk(store.readTree(entry.sha) ?? [], `${prefix}${entry.name}/`);
    }
  };
  walk(root, '');
  const truncated = recursive && tree.length > repo.truncateTreesOver;
  return {
    status: 200,
    body: {
      sha: treeSha,
      tree: truncated ? tree.slice(0, repo.truncateTreesOver) : tree,
      truncated,
    },
  };
}

/** A directory being edited: entries loaded from the base tree, changed in place. */
interface Node {
  readonly entries: Map<string, { mode: string; sha: string } | Node>;
}

function load(store: GitStore, sha: string | undefined): Node {
  const entries = new Map<string, { mode: string; sha: string } | Node>();
  for (const entry of (sha ? store.readTree(sha) : undefined) ?? []) {
    entries.set(entry.name, { mode: entry.mode, sha: entry.sha });
  }
  return { entries };
}

function isNode(value: { mode: string; sha: string } | Node): value is Node {
  return 'entries' in value;
}

function createTree(store: GitStore, body: Record<string, unknown>): GitHubReply {
  const baseTree = body['base_tree'] === undefined ? undefined : String(body['base_tree']);
  if (baseTree !== undefined && store.typeOf(baseTree) !== 'tree') {
    return { status: 422, body: { message: 'Invalid tree info' } };
  }
  const root = load(store, baseTree);
  const items = Array.isArray(body['tree']) ? (body['tree'] as Record<string, unknown>[]) : [];
  for (const item of items) {
    const path = String(item['path'] ?? '');
    const parts = path.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..')) {
      return { status: 422, body: { message: `tree.path contains a malformed path component` } };
    }
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.entries.get(part);
      if (child === undefined || !isNode(child)) {
        child = load(store, child?.mode === '40000' ? child.sha : undefined);
        node.entries.set(part, child);
      }
      node = child;
    }
    const name = parts.at(-1) ?? '';
    if ('content' in item && 'sha' in item) {
      return { status: 422, body: { message: 'Must supply either tree.sha or tree.content' } };
    }
    if (item['sha'] === null) {
      if (!node.entries.has(name)) {
        return { status: 422, body: { message: `GitRPC::BadObjectState: ${path} does not exist` } };
      }
      node.entries.delete(name);
      continue;
    }
    const sha =
      typeof item['content'] === 'string'
        ? store.writeBlob(Buffer.from(item['content'], 'utf8'))
        : String(item['sha'] ?? '');
    if (!store.typeOf(sha))
      return { status: 422, body: { message: `tree.sha ${sha} is not a valid object` } };
    node.entries.set(name, { mode: String(item['mode'] ?? '100644'), sha });
  }
  const sha = save(store, root);
  return { status: 201, body: { sha, truncated: false, tree: [] } };
}

function save(store: GitStore, node: Node): string {
  const entries: TreeEntry[] = [];
  for (const [name, value] of node.entries) {
    if (!isNode(value)) {
      entries.push({ name, mode: value.mode, sha: value.sha });
      continue;
    }
    if (value.entries.size === 0) continue;
    entries.push({ name, mode: '40000', sha: save(store, value) });
  }
  return store.writeTree(entries);
}

function createCommit(store: GitStore, body: Record<string, unknown>): GitHubReply {
  const tree = String(body['tree'] ?? '');
  const parents = Array.isArray(body['parents']) ? body['parents'].map(String) : [];
  if (store.typeOf(tree) !== 'tree')
    return { status: 422, body: { message: 'Tree SHA does not exist' } };
  if (parents.some((parent) => store.typeOf(parent) !== 'commit')) {
    return {
      status: 422,
      body: { message: 'Parent SHA does not exist or is not a commit object' },
    };
  }
  const seconds = Math.floor(Date.now() / 1000);
  const given = body['author'] as { name?: string; email?: string } | undefined;
  const author = given ? `${given.name} <${given.email}>` : AUTHOR_LINE;
  const sha = store.writeCommit({
    tree,
    parents,
    author: `${author} ${seconds} +0000`,
    committer: `${author} ${seconds} +0000`,
    message: String(body['message'] ?? ''),
  });
  const commit = store.readCommit(sha);
  return { status: 201, body: commit ? commitBody(sha, commit) : { sha } };
}

function getContents(repo: RepoState, path: string, ref: string | null): GitHubReply {
  const { store } = repo;
  if (store.branches().length === 0)
    return { status: 404, body: { message: 'This repository is empty.' } };
  const commit = store.ref(ref ?? repo.defaultBranch);
  let sha = commit ? store.readCommit(commit)?.tree : undefined;
  const parts = path.split('/');
  for (const [index, part] of parts.entries()) {
    const entry = sha ? store.readTree(sha)?.find((e) => e.name === part) : undefined;
    if (!entry || (index < parts.length - 1 && entry.mode !== '40000')) {
      return { status: 404, body: { message: 'Not Found' } };
    }
    sha = entry.sha;
  }
  const bytes = sha ? store.readBlob(sha) : undefined;
  if (!sha || !bytes) return { status: 404, body: { message: 'Not Found' } };
  const large = bytes.length > 1024 * 1024;
  return {
    status: 200,
    body: {
      type: 'file',
      path,
      sha,
      size: bytes.length,
      encoding: large ? 'none' : 'base64',
      content: large ? '' : bytes.toString('base64'),
    },
  };
}

function putContents(repo: RepoState, path: string, body: Record<string, unknown>): GitHubReply {
  const { store } = repo;
  const branch = String(body['branch'] ?? repo.defaultBranch);
  const parent = store.ref(`refs/heads/${branch}`);
  const blob = store.writeBlob(Buffer.from(String(body['content'] ?? ''), 'base64'));
  const root = load(store, parent ? store.readCommit(parent)?.tree : undefined);
  let node = root;
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) {
    let child = node.entries.get(part);
    if (child === undefined || !isNode(child)) {
      child = load(store, child?.mode === '40000' ? child.sha : undefined);
      node.entries.set(part, child);
    }
    node = child;
  }
  node.entries.set(parts.at(-1) ?? '', { mode: '100644', sha: blob });
  const seconds = Math.floor(Date.now() / 1000);
  const commit = store.writeCommit({
    tree: save(store, root),
    parents: parent ? [parent] : [],
    author: `${AUTHOR_LINE} ${seconds} +0000`,
    committer: `${AUTHOR_LINE} ${seconds} +0000`,
    message: String(body['message'] ?? ''),
  });
  store.setRef(`refs/heads/${branch}`, commit);
  return {
    status: parent ? 200 : 201,
    body: { content: { path, sha: blob }, commit: { sha: commit } },
  };
}
