import pLimit from 'p-limit';
import type { AwsConfig, StateLocation } from '../config/schema.js';
import { type Clock, type KubeTarget, type Logger, systemClock } from '../model/index.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import type { TrailStore } from '../trail/trail-store.js';
import { type CollectDeps, collect } from './collect.js';
import { type CommitOutput, commit } from './commit.js';
import { discover, discoverEksClusters } from './discover.js';
import { type DriftStepDeps, type DriftStepOutput, drift } from './drift.js';
import { stagingKeys } from './keys.js';
import { plan } from './plan.js';
import { type ReviewDeps, type ReviewOutput, review } from './review.js';
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
  /** @default the system clock */
  readonly clock?: Clock;
  /** How s3:// states are read. */
  readonly s3?: DriftStepDeps['s3'];
  /** Credentials for Kubernetes targets. */
  readonly kube?: CollectDeps['kube'];
  /** Drift PRs and the dashboard (a trail on GitHub); without it the review step is skipped. */
  readonly reviewer?: ReviewDeps['reviewer'];
  /** The review's settings (`review` in the config). */
  readonly review?: ReviewDeps['review'];
}

/** What one scan is asked to do. */
export interface RunScanRequest {
  readonly scanId: string;
  readonly aws: AwsConfig;
  /** Terraform states to compare with; none: no drift step. */
  readonly states?: readonly StateLocation[];
  /** Kubernetes clusters to export. */
  readonly clusters?: readonly KubeTarget[];
  /** Also export every EKS cluster found in the scanned accounts and regions. */
  readonly eksClusters?: boolean;
  /** The export filter for the EKS clusters found. */
  readonly kubeFilter?: KubeTarget['filter'];
}

/** What a scan did: its commit, and its drift report when states were given. */
export interface RunScanResult {
  readonly commit: CommitOutput;
  readonly drift: DriftStepOutput | undefined;
  /** What the review step did, when it ran (a GitHub trail and a drift report). */
  readonly review?: ReviewOutput;
}

/**
 * The pipeline in one process, for the CLI: discover, plan, collect every target, drift (when
 * states are given), commit — DESIGN's order. Each step talks to the others only through the
 * staging store, exactly as the Lambdas do.
 */
export async function runScan(request: RunScanRequest, deps: RunScanDeps): Promise<RunScanResult> {
  const { aws } = request;
  // AWS is scanned when regions are given; a Kubernetes-only scan asks AWS nothing.
  const scansAws = aws.regions === 'all' || aws.regions.length > 0;
  const discovery = scansAws
    ? await discover(aws, deps)
    : { accounts: [], warnings: [], calls: {} };
  const eks = request.eksClusters
    ? await discoverEksClusters(discovery.accounts, deps)
    : { clusters: [], warnings: [], calls: {} };
  const filter = request.kubeFilter;
  const eksTargets = eks.clusters.map((target) => (filter ? { ...target, filter } : target));
  const scanPlan = plan({
    scanId: request.scanId,
    accounts: discovery.accounts,
    services: aws.services,
    s3Shards: aws.s3Shards,
    options: { userData: aws.userData, keepVolatile: aws.keepVolatile },
    clusters: [...(request.clusters ?? []), ...eksTargets],
    warnings: [...discovery.warnings, ...eks.warnings],
    calls: mergeCalls(discovery.calls, eks.calls),
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
  const states = request.states ?? [];
  const driftOutput =
    states.length > 0
      ? await drift(
          {
            scanId: scanPlan.scanId,
            states: [...states],
            ...(request.kubeFilter && { kubeFilter: request.kubeFilter }),
          },
          { ...deps, clock: deps.clock ?? systemClock },
        )
      : undefined;
  const committed = await commit({ scanId: scanPlan.scanId }, deps);
  if (!deps.reviewer || !driftOutput) return { commit: committed, drift: driftOutput };
  const reviewed = await review(
    { scanId: scanPlan.scanId },
    { ...deps, clock: deps.clock ?? systemClock },
  );
  return { commit: committed, drift: driftOutput, review: reviewed };
}

function mergeCalls(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) {
  const merged: Record<string, number> = { ...a };
  for (const [service, count] of Object.entries(b))
    merged[service] = (merged[service] ?? 0) + count;
  return merged;
}
