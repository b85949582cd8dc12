import type { Logger } from '../../model/index.js';
import { type GitHubApi, isStatus } from '../../trail/github/api.js';
import { commentMarker, sameBody, withBodyHash } from '../body-hash.js';
import { ReviewConflictError, ReviewError } from '../errors.js';
import { REVIEW_TRAILER } from '../plan-review.js';
import type {
  BaseHead,
  BranchCommit,
  Ensured,
  IssueSpec,
  PullFacts,
  PullSpec,
  Reviewer,
} from '../reviewer.js';

/** Options of the GitHub reviewer. */
export interface GitHubReviewerOptions {
  /** The same REST client the GitHub trail uses (retry, throttling, auth). */
  readonly api: GitHubApi;
  readonly owner: string;
  readonly repo: string;
  /** @default the repository's default branch */
  readonly branch?: string;
  readonly logger?: Logger;
}

const PER_PAGE = 100;

/** The Reviewer over GitHub's REST API: pulls, issues, comments, and Git Data for PR branches. */
export class GitHubReviewer implements Reviewer {
  private readonly api: GitHubApi;
  private readonly at: { readonly owner: string; readonly repo: string };
  private readonly branch: string | undefined;

  public constructor(options: GitHubReviewerOptions) {
    this.api = options.api;
    this.at = { owner: options.owner, repo: options.repo };
    this.branch = options.branch;
  }

