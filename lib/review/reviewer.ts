/** A file a branch commit writes (UTF-8 text). */
export interface BranchFile {
  readonly path: string;
  readonly content: string;
}

/** What the review needs to know about a drift PR it opened. */
export interface PullFacts {
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
  /** Someone approved it: new drift no longer joins it. */
  readonly approved: boolean;
  /** A commit on its branch was not made by statetrail: the branch is never rewritten. */
  readonly foreignCommits: boolean;
  /** The branch head, null when the branch is gone. */
  readonly head: string | null;
  readonly url: string;
  readonly title: string;
  /** Its body as GitHub holds it (with statetrail's hidden hash). */
  readonly body: string;
}

/** The trail repository's base branch and its head commit. */
export interface BaseHead {
  readonly branch: string;
  readonly sha: string;
  /** The repository's web address, for links (`https://github.com/OWNER/REPO`). */
  readonly url: string;
}

/** An issue statetrail keeps: found by its title and label, edited only when its body changed. */
export interface IssueSpec {
  readonly title: string;
  readonly labels: readonly string[];
  readonly body: string;
}

/** A pull request statetrail keeps for a branch. */
export interface PullSpec {
  readonly branch: string;
  readonly base: string;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
}

/** One statetrail commit on a review branch (created when absent, else fast-forwarded). */
export interface BranchCommit {
  readonly branch: string;
  /** The commit whose tree the files are laid over (the base branch's head). */
  readonly treeOf: string;
  readonly parents: readonly string[];
  readonly files: readonly BranchFile[];
  readonly message: string;
  /** The branch head the commit must follow; null: the branch must not exist yet. */
  readonly expectedHead: string | null;
}

/** What "make it so" call changed: nothing, or what it wrote. */
export type Ensured = 'unchanged' | 'created' | 'updated';

/**
 * Drift pull requests and the dashboard issue, as idempotent "make it so" calls (Renovate's
 * ensureIssue/ensureComment): each finds its object by a stable key, edits it only when the
 * content changed (a hidden body hash) and never re-creates it. Adapters keep no state between
 * calls.
 */
export interface Reviewer {
  /** The base branch and its head. */
  baseHead(): Promise<BaseHead>;
  /** The body of the open issue with this title and label, or null. */
  findIssue(title: string, label: string): Promise<{ number: number; body: string } | null>;
  ensureIssue(spec: IssueSpec): Promise<{ number: number; result: Ensured }>;
  /** Facts of a pull request, null when it does not exist. */
  pullFacts(number: number): Promise<PullFacts | null>;
  /** The open PR whose head is this branch, or null. */
  findPull(branch: string): Promise<{ number: number; title: string; body: string } | null>;
  /** The open PR of `spec.branch`: created when absent, its body edited only when changed. */
  ensurePull(spec: PullSpec): Promise<{ number: number; result: Ensured }>;
  /** Writes one commit on a review branch; ReviewConflictError when the branch is not as expected. */
  commitToBranch(commit: BranchCommit): Promise<string>;
  /** The comment carrying `key` on an issue or PR: created when absent, edited only when changed. */
  ensureComment(number: number, key: string, body: string): Promise<Ensured>;
  closePull(number: number): Promise<void>;
  /** Deletes a branch; a branch already gone is fine. */
  deleteBranch(branch: string): Promise<void>;
}
