import pLimit from 'p-limit';
import type { Logger } from '../model/index.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import type { TrailStore } from '../trail/trail-store.js';
import { collect } from './collect.js';
import { type CommitOutput, commit } from './commit.js';
import { stagingKeys } from './keys.js';
import { plan, type ScanRequest } from './plan.js';
import type { StagingStore } from './staging-store.js';

/** Everything the in-process runner needs. */
export interface RunScanDeps {
  readonly staging: StagingStore;
  readonly aws: AwsClientFactory;
  readonly trail: TrailStore;
  readonly logger: Logger;
  /** Targets collected at once. @default 4 */
  readonly concurrency?: number;
  /** Called after each target, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The pipeline in one process, for the CLI: plan, collect every target, commit. Each step talks
 * to the others only through the staging store, exactly as the Lambdas do.
 */
export async function runScan(request: ScanRequest, deps: RunScanDeps): Promise<CommitOutput> {
  const scanPlan = plan(request);
  await deps.staging.put(stagingKeys.plan(scanPlan.scanId), scanPlan);
  const limit = pLimit(deps.concurrency ?? 4);
  let done = 0;
  await Promise.all(
    scanPlan.targets.map((planned) =>
      limit(async () => {
        await collect({ scanId: scanPlan.scanId, planned }, deps);
        done += 1;
        deps.onProgress?.(done, scanPlan.targets.length);
      }),
    ),
  );
  return commit({ scanId: scanPlan.scanId }, deps);
}