  public async baseHead(): Promise<BaseHead> {
    const { data: repo } = await this.api.request('GET /repos/{owner}/{repo}', this.at);
    const branch = this.branch ?? repo.default_branch;
    const { data } = await this.api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      ...this.at,
      ref: `heads/${branch}`,
    });
    const url =
      typeof repo.html_url === 'string' && repo.html_url !== ''
        ? repo.html_url
        : `https://github.com/${this.at.owner}/${this.at.repo}`;
    return { branch, sha: data.object.sha, url };
  }

  public async findIssue(title: string, label: string) {
    for (let page = 1; ; page++) {
      const { data } = await this.api.request('GET /repos/{owner}/{repo}/issues', {
        ...this.at,
        state: 'open',
        labels: label,
        // The oldest first: two scans that both created a dashboard agree on which one stays.
        sort: 'created',
        direction: 'asc',
        per_page: PER_PAGE,
        page,
      });
      const found = data.find((issue) => issue.title === title && !issue.pull_request);
      if (found) return { number: found.number, body: found.body ?? '' };
      if (data.length < PER_PAGE) return null;
    }
  }

  public async ensureIssue(spec: IssueSpec): Promise<{ number: number; result: Ensured }> {
    const label = spec.labels[0] ?? '';
    const existing = await this.findIssue(spec.title, label);
    if (existing === null) {
      const { data } = await this.api.request('POST /repos/{owner}/{repo}/issues', {
        ...this.at,
        title: spec.title,
        body: withBodyHash(spec.body),
        labels: [...spec.labels],
      });
      return this.settleCreatedIssue(spec, data.number, label);
    }
    if (sameBody(existing.body, spec.body)) return { number: existing.number, result: 'unchanged' };
    await this.api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...this.at,
      issue_number: existing.number,
      body: withBodyHash(spec.body),
    });
    return { number: existing.number, result: 'updated' };
  }

  /**
   * Another scan (two first scans at once) may have created the same issue meanwhile. The oldest
   * stays: a newer one closes itself with a comment pointing at it and hands it its body.
   */
  private async settleCreatedIssue(spec: IssueSpec, number: number, label: string) {
    const oldest = await this.findIssue(spec.title, label);
    if (oldest === null || oldest.number >= number) return { number, result: 'created' as const };
    await this.api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...this.at,
      issue_number: number,
      body: `Duplicate of #${oldest.number}: two scans created this issue at once; that one is kept.`,
    });
    await this.api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...this.at,
      issue_number: number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    if (sameBody(oldest.body, spec.body))
      return { number: oldest.number, result: 'unchanged' as const };
    await this.api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...this.at,
      issue_number: oldest.number,
      body: withBodyHash(spec.body),
    });
    return { number: oldest.number, result: 'updated' as const };
  }

  public async pullFacts(number: number): Promise<PullFacts | null> {
    let pull: Awaited<ReturnType<typeof this.getPull>>;
    try {
      pull = await this.getPull(number);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
    const open = pull.state === 'open';
    const reviews = open
      ? (
          await this.api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
            ...this.at,
            pull_number: number,
            per_page: PER_PAGE,
          })
        ).data
      : [];
    const commits = pull.head.sha
      ? (
          await this.api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', {
            ...this.at,
            pull_number: number,
            per_page: PER_PAGE,
          })
        ).data
      : [];
    const trailer = new RegExp(`^${REVIEW_TRAILER}: `, 'm');
    return {
      number,
      state: open ? 'open' : 'closed',
      merged: pull.merged_at !== null && pull.merged_at !== undefined,
      approved: reviews.some((review) => review.state === 'APPROVED'),
      foreignCommits: commits.some((commit) => !trailer.test(commit.commit.message)),
      head: pull.head.sha ?? null,
      url: pull.html_url,
      title: pull.title,
      body: pull.body ?? '',
    };
  }

  private async getPull(number: number) {
    const { data } = await this.api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...this.at,
      pull_number: number,
    });
    return data;
  }

  public async findPull(branch: string) {
    const { data } = await this.api.request('GET /repos/{owner}/{repo}/pulls', {
      ...this.at,
      state: 'open',
      head: `${this.at.owner}:${branch}`,
      per_page: PER_PAGE,
    });
    const found = data.find((pull) => pull.head.ref === branch);
    return found ? { number: found.number, title: found.title, body: found.body ?? '' } : null;
  }

  public async ensurePull(spec: PullSpec): Promise<{ number: number; result: Ensured }> {
    const existing = await this.findPull(spec.branch);
    if (existing === null) {
      const { data } = await this.api.request('POST /repos/{owner}/{repo}/pulls', {
        ...this.at,
        head: spec.branch,
        base: spec.base,
        title: spec.title,
        body: withBodyHash(spec.body),
      });
      await this.api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...this.at,
        issue_number: data.number,
        labels: [...spec.labels],
      });
      return { number: data.number, result: 'created' };
    }
    if (sameBody(existing.body, spec.body) && existing.title === spec.title) {
      return { number: existing.number, result: 'unchanged' };
    }
    await this.api.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...this.at,
      pull_number: existing.number,
      title: spec.title,
      body: withBodyHash(spec.body),
    });
    return { number: existing.number, result: 'updated' };
  }

  public async commitToBranch(commit: BranchCommit): Promise<string> {
    const head = await this.branchHead(commit.branch);
    if (head !== commit.expectedHead) {
      throw new ReviewConflictError(
        `Branch ${commit.branch} is not where statetrail left it; leaving it alone`,
      );
    }
    const { data: base } = await this.api.request(
      'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
      { ...this.at, commit_sha: commit.treeOf },
    );
    const { data: tree } = await this.api.request('POST /repos/{owner}/{repo}/git/trees', {
      ...this.at,
      base_tree: base.tree.sha,
      tree: commit.files.map((file) => ({
        path: file.path,
        mode: '100644' as const,
        type: 'blob' as const,
        content: file.content,
      })),
    });
    const { data: created } = await this.api.request('POST /repos/{owner}/{repo}/git/commits', {
      ...this.at,
      message: commit.message,
      tree: tree.sha,
      parents: [...commit.parents],
    });
    try {
      if (head === null) {
        await this.api.request('POST /repos/{owner}/{repo}/git/refs', {
          ...this.at,
          ref: `refs/heads/${commit.branch}`,
          sha: created.sha,
        });
      } else {
        // Never forced: a branch that moved meanwhile is someone else's now.
        await this.api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ...this.at,
          ref: `heads/${commit.branch}`,
          sha: created.sha,
          force: false,
        });
      }
    } catch (error) {
      if (isStatus(error, 422)) {
        throw new ReviewConflictError(`Branch ${commit.branch} moved meanwhile; leaving it alone`, {
          cause: error,
        });
      }
      throw error;
    }
    return created.sha;
  }

  private async branchHead(branch: string): Promise<string | null> {
    try {
      const { data } = await this.api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        ...this.at,
        ref: `heads/${branch}`,
      });
      return data.object.sha;
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  public async ensureComment(number: number, key: string, body: string): Promise<Ensured> {
    const marker = commentMarker(key);
    for (let page = 1; ; page++) {
      const { data } = await this.api.request(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { ...this.at, issue_number: number, per_page: PER_PAGE, page },
      );
      const found = data.find((comment) => comment.body?.includes(marker));
      if (found) {
        if (sameBody(found.body, body)) return 'unchanged';
        await this.api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...this.at,
          comment_id: found.id,
          body: `${withBodyHash(body)}\n${marker}`,
        });
        return 'updated';
      }
      if (data.length < PER_PAGE) break;
    }
    await this.api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...this.at,
      issue_number: number,
      body: `${withBodyHash(body)}\n${marker}`,
    });
    return 'created';
  }

  public async closePull(number: number): Promise<void> {
    await this.api.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...this.at,
      pull_number: number,
      state: 'closed',
    });
  }

  public async deleteBranch(branch: string): Promise<void> {
    try {
      await this.api.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        ...this.at,
        ref: `heads/${branch}`,
      });
    } catch (error) {
      // Already gone (GitHub answers 422 "Reference does not exist"; some versions 404).
      if (isStatus(error, 422) || isStatus(error, 404)) return;
      throw new ReviewError(`Could not delete branch ${branch}`, { cause: error });
    }
  }
}
