import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeError } from '../../model/kube-errors.js';
import { KubeCredentialError, KubeTransportError } from './api-errors.js';

/** One answer of the API server: status, Content-Type and parsed JSON body (undefined if not JSON). */
export interface KubeResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
  /** The `Retry-After` seconds of a 429 or 5xx answer, when it said. */
  readonly retryAfter?: number;
}

/** The only call the exporter makes: a GET of an API path, answered as raw JSON. */
export interface KubeHttp {
  get(path: string, accept?: string): Promise<KubeResponse>;
  /** How many requests were sent. */
  readonly calls: () => number;
}

const JSON_ACCEPT = 'application/json';

/** How long one call may wait for an answer (headers and body), unless the caller says. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** How {@link kubeHttp} retries a 429 (API Priority and Fairness) or a 500/502/503/504. */
export interface KubeRetryOptions {
  /** Attempts per call, the first included. @default 4 */
  readonly maxAttempts?: number;
  /**
   * Milliseconds before attempt `attempt + 1` (1-based `attempt`), given the answer's Retry-After
   * seconds; tests pass `() => 0`. @default Retry-After (at most 10 s), else 250 ms doubling, jittered
   */
  readonly backoffMs?: (attempt: number, retryAfter: number | undefined) => number;
}

/** Options of {@link kubeHttp}. */
export interface KubeHttpOptions {
  /** Milliseconds one call may take before it fails as a transport error (default 30 s). */
  readonly timeoutMs?: number;
  readonly retry?: KubeRetryOptions;
}

const RETRIED = new Set([429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_S = 10;

function defaultBackoffMs(attempt: number, retryAfter: number | undefined): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, MAX_RETRY_AFTER_S) * 1000;
  return Math.random() * 250 * 2 ** (attempt - 1);
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A KubeHttp for the kubeconfig's current context. `kc.applyToHTTPSOptions` (client-node 1.4)
 * fills CA, client certificate and the bearer token (exec and auth providers included) into plain
 * `node:https` options; raw JSON keeps every field, which the typed clients' deserializers drop.
 */
export function kubeHttp(kc: KubeConfig, options: KubeHttpOptions = {}): KubeHttp {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 4);
  const backoffMs = options.retry?.backoffMs ?? defaultBackoffMs;
  const cluster = kc.getCurrentCluster();
  if (cluster === null) throw new KubeError('The kubeconfig has no current cluster');
  const base = new URL(cluster.server);
  let calls = 0;
  return {
    calls: () => calls,
    get: async (path, accept = JSON_ACCEPT) => {
      const options: RequestOptions = {
        method: 'GET',
        protocol: base.protocol,
        hostname: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port,
        path: `${base.pathname.replace(/\/$/, '')}${path}`,
        headers: { accept },
      };
      try {
        await kc.applyToHTTPSOptions(options);
      } catch (error) {
        // An exec plugin's own message may quote its output: only the error's name is kept.
        throw new KubeCredentialError(
          `the kubeconfig's credentials could not be obtained (${(error as Error).name ?? 'Error'})`,
          { cause: error },
        );
      }
      // A throttled or failing server is asked again a few times: a listing it drops midway
      // leaves the type unknown for this scan. Transport errors (timeouts) are not retried.
      for (let attempt = 1; ; attempt++) {
        calls++;
        const response = await send(options, base.protocol === 'http:', timeoutMs);
        if (!RETRIED.has(response.status) || attempt >= maxAttempts) return response;
        await sleep(backoffMs(attempt, response.retryAfter));
      }
    },
  };
}

function send(options: RequestOptions, plain: boolean, timeoutMs: number): Promise<KubeResponse> {
  const request = plain ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    // One deadline for the whole call: a server that sends headers and then stalls is bounded too.
    const timer = setTimeout(() => {
      req.destroy(new KubeTransportError(`Kubernetes API call timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(
        error instanceof KubeTransportError
          ? error
          : new KubeTransportError('Kubernetes API read failed', { cause: error }),
      );
    };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      // A connection closed before the body's end is a broken answer, never a short one.
      res.on('close', () => {
        if (!res.complete) fail(new KubeTransportError('Kubernetes API answer was cut short'));
      });
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const contentType = String(res.headers['content-type'] ?? '');
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = undefined;
        }
        const retryAfter = Number(res.headers['retry-after']);
        resolve({
          status: res.statusCode ?? 0,
          contentType,
          body,
          ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfter } : {}),
        });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(
        error instanceof KubeTransportError
          ? error
          : new KubeTransportError('Kubernetes API request failed', { cause: error }),
      );
    });
    req.end();
  });
}

/** The `message` of a Status body, for warnings (Status messages name types, never values). */
export function statusMessage(response: KubeResponse): string {
  const body = response.body;
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return `HTTP ${response.status}`;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the input order in the output. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
