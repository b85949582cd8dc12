import type { z } from 'zod';
import { type Clock, type Logger, silentLogger, systemClock } from '../../model/index.js';
import { StateSourceError } from '../errors.js';
import { checkStateSize } from '../limits.js';

/** How one HCP Terraform or Terraform Enterprise host is reached. */
export interface TfeClientOptions {
  /** The host as the location names it (`app.terraform.io`), for messages. */
  readonly host: string;
  /** The API's origin. @default `https://<host>` */
  readonly address?: string | undefined;
  /** The API token, asked for on the first request (an environment variable, a secret). */
  readonly token: () => Promise<string>;
  /** Milliseconds left before the caller's deadline: no retry waits past it. @default no deadline */
  readonly timeLeft?: () => number;
  /** How a retry waits (tests: no wall-clock sleep). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** For Retry-After given as an HTTP date. */
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Tests may swap the transport. @default the global fetch */
  readonly fetch?: typeof fetch;
  /** Attempts for a 5xx or an unreachable host (429 waits are bounded by the deadline). @default 4 */
  readonly maxAttempts?: number;
  /** One request's limit. @default 30 s */
  readonly requestTimeoutMs?: number;
}

/** What a request answered that is not a success or a retry: the caller words the error. */
export type TfeRefusal = 401 | 403 | 404;

/** The few calls the HCP Terraform state source makes; every one read-only. */
export interface TfeClient {
  readonly host: string;
  /**
   * GETs an API v2 path (`/organizations/acme/workspaces/net`) and checks the answer with the
   * schema; a 401, 403 or 404 is returned as its status for the caller to word.
   */
  get<T>(path: string, schema: z.ZodType<T>, location: string): Promise<T | TfeRefusal>;
  /** Downloads a state from its download URL, following redirects. */
  download(url: string, location: string): Promise<string | TfeRefusal>;
}

const API_PREFIX = '/api/v2';
const JSON_API = 'application/vnd.api+json';
const MAX_REDIRECTS = 5;
const MAX_THROTTLED = 10;
const BASE_BACKOFF_MS = 1000;

/**
 * A small client over fetch. The token goes only to the API's own origin: a redirect elsewhere (a
 * pre-signed storage URL) is followed without it. 429 waits Retry-After (else X-RateLimit-Reset,
 * else a doubling backoff) when the wait fits before the deadline; 5xx and unreachable hosts are
 * retried a few times. No message, log line or error holds the token or a download URL.
 */
export function createTfeClient(options: TfeClientOptions): TfeClient {
  const origin = new URL(options.address ?? `https://${options.host}`).origin;
  const fetchImpl = options.fetch ?? fetch;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  const timeLeft = options.timeLeft ?? (() => Number.POSITIVE_INFINITY);
  const maxAttempts = options.maxAttempts ?? 4;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  let token: Promise<string> | undefined;

  async function headers(url: URL, accept: string): Promise<Record<string, string>> {
    if (url.origin !== origin) return { accept };
    token ??= options.token();
    return { accept, authorization: `Bearer ${await token}` };
  }

  /** One request with its retries; answers anything but 429 and 5xx. */
  async function send(url: URL, accept: string, location: string): Promise<Response> {
    let failures = 0;
    let throttled = 0;
    for (;;) {
      let response: Response;
      try {
        response = await fetchImpl(url, {
          headers: await headers(url, accept),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (error instanceof StateSourceError) throw error;
        failures += 1;
        const wait = backoff(failures);
        if (failures >= maxAttempts || wait > timeLeft()) {
          throw new StateSourceError(
            `Cannot reach HCP Terraform at ${options.host} for ${location} (${failures} attempts)`,
            { cause: error },
          );
        }
        logger.warn('HCP Terraform unreachable, retrying', { host: options.host, waitMs: wait });
        await sleep(wait);
        continue;
      }
      if (response.status === 429) {
        throttled += 1;
        const wait = retryAfter(response, clock) ?? backoff(throttled);
        await discard(response);
        if (throttled > MAX_THROTTLED || wait > timeLeft()) {
          throw new StateSourceError(
            `HCP Terraform kept throttling ${location} (429): the next wait (${Math.ceil(wait / 1000)} s) does not fit before the deadline`,
          );
        }
        logger.warn('HCP Terraform throttled, waiting', { host: options.host, waitMs: wait });
        await sleep(wait);
        continue;
      }
      if (response.status >= 500) {
        failures += 1;
        const wait = backoff(failures);
        await discard(response);
        if (failures >= maxAttempts || wait > timeLeft()) {
          throw new StateSourceError(
            `HCP Terraform failed for ${location} (HTTP ${response.status}, ${failures} attempts)`,
          );
        }
        logger.warn('HCP Terraform failed, retrying', {
          host: options.host,
          status: response.status,
          waitMs: wait,
        });
        await sleep(wait);
        continue;
      }
      return response;
    }
  }

  async function get<T>(
    path: string,
    schema: z.ZodType<T>,
    location: string,
  ): Promise<T | TfeRefusal> {
    const response = await send(new URL(`${API_PREFIX}${path}`, origin), JSON_API, location);
    const refusal = refusalOf(response);
    if (refusal !== undefined) {
      await discard(response);
      return refusal;
    }
    if (response.status !== 200) {
      await discard(response);
      throw new StateSourceError(
        `HCP Terraform answered ${location} with HTTP ${response.status}, not 200`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new StateSourceError(`HCP Terraform answered ${location} with malformed JSON`, {
        cause: error,
      });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || '(root)';
      throw new StateSourceError(
        `HCP Terraform answered ${location} with an unexpected shape (at ${where})`,
      );
    }
    return parsed.data;
  }

  async function download(url: string, location: string): Promise<string | TfeRefusal> {
    let next: URL;
    try {
      next = new URL(url, origin);
    } catch {
      throw new StateSourceError(`HCP Terraform gave ${location} a malformed download URL`);
    }
    for (let hops = 0; ; hops += 1) {
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new StateSourceError(
          `HCP Terraform gave ${location} a download URL that is not HTTP`,
        );
      }
      const response = await send(next, 'application/json', location);
      const target = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && target !== null) {
        await discard(response);
        if (hops >= MAX_REDIRECTS) {
          throw new StateSourceError(`The state download of ${location} redirects too often`);
        }
        next = new URL(target, next);
        continue;
      }
      const refusal = refusalOf(response);
      if (refusal !== undefined) {
        await discard(response);
        return refusal;
      }
      if (response.status !== 200) {
        await discard(response);
        throw new StateSourceError(
          `The state download of ${location} answered HTTP ${response.status}, not 200`,
        );
      }
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > 0) {
        try {
          checkStateSize(length, location);
        } catch (error) {
          await discard(response);
          throw error;
        }
      }
      const text = await response.text();
      checkStateSize(Buffer.byteLength(text), location);
      return text;
    }
  }

  return { host: options.host, get, download };
}

function refusalOf(response: Response): TfeRefusal | undefined {
  const { status } = response;
  return status === 401 || status === 403 || status === 404 ? status : undefined;
}

/** Milliseconds the server asked to wait: Retry-After (seconds or a date), else X-RateLimit-Reset. */
export function retryAfter(response: Response, clock: Clock): number | undefined {
  const header = response.headers.get('retry-after')?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.ceil(Number(header) * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - clock.now().getTime());
  }
  const reset = response.headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.ceil(Number(reset) * 1000);
  return undefined;
}

function backoff(attempt: number): number {
  return BASE_BACKOFF_MS * 2 ** (attempt - 1);
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
