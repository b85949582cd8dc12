/** The trail's files at one commit: path -> git blob hash (sha1 of `blob <len>\0<bytes>`). */
export interface Manifest {
  /** The commit the manifest was read at; null when the branch has no commit yet. */
  readonly head: string | null;
  readonly files: ReadonlyMap<string, string>;
}

/**
 * What a caller is about to compare the trail with. An adapter may then skip every directory
 * whose content it can prove equal to `expected` (a git tree hash equal to the locally computed
 * one) and every directory the caller does not need; the GitHub adapter reads only the subtrees
 * that differ.
 */
export interface ManifestQuery {
  /** Paths the caller has, with each one's blob hash. */
  readonly expected: ReadonlyMap<string, string>;
  /** Directories whose every file the caller needs (scopes a scan completed, so files may go). */
  readonly complete: readonly string[];
  /** Other paths the caller needs resolved whatever their content (statetrail's own records). */
  readonly paths?: readonly string[];
}

/** One path to write (content) or remove (content null) in a commit. */
export interface FileChange {
  readonly path: string;
  readonly content: Uint8Array | null;
}

/** One commit's changes and message. */
export interface CommitPart {
  readonly changes: readonly FileChange[];
  readonly message: string;
}

/**
 * A commit to write on top of an expected head, optionally after others (a `format:` commit
 * before a scan's). The branch moves once, to the last commit.
 */
export interface CommitRequest extends CommitPart {
  /** The head the changes were computed against; a moved branch is a TrailConflictError. */
  readonly expectedHead: string | null;
  /** Commits to write first, in order, each on the previous one. */
  readonly preceding?: readonly CommitPart[];
}

/**
 * Where the trail lives: a local git repository or a GitHub repository. Three calls, so every
 * adapter can be held to the same contract suite (test/unit/trail/contract.ts).
 */
export interface TrailStore {
  /**
   * Reads the manifest at the branch head. Without a query it holds every file; with one, it holds
   * every file of `expected` and `paths` that exists and every file under `complete`, and may
   * leave out the rest.
   */
  readManifest(query?: ManifestQuery): Promise<Manifest>;
  /** Writes the commit (after any preceding ones); throws TrailConflictError when the head moved. Returns the new head. */
  writeCommit(request: CommitRequest): Promise<string>;
  /** Reads one file at a commit (default: the branch head); null when absent. */
  readFile(path: string, ref?: string): Promise<Uint8Array | null>;
}
