import pLimit from 'p-limit';
import type { AwsConfig, StateLocation } from '../config/schema.js';
import { type Clock, type KubeTarget, type Logger, systemClock } from '../model/index.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import type { TrailStore } from '../trail/trail-store.js';
import { type AttributeDeps, attribute } from './attribute.js';
import { type CollectDeps, collect } from './collect.js';
import { type CommitOutput, commit } from './commit.js';
import { type DriftStepDeps, type DriftStepOutput, drift } from './drift.js';
import { type NotifyDeps, type NotifyOutput, notify } from './notify.js';
import { planStep } from './plan-step.js';
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
  /** How tfe:// states are read. */
  readonly tfe?: DriftStepDeps['tfe'];
  /** Credentials for Kubernetes targets. */
  readonly kube?: CollectDeps['kube'];
  /** How Kubernetes calls retry a 429 or 5xx. */
  readonly kubeRetry?: CollectDeps['kubeRetry'];
  /** Drift PRs and the dashboard (a trail on GitHub); without it the review step is skipped. */
  readonly reviewer?: ReviewDeps['reviewer'];
  /** The review's settings (`review` in the config). */
  readonly review?: ReviewDeps['review'];
  /** CloudTrail lookups for the attribute step; without them the step is skipped. */
  readonly attribution?: Pick<AttributeDeps, 'lookup' | 'paceClock' | 'scanner' | 'budget'>;
  /** The notify step's notifiers, backoff and links; without it no notify step runs. */
  readonly notify?: Pick<NotifyDeps, 'notifiers' | 'retry' | 'links'>;
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
  /** What the notify step sent, when it ran. */
  readonly notify?: NotifyOutput;
}

/**
 * The pipeline in one process, for the CLI: the plan step (discover and plan), collect for each
 * planned input (a few at once), drift (when states are given), attribute (when CloudTrail
 * lookups are given), commit — the same step entries
 * the Lambdas run, talking to each other only through the staging store.
 */
export async function runScan(request: RunScanRequest, deps: RunScanDeps): Promise<RunScanResult> {
  const { scanId, items } = await planStep(
    {
      scanId: request.scanId,
      aws: request.aws,
      clusters: [...(request.clusters ?? [])],
      eksClusters: request.eksClusters ?? false,
      ...(request.kubeFilter && { kubeFilter: request.kubeFilter }),
    },
    deps,
  );
  const limit = pLimit(deps.concurrency ?? 4);
  let done = 0;
  await Promise.all(
    items.map((item) =>
      limit(async () => {
        await collect(item, deps);
        done += 1;
        deps.onProgress?.(done, items.length, item.planned.key);
      }),
    ),
  );
  const states = request.states ?? [];
  const driftOutput =
    states.length > 0
      ? await drift(
          {
            scanId,
            states: [...states],
            ...(request.kubeFilter && { kubeFilter: request.kubeFilter }),
          },
          { ...deps, clock: deps.clock ?? systemClock },
        )
      : undefined;
  if (deps.attribution) {
    await attribute(
      { scanId },
      { ...deps.attribution, staging: deps.staging, trail: deps.trail, logger: deps.logger },
    );
  }
  const persistScans = deps.review?.persistScans;
  const committed = await commit(
    { scanId },
    { ...deps, ...(persistScans === undefined ? {} : { persistScans }) },
  );
  const clock = deps.clock ?? systemClock;
  const reviewed =
    deps.reviewer && driftOutput ? await review({ scanId }, { ...deps, clock }) : undefined;
  // Notify runs last, after the review: its messages link the pull requests the review kept.
  const notified = deps.notify
    ? await notify({ scanId }, { ...deps, ...deps.notify, clock })
    : undefined;
  return {
    commit: committed,
    drift: driftOutput,
    ...(reviewed ? { review: reviewed } : {}),
    ...(notified ? { notify: notified } : {}),
  };
}
