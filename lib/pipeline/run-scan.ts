import pLimit from 'p-limit';
import type { AwsConfig } from '../config/schema.js';
import type { Logger } from '../model/index.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import type { TrailStore } from '../trail/trail-store.js';
import { collect } from './collect.js';
import { type CommitOutput, commit } from './commit.js';
import { discover } from './discover.js';
import { stagingKeys } from './keys.js';
import { plan } from './plan.js';
import type { StagingStore } from './staging-store.js';

/** Everything the in-process runner needs. */
export interface RunScanDeps {
  readonly staging: StagingStore;
  readonly aws: AwsClientFactory;
  readonly trail: TrailStore;
  readonly logger: Logger;
  /** The key that fingerprints secret values, when the user gave one. */
  readonly hmacKey?: Uint8Array | undefined;
  /** Targets collected at once. @default 4 */
  readonly concurrency?: number;
  /** Called after each target, for a progress line. */
  readonly onProgress?: (done: number, total: number, key: string) => void;
}

/** What one scan is asked to do. */
export interface RunScanRequest {
  readonly scanId: string;
  readonly aws: AwsConfig;
}

/**
 * The pipeline in one process, for the CLI: discover, plan, collect every target, commit. Each
 * step talks to the others only through the staging store, exactly as the Lambdas do.
 */
export async function runScan(request: RunScanRequest, deps: RunScanDeps): Promise<CommitOutput> {
  const { aws } = request;
  const discovery = await discover(aws, deps);
  const scanPlan = plan({
    scanId: request.scanId,
    accounts: discovery.accounts,
    services: aws.services,
    s3Shards: aws.s3Shards,
    options: { userData: aws.userData, keepVolatile: aws.keepVolatile },
    warnings: discovery.warnings,
    calls: discovery.calls,
  });
  await deps.staging.put(stagingKeys.plan(scanPlan.scanId), scanPlan);
  const limit = pLimit(deps.concurrency ?? 4);
  let done = 0;
  await Promise.all(
    scanPlan.targets.map((planned) =>
      limit(async () => {
        await collect({ scanId: scanPlan.scanId, planned }, deps);
        done += 1;
        deps.onProgress?.(done, scanPlan.targets.length, planned.key);
      }),
    ),
  );
  return commit({ scanId: scanPlan.scanId }, deps);
}
