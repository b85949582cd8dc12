import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PaceClock } from '../../lib/attribution/pacer.js';
import { runCli } from '../../lib/cli/run-cli.js';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The sample world's access key (see test/sim/aws/sample-world.ts). */
export const SAMPLE_KEY = { accessKeyId: 'AKIASIMSAMPLE0000001', secretAccessKey: 'sim-secret' };

/** Runs `statetrail <argv>` in-process with sim credentials and retries that never sleep. */
export async function statetrail(
  argv: readonly string[],
  options: {
    cwd?: string;
    credentials?: typeof SAMPLE_KEY;
    env?: Record<string, string>;
    /** How HCP Terraform retries wait. @default no wait */
    sleep?: (ms: number) => Promise<void>;
    /** What CloudTrail lookups are paced on (`--attribute`). */
    paceClock?: PaceClock;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    clock: { now: () => new Date('2026-11-22T10:00:00Z') },
    gitHubWaitUnitMs: 0,
    kubeRetry: { backoffMs: () => 0 },
    sleep: options.sleep ?? (async () => {}),
    ...(options.paceClock && { paceClock: options.paceClock }),
    aws: {
      credentials: options.credentials ?? SAMPLE_KEY,
      retry: { maxAttempts: 5, backoffMs: () => 0 },
    },
  });
  return { code, stdout, stderr };
}

/** The arguments that point a scan at the sim. */
export function simArgs(url: string, trail: string, ...extra: string[]): string[] {
  return [
    'scan',
    '--trail',
    trail,
    '--region',
    'eu-west-1',
    '--service',
    'ec2',
    '--endpoint',
    `ec2=${url}`,
    '--endpoint',
    `sts=${url}`,
    ...extra,
  ];
}

/** A new directory path for a trail (not yet created). */
export async function freshTrailDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'statetrail-it-')), 'trail');
}

/** Runs git in a trail and returns its output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

/** The number of commits on the trail's main branch. */
export function commitCount(dir: string): number {
  return Number(git(dir, 'rev-list', '--count', 'main'));
}

/** A drift report's scopes without their counts: which were complete. */
export function scopeStatuses(report: {
  scopes: readonly { scope: string; complete: boolean }[];
}): { scope: string; complete: boolean }[] {
  return report.scopes.map(({ scope, complete }) => ({ scope, complete }));
}
