import type { PaceClock } from '../attribution/pacer.js';
import type { Clock } from '../model/index.js';
import type { ReadSecret } from '../model/secrets.js';
import type { AwsClientFactoryOptions } from '../sources/aws/client-factory.js';
import type { KubeRetryOptions } from '../sources/k8s/http.js';

/** Where the CLI reads and writes, injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether standard error is a terminal: then a live progress line is drawn there. */
  readonly isTTY?: boolean;
  readonly clock?: Clock;
  /** What CloudTrail lookups are paced on. @default the wall clock */
  readonly paceClock?: PaceClock;
  /** Extra client options (tests: zero backoff, static credentials). */
  readonly aws?: Partial<AwsClientFactoryOptions>;
  /** Tests: GitHub's waits (retry-after, write pacing) in these milliseconds per second. */
  readonly gitHubWaitUnitMs?: number;
  /** Tests: how Kubernetes calls retry a 429 or 5xx (zero backoff). */
  readonly kubeRetry?: KubeRetryOptions;
  /** Tests: how HCP Terraform retries and notifier attempts wait (no wall-clock sleep). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Reads a secret by ARN (tests); by default the file `STATETRAIL_SECRETS_FILE` names. */
  readonly readSecret?: ReadSecret;
}

/** How long the CLI waits out HCP Terraform's throttling and failures, in all (5 minutes). */
export const TFE_WAIT_BUDGET_MS = 5 * 60 * 1000;

/** Milliseconds left of a budget that starts now (a monotonic clock, never slept on). */
export function budget(ms: number): () => number {
  const end = performance.now() + ms;
  return () => end - performance.now();
}

/** Exit codes of DESIGN.md: 0 in sync, 1 drift found, 2 error. */
export const EXIT = { ok: 0, drift: 1, error: 2 } as const;
