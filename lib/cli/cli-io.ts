import type { Clock } from '../model/index.js';
import type { ReadSecret } from '../model/secrets.js';
import type { AwsClientFactoryOptions } from '../sources/aws/client-factory.js';

/** Where the CLI reads and writes, injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether standard error is a terminal: then a live progress line is drawn there. */
  readonly isTTY?: boolean;
  readonly clock?: Clock;
  /** Extra client options (tests: zero backoff, static credentials). */
  readonly aws?: Partial<AwsClientFactoryOptions>;
  /** Tests: GitHub's waits (retry-after, write pacing) in these milliseconds per second. */
  readonly gitHubWaitUnitMs?: number;
  /** Reads a secret by ARN (tests); by default the file `STATETRAIL_SECRETS_FILE` names. */
  readonly readSecret?: ReadSecret;
  /** Waits between notifier attempts (tests: none). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Exit codes of DESIGN.md: 0 in sync, 1 drift found, 2 error. */
export const EXIT = { ok: 0, drift: 1, error: 2 } as const;
