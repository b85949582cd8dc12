import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cloudTrailLookup } from '../attribution/cloudtrail-lookup.js';
import { systemPaceClock } from '../attribution/pacer.js';
import { loadConfig } from '../config/load-config.js';
import { renderConsole } from '../drift/render/console.js';
import { renderMarkdown } from '../drift/render/markdown.js';
import { type Clock, systemClock } from '../model/index.js';
import { runScan } from '../pipeline/run-scan.js';
import { isRemoteLocation } from '../terraform/sources/state-source.js';
import { createStepClients } from '../wiring/step-clients.js';
import { budget, type CliIo, EXIT, TFE_WAIT_BUDGET_MS } from './cli-io.js';
import { kubeTarget } from './kube-target.js';
import { createProgress } from './progress.js';
import { parseScanArgs } from './scan-args.js';
import { resolveScan } from './scan-config.js';
import { notifyFailures, scanNotify } from './scan-notify.js';
import { renderScanConsole, renderScanJson, type ScanReport } from './scan-report.js';
import { createStderrLogger } from './stderr-logger.js';

/**
 * `statetrail scan`: collects the configured AWS scopes and clusters into the trail (one commit
 * when something changed) and, with states, reports drift. Exit 0 in sync, 1 drift, 2 error.
 */
export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseScanArgs(argv);
  const logger = createStderrLogger(io.stderr, io.env['STATETRAIL_LOG_LEVEL']);
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
    terraformHosts,
    notify: notifyConfig,
  } = resolveScan(args, config);
  const clusters = clusterConfigs.map((cluster) => ({
    ...kubeTarget({
      ...cluster,
      ...(cluster.kubeconfig && { kubeconfig: resolve(io.cwd, cluster.kubeconfig) }),
    }),
    ...(kubeFilter ? { filter: kubeFilter } : {}),
  }));
  const clock = io.clock ?? systemClock;
  const stagingRoot = await mkdtemp(join(tmpdir(), 'statetrail-'));
  try {
    const clients = createStepClients({
      staging: { kind: 'dir', root: stagingRoot },
      endpoints: aws.endpoints,
      aws: io.aws,
      trail: { location: trail, cwd: io.cwd, env: io.env, gitHubWaitUnitMs: io.gitHubWaitUnitMs },
      stateRole,
      terraform: {
        hosts: terraformHosts,
        env: io.env,
        sleep: io.sleep,
        timeLeft: budget(TFE_WAIT_BUDGET_MS),
      },
      clock,
      logger,
    });
    const hmacKey = io.env['STATETRAIL_HMAC_KEY'];
    const progress = createProgress(io.stderr, io.isTTY === true);
    const result = await runScan(
      {
        scanId: newScanId(clock),
        aws,
        states: states.map((s) => ({
          ...s,
          location: isRemoteLocation(s.location) ? s.location : resolve(io.cwd, s.location),
        })),
        clusters,
        eksClusters: eksClusters,
        ...(kubeFilter ? { kubeFilter } : {}),
      },
      {
        staging: clients.staging,
        aws: clients.aws,
        trail: await clients.trail(),
        logger,
        hmacKey: hmacKey ? new TextEncoder().encode(hmacKey) : undefined,
        onProgress: progress.update,
        clock,
        reviewer: await clients.reviewer(),
        review,
        kube: clients.kube,
        kubeRetry: io.kubeRetry,
        s3: clients.stateBucket(states.map((s) => s.location)),
        tfe: clients.tfe,
        ...(args.attribute && {
          attribution: {
            lookup: cloudTrailLookup((account, region) => clients.aws.cloudtrail(account, region)),
            paceClock: io.paceClock ?? systemPaceClock,
          },
        }),
        notify: await scanNotify(args.notify, notifyConfig, {
          io,
          clock,
          endpoint: aws.endpoints['sns'],
        }),
      },
    );
    progress.done();
    const report: ScanReport = {
      version: 1,
      trail,
      ...result.commit,
      ...(result.drift ? { drift: result.drift.report, stateErrors: result.drift.errors } : {}),
      ...(result.review ? { review: result.review } : {}),
      ...(result.notify ? { notify: result.notify } : {}),
    };
    for (const failure of notifyFailures(result.notify)) {
      io.stderr.write(`statetrail: ${failure}\n`);
    }
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

function newScanId(clock: Clock): string {
  const stamp = clock
    .now()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
