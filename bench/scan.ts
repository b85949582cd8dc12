import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsConfig } from '../lib/config/schema.js';
import { silentLogger } from '../lib/model/index.js';
import { DirStagingStore } from '../lib/pipeline/dir-staging-store.js';
import { runScan } from '../lib/pipeline/run-scan.js';
import { createAwsClientFactory } from '../lib/sources/aws/client-factory.js';
import { LocalGitTrail } from '../lib/trail/local-git-trail.js';
import { generatedAccessKeyId, generateWorld } from '../test/sim/aws/generate-world.js';
import { startAwsSim } from '../test/sim/aws/server.js';
import { ec2Region } from '../test/sim/aws/world.js';

/** What one scan benchmark measured. */
export interface ScanBenchResult {
  readonly instances: number;
  readonly resources: number;
  readonly firstScanMs: number;
  readonly unchangedScanMs: number;
  readonly oneChangeScanMs: number;
  readonly calls: Record<string, number>;
  readonly peakRssMb: number;
}

/**
 * Scans a generated world of `instances` instances (plus a fifth as many security groups) through
 * the whole pipeline, the real SDK and the local git trail: a first scan, an unchanged rescan,
 * and a rescan after one security-group change.
 */
export async function runScanBench(instances: number): Promise<ScanBenchResult> {
  const world = generateWorld({
    seed: 7,
    instances,
    securityGroups: Math.ceil(instances / 5),
    vpcs: 10,
    subnets: 60,
  });
  const sim = await startAwsSim(world);
  const root = await mkdtemp(join(tmpdir(), 'statetrail-bench-'));
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  try {
    const deps = {
      staging: new DirStagingStore({ root: join(root, 'staging') }),
      aws: createAwsClientFactory({
        endpoints: { ec2: sim.url, sts: sim.url },
        credentials: { accessKeyId: generatedAccessKeyId(0), secretAccessKey: 'x' },
      }),
      trail: new LocalGitTrail({ dir: join(root, 'trail') }),
      logger: silentLogger,
    };
    const scan = async (scanId: string) => {
      const start = performance.now();
      const aws = AwsConfig.parse({ regions: ['eu-west-1'], services: ['ec2'] });
      const { commit: result } = await runScan({ scanId, aws }, deps);
      return { ms: performance.now() - start, result };
    };
    const first = await scan('first');
    const unchanged = await scan('unchanged');
    const [accountId] = Object.keys(world.accounts);
    const group = ec2Region(sim.world, accountId ?? '', 'eu-west-1').securityGroups[0];
    if (group) group.Description = 'changed by the benchmark';
    const oneChange = await scan('one-change');
    if (unchanged.result.commit !== null || oneChange.result.changed !== 1) {
      throw new Error('The benchmark scans did not behave: expected no commit, then one change');
    }
    return {
      instances,
      resources: first.result.resources,
      firstScanMs: first.ms,
      unchangedScanMs: unchanged.ms,
      oneChangeScanMs: oneChange.ms,
      calls: first.result.calls,
      peakRssMb: peakRss / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
    await sim.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** The lines `npm run bench` prints for a scan benchmark. */
export function formatScanBench(result: ScanBenchResult): string[] {
  const perResource = (ms: number) => ((ms * 1000) / result.resources).toFixed(0);
  return [
    `scan of a generated world: ${result.instances} instances, ${result.resources} resources`,
    `  first scan      ${result.firstScanMs.toFixed(0).padStart(7)} ms  (${perResource(result.firstScanMs)} us/resource)`,
    `  unchanged scan  ${result.unchangedScanMs.toFixed(0).padStart(7)} ms  (${perResource(result.unchangedScanMs)} us/resource), no commit`,
    `  one change      ${result.oneChangeScanMs.toFixed(0).padStart(7)} ms  (${perResource(result.oneChangeScanMs)} us/resource), one file`,
    `  API calls       ${Object.entries(result.calls)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
    `  peak RSS        ${result.peakRssMb.toFixed(0)} MiB`,
  ];
}
