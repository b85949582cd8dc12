import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { Logger } from '../../model/index.js';
import { TrailUnavailableError } from '../errors.js';
import type { GitHubApi } from './api.js';

/** How statetrail authenticates to GitHub. */
export type GitHubAuth =
  | { readonly kind: 'token'; readonly token: string }
  | {
      readonly kind: 'app';
      readonly appId: string;
      readonly privateKey: string;
      readonly installationId: string;
    };

/** Options of {@link createGitHubClient}. */
export interface GitHubClientOptions {
  readonly auth: GitHubAuth;
  /** The API address (`GITHUB_API_URL`; GitHub Enterprise Server's `https://host/api/v3`). */
  readonly baseUrl?: string | undefined;
  /** Milliseconds left before the caller must be done (a Lambda's remaining time, a CLI deadline). */
  readonly timeLeft?: () => number;
  readonly logger?: Logger;
  /** One request's limit. @default 30 s */
  readonly requestTimeoutMs?: number;
  /** Milliseconds per second of GitHub's retry-after and of the retry plugin's backoff; tests use 0. @default 1000 */
  readonly waitUnitMs?: number;
  /** Least time between two writes (GitHub asks for one second). @default 1000 */
  readonly writeIntervalMs?: number;
}

const DEFAULT_API = 'https://api.github.com';
// A wait is taken only when this much time is left after it.
const SAFETY_MARGIN_MS = 15_000;
const MAX_LIMIT_RETRIES = 2;

const StatetrailOctokit = Octokit.plugin(retry, throttling);

/**
 * The GitHub client every GitHub adapter uses: Octokit with the retry plugin (5xx, with backoff)
 * and the throttling plugin (writes one at a time, a second apart; primary and secondary rate
 * limits waited out only when the wait fits in the time left), a timeout per request, and a GitHub
 * App's installation token refreshed before it expires (or a fine-grained token).
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubApi {
  const timeLeft = options.timeLeft ?? (() => Number.POSITIVE_INFINITY);
  const unit = options.waitUnitMs ?? 1000;
  const { logger } = options;
  const mayWait = (retryAfter: number, retryCount: number, kind: string, route: string) => {
    const wait = retryAfter * unit;
    const ok = retryCount < MAX_LIMIT_RETRIES && wait + SAFETY_MARGIN_MS < timeLeft();
    logger?.warn('GitHub rate limit reached', { kind, route, retryAfter, retrying: ok });
    return ok;
  };
  const octokit = new StatetrailOctokit({
    baseUrl: (options.baseUrl ?? DEFAULT_API).replace(/\/+$/, ''),
    userAgent: 'statetrail',
    ...authOptions(options.auth),
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retryAfterBaseValue: unit },
    // The timeout is set per attempt, inside the retry plugin: a signal set once in a hook would
    // still be aborted when the plugin retries a request that timed out.
    request: { fetch: timedFetch(options.requestTimeoutMs ?? 30_000, timeLeft) },
    throttle: {
      retryAfterBaseValue: unit,
      fallbackSecondaryRateRetryAfter: 60,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
      onRateLimit: (
        after: number,
        request: { method: string; url: string },
        _o: unknown,
        count: number,
      ) => mayWait(after, count, 'primary', `${request.method} ${request.url}`),
      onSecondaryRateLimit: (
        after: number,
        request: { method: string; url: string },
        _o: unknown,
        count: number,
      ) => mayWait(after, count, 'secondary', `${request.method} ${request.url}`),
    },
  });
  octokit.hook.before('request', (request) => {
    if (timeLeft() < SAFETY_MARGIN_MS) {
      // Nothing may run past the caller's deadline: no more backoff-and-retry from here on.
      request.request = { ...request.request, retries: 0 };
    }
  });
  return octokit;
}

/** `fetch` with each attempt bounded by the request timeout and the time left. */
function timedFetch(requestTimeout: number, timeLeft: () => number): typeof fetch {
  return (input, init = {}) => {
    const timeout = AbortSignal.timeout(Math.max(1, Math.min(requestTimeout, timeLeft())));
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

function authOptions(auth: GitHubAuth) {
  if (auth.kind === 'token') return { auth: auth.token };
  return {
    authStrategy: createAppAuth,
    auth: {
      appId: auth.appId,
      privateKey: auth.privateKey,
      installationId: auth.installationId,
    },
  };
}

/**
 * The credential from the environment, as DESIGN's CLI section names it: `GITHUB_TOKEN`, or a
 * GitHub App (`STATETRAIL_GITHUB_APP_ID`, `..._PRIVATE_KEY`, `..._INSTALLATION_ID`).
 */
export function gitHubAuthFromEnv(env: Readonly<Record<string, string | undefined>>): GitHubAuth {
  const appId = env['STATETRAIL_GITHUB_APP_ID'];
  if (appId) {
    const privateKey = env['STATETRAIL_GITHUB_APP_PRIVATE_KEY'];
    const installationId = env['STATETRAIL_GITHUB_APP_INSTALLATION_ID'];
    if (!privateKey || !installationId) {
      throw new TrailUnavailableError(
        'STATETRAIL_GITHUB_APP_ID is set; also set STATETRAIL_GITHUB_APP_PRIVATE_KEY (the PEM) and STATETRAIL_GITHUB_APP_INSTALLATION_ID',
      );
    }
    return { kind: 'app', appId, privateKey: privateKey.replace(/\\n/g, '\n'), installationId };
  }
  const token = env['GITHUB_TOKEN'];
  if (token) return { kind: 'token', token };
  throw new TrailUnavailableError(
    'A github: trail needs a credential: set GITHUB_TOKEN, or a GitHub App with STATETRAIL_GITHUB_APP_ID, STATETRAIL_GITHUB_APP_PRIVATE_KEY and STATETRAIL_GITHUB_APP_INSTALLATION_ID',
  );
}

/** A `github:OWNER/REPO[@BRANCH]` trail location, or undefined when it is not one. */
export function parseGitHubTrail(
  location: string,
): { owner: string; repo: string; branch?: string } | undefined {
  const match = /^github:([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+?)(?:@(.+))?$/.exec(location);
  if (!match?.[1] || !match[2]) return undefined;
  return { owner: match[1], repo: match[2], ...(match[3] ? { branch: match[3] } : {}) };
}
