import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { Config, StateLocation } from '../config/schema.js';
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
import { isRemoteLocation, isS3Location } from '../terraform/sources/state-source.js';
import { isTfeLocation } from '../terraform/sources/tfe-location.js';
import { loadAccepted } from '../trail/accept-load.js';
import { readSnapshot } from '../trail/read-snapshot.js';
import { budget, TFE_WAIT_BUDGET_MS } from './cli-io.js';
import { type DriftArgs, parseDriftArgs } from './drift-args.js';
import { CliError } from './errors.js';

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
  const locations = stateLocations(args, config, io.cwd);
  if (locations.length === 0) throw new CliError(`--config ${args.config}: names no states`);
  const s3 = await stateBucket(
    locations.map((s) => s.location),
    args.endpoints,
  );
  const tfe = await tfeClientsFor(
    locations.map((s) => s.location),
    config,
    io,
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

/** The states to read: the flags', else the config file's (with their scopes); paths resolved. */
function stateLocations(args: DriftArgs, config: Config | undefined, cwd: string): StateLocation[] {
  const given: StateLocation[] =
    args.states.length > 0
      ? args.states.map((location) => ({ location }))
      : (config?.terraform.states ?? []);
  return given.map((s) => ({
    ...s,
    location: isRemoteLocation(s.location) ? s.location : resolve(cwd, s.location),
  }));
}

/** The S3 client for s3:// states; the SDK is loaded only when a state lives on S3. */
async function stateBucket(locations: string[], endpoints: Readonly<Record<string, string>>) {
  if (!locations.some(isS3Location)) return undefined;
  const { stateBucketClient } = await import('../wiring/state-bucket-client.js');
  return stateBucketClient(locations, endpoints);
}

/** The HCP Terraform clients for tfe:// states, loaded only when a state lives there. */
async function tfeClientsFor(locations: string[], config: Config | undefined, io: DriftIo) {
  if (!locations.some(isTfeLocation)) return undefined;
  const [{ tfeClients }, { createStderrLogger }] = await Promise.all([
    import('../wiring/tfe-clients.js'),
    import('./stderr-logger.js'),
  ]);
  const env = io.env ?? {};
  return tfeClients({
    hosts: config?.terraform.hosts ?? {},
    env,
    timeLeft: budget(TFE_WAIT_BUDGET_MS),
    sleep: io.sleep,
    clock: io.clock ?? systemClock,
    logger: createStderrLogger(io.stderr, env['STATETRAIL_LOG_LEVEL']),
  });
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
