import { resolve } from 'node:path';
import type { Clock, Logger } from '../model/index.js';
import { TrailUnavailableError } from './errors.js';
import type { GitHubApi } from './github/api.js';
import type { TrailStore } from './trail-store.js';

/** A trail on GitHub, and the client it talks through (the review step shares it). */
export interface OpenedTrail {
  readonly trail: TrailStore;
  readonly gitHub?: {
    readonly api: GitHubApi;
    readonly owner: string;
    readonly repo: string;
    readonly branch?: string;
  };
}

/** What opening a trail needs from its caller. */
export interface OpenTrailOptions {
  /** Relative directories are resolved here. */
  readonly cwd: string;
  /** `GITHUB_TOKEN` or the GitHub App's variables, and `GITHUB_API_URL`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Milliseconds left before the caller's deadline (GitHub waits never run past it). */
  readonly timeLeft?: () => number;
  /** Tests: GitHub's retry-after seconds and write pacing in these milliseconds. */
  readonly gitHubWaitUnitMs?: number;
}

/**
 * The trail at a location: `github:OWNER/REPO[@BRANCH]` (through the GitHub API, no clone) or a
 * local directory (a git repository, created when absent). Each adapter is loaded only when used.
 */
export async function openTrail(location: string, options: OpenTrailOptions): Promise<TrailStore> {
  return (await openTrailWithClient(location, options)).trail;
}

/** {@link openTrail}, also handing back the GitHub client and repository when the trail is there. */
export async function openTrailWithClient(
  location: string,
  options: OpenTrailOptions,
): Promise<OpenedTrail> {
  if (location.startsWith('github:')) {
    const { createGitHubClient, gitHubAuthFromEnv, parseGitHubTrail } = await import(
      './github/client.js'
    );
    const { GitHubTrail } = await import('./github/github-trail.js');
    const target = parseGitHubTrail(location);
    if (!target) {
      throw new TrailUnavailableError(
        `--trail ${location}: expected github:OWNER/REPO or github:OWNER/REPO@BRANCH`,
      );
    }
    const wait = options.gitHubWaitUnitMs;
    const api = createGitHubClient({
      auth: gitHubAuthFromEnv(options.env),
      baseUrl: options.env['GITHUB_API_URL'],
      ...(options.timeLeft ? { timeLeft: options.timeLeft } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(wait === undefined ? {} : { waitUnitMs: wait, writeIntervalMs: wait }),
    });
    const trail = new GitHubTrail({
      api,
      ...target,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    return { trail, gitHub: { api, ...target } };
  }
  const { LocalGitTrail } = await import('./local-git-trail.js');
  return {
    trail: new LocalGitTrail({
      dir: resolve(options.cwd, location),
      ...(options.clock ? { clock: options.clock } : {}),
    }),
  };
}
