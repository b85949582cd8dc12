import type { Octokit } from '@octokit/core';

/** The one call of Octokit the GitHub adapters use: `request(route, parameters)`. */
export type GitHubApi = Pick<Octokit, 'request'>;

/** Whether an error is GitHub's answer with this HTTP status. */
export function isStatus(error: unknown, status: number): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    (error as { status: unknown }).status === status
  );
}
