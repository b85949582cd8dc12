import { createHash } from 'node:crypto';

/** A file in a locally computed tree: its git blob hash. */
export interface TreeBlob {
  readonly type: 'blob';
  readonly sha: string;
}

/** A directory of a locally computed tree, hashed exactly as git hashes tree objects. */
export interface TreeDir {
  readonly type: 'tree';
  readonly sha: string;
  readonly entries: ReadonlyMap<string, TreeBlob | TreeDir>;
}

interface Building {
  readonly entries: Map<string, TreeBlob | Building>;
}

/**
 * The git tree of a set of files (path -> blob hash, mode 100644), every directory hashed as git
 * would (`tree <len>\0` + `<mode> <name>\0<20-byte sha>` entries in git's order). Two trees with
 * equal hashes hold exactly the same files, which is what lets an adapter skip reading them.
 */
export function buildTree(files: ReadonlyMap<string, string>): TreeDir {
  const root: Building = { entries: new Map() };
  for (const [path, sha] of files) {
    const parts = path.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.entries.get(part);
      if (child === undefined || !('entries' in child)) {
        child = { entries: new Map() };
        node.entries.set(part, child);
      }
      node = child;
    }
    node.entries.set(parts.at(-1) ?? '', { type: 'blob', sha });
  }
  return seal(root);
}

function seal(node: Building): TreeDir {
  const entries = new Map<string, TreeBlob | TreeDir>();
  for (const [name, child] of node.entries) {
    entries.set(name, 'entries' in child ? seal(child) : child);
  }
  return { type: 'tree', sha: treeSha(entries), entries };
}

function treeSha(entries: ReadonlyMap<string, TreeBlob | TreeDir>): string {
  const sorted = [...entries].sort(([a, x], [b, y]) =>
    Buffer.compare(
      Buffer.from(x.type === 'tree' ? `${a}/` : a, 'utf8'),
      Buffer.from(y.type === 'tree' ? `${b}/` : b, 'utf8'),
    ),
  );
  const body = Buffer.concat(
    sorted.flatMap(([name, entry]) => [
      Buffer.from(`${entry.type === 'tree' ? '40000' : '100644'} ${name}\0`, 'utf8'),
      Buffer.from(entry.sha, 'hex'),
    ]),
  );
  return createHash('sha1').update(`tree ${body.length}\0`).update(body).digest('hex');
}

/** Every file under a locally computed directory, with its full path. */
export function filesOf(dir: TreeDir, prefix: string, into: Map<string, string>): void {
  for (const [name, entry] of dir.entries) {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (entry.type === 'blob') into.set(path, entry.sha);
    else filesOf(entry, path, into);
  }
}
