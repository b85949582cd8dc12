import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load-config.js';
import { IgnoreSyntaxError } from '../drift/errors.js';
import { renderConsole } from '../drift/render/console.js';
import { renderMarkdown } from '../drift/render/markdown.js';
import { type Clock, type Logger, systemClock } from '../model/index.js';
import { DirStagingStore } from '../pipeline/dir-staging-store.js';
import { PipelineError } from '../pipeline/errors.js';
import { runScan } from '../pipeline/run-scan.js';
import {
  type AwsClientFactoryOptions,
  createAwsClientFactory,
} from '../sources/aws/client-factory.js';
import { eksClusterKubeConfig } from '../sources/k8s/eks-access.js';
import { isS3Location } from '../terraform/sources/state-source.js';
import { TrailError } from '../trail/errors.js';
import { openTrailWithClient } from '../trail/open-trail.js';
import { DRIFT_USAGE } from './drift-args.js';
import { driftCommand } from './drift-command.js';
import { CliError } from './errors.js';
import { kubeTarget, loadKubeConfig } from './kube-target.js';
import { createProgress } from './progress.js';
import { parseScanArgs, SCAN_USAGE } from './scan-args.js';
import { resolveScan } from './scan-config.js';
import { renderScanConsole, renderScanJson, type ScanReport } from './scan-report.js';
import { type StateRole, stateBucketClient } from './state-bucket-client.js';
import { createStderrLogger } from './stderr-logger.js';

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
}

/** Exit codes of DESIGN.md: 0 in sync, 1 drift found, 2 error. */
export const EXIT = { ok: 0, drift: 1, error: 2 } as const;

const USAGE = `Usage: statetrail <command> [flags]

Commands:
  scan    export AWS configuration (EC2/VPC, S3, EKS) into the trail: one commit per scan that
          saw a change, nothing when nothing changed
  drift   compare a trail checkout with Terraform states: unmanaged, missing, changed

${SCAN_USAGE}

${DRIFT_USAGE}

Exit codes: 0 in sync, 1 drift found, 2 error.
`;

/** Runs the statetrail command line and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return command === undefined ? EXIT.error : EXIT.ok;
  }
  const logger = createStderrLogger(io.stderr, io.env['STATETRAIL_LOG_LEVEL']);
  try {
    if (command === 'scan') return await scan(rest, io, logger);
    if (command === 'drift') return await driftCommand(rest, io);
    throw new CliError(`Unknown command ${command}; run statetrail --help`);
  } catch (error) {
    io.stderr.write(`statetrail: ${describeError(error)}\n`);
    return EXIT.error;
  }
}

async function scan(argv: readonly string[], io: CliIo, logger: Logger): Promise<number> {
  const args = parseScanArgs(argv);
  const config = args.config ? await loadConfig(resolve(io.cwd, args.config)) : undefined;
  const {
    trail,
    aws,
    states,
    clusters: clusterConfigs,
    kubeFilter,
    eksClusters,
    stateRole,
    review,
  } = resolveScan(args, config);
  const clusters = clusterConfigs.map((cluster) => ({
    ...kubeTarget(
      cluster.kubeconfig ? resolve(io.cwd, cluster.kubeconfig) : undefined,
      cluster.context,
    ),
    ...(kubeFilter ? { filter: kubeFilter } : {}),
  }));
  const clock = io.clock ?? systemClock;
  const opened = await openTrailWithClient(trail, {
    cwd: io.cwd,
    env: io.env,
    clock,
    logger,
    ...(io.gitHubWaitUnitMs === undefined ? {} : { gitHubWaitUnitMs: io.gitHubWaitUnitMs }),
  });
  const trailStore = opened.trail;
  // The review shares the trail's GitHub client (one rate-limit budget, one credential).
  const reviewer = opened.gitHub
    ? new (await import('../review/github/github-reviewer.js')).GitHubReviewer({
        ...opened.gitHub,
        logger,
      })
    : undefined;
  const hmacKey = io.env['STATETRAIL_HMAC_KEY'];
  const awsClients = createAwsClientFactory({ endpoints: aws.endpoints, ...io.aws });
  const stagingRoot = await mkdtemp(join(tmpdir(), 'statetrail-'));
  try {
    const progress = createProgress(io.stderr, io.isTTY === true);
    const result = await runScan(
      {
        scanId: newScanId(clock),
        aws,
        states: states.map((s) => ({
          ...s,
          location: isS3Location(s.location) ? s.location : resolve(io.cwd, s.location),
        })),
        clusters,
        eksClusters: eksClusters,
        ...(kubeFilter ? { kubeFilter } : {}),
      },
      {
        staging: new DirStagingStore({ root: stagingRoot }),
        aws: awsClients,
        trail: trailStore,
        logger,
        hmacKey: hmacKey ? new TextEncoder().encode(hmacKey) : undefined,
        onProgress: progress.update,
        clock,
        reviewer,
        review,
        kube: async (target) =>
          target.eks
            ? eksClusterKubeConfig(target.eks, { aws: awsClients, clock })
            : loadKubeConfig(target.kubeconfig, target.context),
        s3: stateBucketClient(
          states.map((s) => s.location),
          aws.endpoints,
          stateClientOptions(stateRole, io.aws?.credentials),
        ),
      },
    );
    progress.done();
    const report: ScanReport = {
      version: 1,
      trail,
      ...result.commit,
      ...(result.drift ? { drift: result.drift.report, stateErrors: result.drift.errors } : {}),
      ...(result.review ? { review: result.review } : {}),
    };
    const text = renderScan(report, args.format, io.isTTY === true);
    if (args.out) await writeFile(resolve(io.cwd, args.out), text);
    else io.stdout.write(text);
    for (const error of report.stateErrors ?? []) io.stderr.write(`statetrail: ${error}\n`);
    if (!report.scopes.some((s) => s.complete)) {
      io.stderr.write('statetrail: no scope could be scanned; see the warnings\n');
      return EXIT.error;
    }
    if ((report.stateErrors ?? []).length > 0) return EXIT.error;
    if (args.strict && report.scopes.some((s) => !s.complete)) return EXIT.error;
    const drift = report.drift?.summary;
    return drift && drift.unmanaged + drift.missing + drift.changed > 0 ? EXIT.drift : EXIT.ok;
  } finally {
    await rm(stagingRoot, { recursive: true, force: true });
  }
}

function renderScan(report: ScanReport, format: 'console' | 'json' | 'markdown', isTTY: boolean) {
  if (format === 'json') return renderScanJson(report);
  if (format === 'markdown' && report.drift) return renderMarkdown(report.drift);
  const summary = renderScanConsole(report);
  return report.drift ? `${summary}\n${renderConsole(report.drift, { isTTY })}` : summary;
}

/** Options for the state-bucket client: a role, and the test-injected credentials if static. */
function stateClientOptions(
  role: StateRole | undefined,
  credentials: AwsClientFactoryOptions['credentials'] | undefined,
) {
  return {
    role,
    ...(credentials && typeof credentials !== 'function' ? { credentials } : {}),
  };
}

function newScanId(clock: Clock): string {
  const stamp = clock
    .now()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError) return error.message;
  if (error instanceof IgnoreSyntaxError) return error.message;
  if (error instanceof TrailError) return `trail: ${error.message}`;
  if (error instanceof PipelineError) return `pipeline: ${error.message}`;
  if (error instanceof Error) return `unexpected ${error.name}: ${error.message}`;
  return 'unexpected error';
}
