import type { RepoState } from './server.js';

/** A pull request as the sim keeps it. */
export interface SimPull {
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
  readonly head: string;
  readonly base: string;
  labels: string[];
  /** Reviews: who approved. */
  approvals: string[];
  mergedBy?: string;
  updatedAt: string;
}

/** An issue (the dashboard) as the sim keeps it. */
export interface SimIssue {
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  updatedAt: string;
}

/** A comment on an issue or pull request. */
export interface SimComment {
  readonly id: number;
  readonly issue: number;
  body: string;
}

/** Pull requests, issues, labels and comments of the simulated repository. */
export interface ReviewWorld {
  readonly repo: RepoState;
  readonly pulls: SimPull[];
  readonly issues: SimIssue[];
  readonly comments: SimComment[];
  readonly labels: Set<string>;
  /** Issue and pull numbers share one sequence, as on GitHub. */
  nextNumber(): number;
  nextCommentId(): number;
  now(): string;
  /** Merges a pull request as a person would (a merge commit on the base branch). */
  merge(number: number, by: string): void;
  /** Closes a pull request unmerged, as a person would. */
  close(number: number): void;
  approve(number: number, by: string): void;
}

/** A new, empty review world over the repository. */
export function createReviewWorld(repo: RepoState, clock: () => Date): ReviewWorld {
  let number = 0;
  let commentId = 1000;
  const world: ReviewWorld = {
    repo,
    pulls: [],
    issues: [],
    comments: [],
    labels: new Set(),
    nextNumber: () => ++number,
    nextCommentId: () => ++commentId,
    now: () =>
      clock()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z'),
    merge: (n, by) => {
      const pull = world.pulls.find((p) => p.number === n);
      if (pull?.state !== 'open') throw new Error(`Pull #${n} is not open`);
      const { store } = repo;
      const base = store.ref(`refs/heads/${pull.base}`);
      const head = store.ref(`refs/heads/${pull.head}`);
      if (!base || !head) throw new Error(`Pull #${n} has no base or head branch`);
      const tree = store.git(['merge-tree', '--write-tree', base, head]).split('\n')[0] ?? '';
      const seconds = Math.floor(clock().getTime() / 1000);
      const merge = store.writeCommit({
        tree,
        parents: [base, head],
        author: `${by} <${by}@users.noreply.github.com> ${seconds} +0000`,
        committer: `GitHub <noreply@github.com> ${seconds} +0000`,
        message: `Merge pull request #${n} from ${pull.head}\n\n${pull.title}`,
      });
      store.setRef(`refs/heads/${pull.base}`, merge);
      pull.state = 'closed';
      pull.merged = true;
      pull.mergedBy = by;
      pull.updatedAt = world.now();
    },
    close: (n) => {
      const pull = world.pulls.find((p) => p.number === n);
      if (!pull) throw new Error(`No pull #${n}`);
      pull.state = 'closed';
      pull.updatedAt = world.now();
    },
    approve: (n, by) => {
      const pull = world.pulls.find((p) => p.number === n);
      if (!pull) throw new Error(`No pull #${n}`);
      pull.approvals.push(by);
    },
  };
  return world;
}
