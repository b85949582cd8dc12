import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { applyAcceptance } from '../drift/accept.js';
import { computeDrift } from '../drift/engine.js';
import { type IgnoreRules, NO_IGNORE, parseIgnore } from '../drift/ignore.js';
import { renderConsole } from '../drift/render/console.js';
import { renderJson } from '../drift/render/json.js';
import { renderMarkdown } from '../drift/render/markdown.js';
import type { DriftReport } from '../drift/report.js';
import { type Clock, systemClock } from '../model/index.js';
import { hintFor } from '../pipeline/drift.js';
import { loadStates } from '../terraform/sources/load-states.js';
import { loadAccepted } from '../trail/accept-load.js';
import { readSnapshot } from '../trail/read-snapshot.js';
import type { CliIo } from './cli-io.js';
import { parseDriftArgs } from './drift-args.js';
import { CliError } from './errors.js';
import { stateBucket, stateLocations, tfeClientsFor } from './state-locations.js';

/** What `statetrail drift` reads and writes through. */
export interface DriftIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  readonly isTTY?: boolean;
  readonly clock?: Clock;
  /** Where `TF_TOKEN_<host>` tokens of tfe:// states are read, and the log level. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Tests: how HCP Terraform retries wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Tests: static credentials for s3:// states. */
  readonly aws?: CliIo['aws'];
}

/** The ignore file read by default from the root of a trail checkout. */
export const DEFAULT_IGNORE_FILE = '.statetrailignore';

/**
 * `statetrail drift`: any trail checkout against any Terraform states, offline. Exit 0 in sync,
 * 1 drift found, 2 when a trail file or a state could not be read: the report still covers
 * what could be read, and the errors name each file.
 */
export async function driftCommand(argv: readonly string[], io: DriftIo): Promise<number> {
  const args = parseDriftArgs(argv);
  const snapshotDir = resolve(io.cwd, args.snapshot);
  const info = await stat(snapshotDir).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(`--snapshot ${args.snapshot}: not a directory`);
  const snapshot = await readSnapshot(snapshotDir);
  const config = args.config ? await loadConfig(resolve(io.cwd, args.config)) : undefined;
  const locations = stateLocations(args.states, config, (path) => resolve(io.cwd, path));
  if (locations.length === 0) throw new CliError(`--config ${args.config}: names no states`);
  const s3 = await stateBucket(
    locations.map((s) => s.location),
    args.endpoints,
    { config, credentials: io.aws?.credentials },
  );
  const tfe = await tfeClientsFor(
    locations.map((s) => s.location),
    config,
    { ...io, clock: io.clock ?? systemClock },
  );
  const loaded = await loadStates(
    locations.map((s) => s.location),
    { ...(s3 ? { s3 } : {}), ...(tfe ? { tfe } : {}), hint: (state) => hintFor(state, locations) },
  );
  const now = (io.clock ?? systemClock).now();
  const compared = computeDrift({
    resources: snapshot.resources,
    kubeRecords: snapshot.kubeRecords,
    instances: loaded.states.flatMap((state) => state.instances),
    scopes: snapshot.scopes,
    ignore: await readIgnore(args.ignore, snapshotDir, io.cwd),
    kubeFilter: config?.kubernetes.filter,
    now,
  });
  const acceptance = await loadAccepted(snapshotDir);
  const { report } = applyAcceptance(compared, acceptance.entries, now);
  const text = render(report, args.format, io.isTTY === true);
  if (args.out) await writeFile(resolve(io.cwd, args.out), text);
  else io.stdout.write(text);
  const problems = [...snapshot.errors, ...loaded.errors, ...acceptance.errors];
  for (const problem of problems) io.stderr.write(`statetrail: ${problem.message}\n`);
  if (problems.length > 0) return 2;
  const { unmanaged, missing, changed } = report.summary;
  return unmanaged + missing + changed > 0 ? 1 : 0;
}

function render(report: DriftReport, format: 'console' | 'json' | 'markdown', isTTY: boolean) {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report);
  return renderConsole(report, { isTTY });
}

async function readIgnore(
  file: string | undefined,
  snapshotDir: string,
  cwd: string,
): Promise<IgnoreRules> {
  const path = file ? resolve(cwd, file) : join(snapshotDir, DEFAULT_IGNORE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!file && (error as NodeJS.ErrnoException).code === 'ENOENT') return NO_IGNORE;
    throw new CliError(`--ignore ${file ?? path}: cannot read it`, { cause: error });
  }
  return parseIgnore(text, file ?? DEFAULT_IGNORE_FILE);
}
