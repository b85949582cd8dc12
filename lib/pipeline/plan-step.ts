import { z } from 'zod';
import { AwsConfig } from '../config/schema.js';
import { KubeTarget, type Logger } from '../model/index.js';
import { ExportFilter } from '../model/kube-filter.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import type { CollectInput } from './collect.js';
import { discover, discoverEksClusters } from './discover.js';
import { parseStaged, readIfPresent } from './gather.js';
import { stagingKeys } from './keys.js';
import {
  accountIdResolver,
  narrowAccountRegions,
  narrowAccounts,
  narrowClusters,
  narrowRegions,
} from './narrow-scope.js';
import { Plan, plan } from './plan.js';
import { ScanScope } from './scan-request.js';
import type { StagingStore } from './staging-store.js';

/** The plan step's input: what one scan is asked to cover (a Step Functions execution's input). */
export const PlanStepInput = z.strictObject({
  scanId: z.string().regex(/^[A-Za-z0-9_-]+$/),
  aws: AwsConfig,
  /** Kubernetes clusters to export. */
  clusters: z.array(KubeTarget).default([]),
  /** Also export every EKS cluster found in the scanned accounts and regions. */
  eksClusters: z.boolean().default(false),
  /** The export filter for the EKS clusters found. */
  kubeFilter: ExportFilter.optional(),
  /** What this execution narrows the request to (`POST /scans`); never widens it. */
  scope: ScanScope.optional(),
});
export type PlanStepInput = z.input<typeof PlanStepInput>;

/** What the plan step returns: the collect inputs, also staged as one array for a Distributed Map. */
export interface PlanStepOutput {
  readonly scanId: string;
  readonly items: CollectInput[];
  /** The staging key of `items` as a JSON array (`scans/<id>/items.json`). */
  readonly itemsKey: string;
}

/** The plan step's dependencies. */
export interface PlanStepDeps {
  readonly staging: StagingStore;
  readonly aws: AwsClientFactory;
  readonly logger: Logger;
}

/**
 * Discovers the accounts, regions and (when asked) EKS clusters, plans the targets, stages the
 * plan as `scans/<id>/plan.json` and returns one collect input per target. Idempotent: a retried
 * step finds its staged plan and returns the same items without asking AWS again.
 */
export async function planStep(input: PlanStepInput, deps: PlanStepDeps): Promise<PlanStepOutput> {
  const request = PlanStepInput.parse(input);
  const key = stagingKeys.plan(request.scanId);
  const staged = await readIfPresent(deps.staging, key);
  if (staged !== undefined) return stageItems(parseStaged(Plan, staged, 'plan'), deps.staging);
  const { scope } = request;
  // Regions narrow before discovery (no DescribeRegions for a region the scope leaves out).
  const aws = { ...request.aws, regions: narrowRegions(request.aws.regions, scope) };
  // AWS is scanned when regions are given; a Kubernetes-only scan asks AWS nothing.
  const scansAws = aws.regions === 'all' || aws.regions.length > 0;
  const discovery = scansAws
    ? await discover(aws, deps)
    : { accounts: [], warnings: [], calls: {} };
  // Accounts narrow after discovery: an Organization's members are known only then.
  const accounts = await narrowAccounts(
    narrowAccountRegions(discovery.accounts, scope),
    scope,
    accountIdResolver(deps.aws, HOME_REGION),
  );
  const eks = request.eksClusters
    ? await discoverEksClusters(accounts.kept, deps)
    : { clusters: [], warnings: [], calls: {} };
  const filter = request.kubeFilter;
  const eksTargets = eks.clusters.map((target) => (filter ? { ...target, filter } : target));
  const clusters = narrowClusters([...request.clusters, ...eksTargets], scope);
  if (accounts.unmatched.length > 0 || clusters.unmatched.length > 0) {
    deps.logger.warn('Scope names targets the scan does not cover', {
      accounts: accounts.unmatched,
      clusters: clusters.unmatched,
    });
  }
  const scanPlan = plan({
    scanId: request.scanId,
    accounts: accounts.kept,
    services: aws.services,
    s3Shards: aws.s3Shards,
    options: { userData: aws.userData, keepVolatile: aws.keepVolatile },
    clusters: clusters.kept,
    warnings: [...discovery.warnings, ...eks.warnings],
    calls: mergeCalls(discovery.calls, eks.calls),
  });
  await deps.staging.put(key, scanPlan);
  deps.logger.info('Scan planned', { scanId: scanPlan.scanId, targets: scanPlan.targets.length });
  return stageItems(scanPlan, deps.staging);
}

// Where the caller's own account id is asked (the aws partition's home region).
const HOME_REGION = 'us-east-1';

/**
 * Stages the collect inputs as one JSON array, so a Distributed Map reads them from S3 (an
 * Organization's items pass Step Functions' 256 KB payload limit). Written again on a retry: the
 * plan is staged first, so a step that died between the two writes still leaves both.
 */
async function stageItems(scanPlan: Plan, staging: StagingStore): Promise<PlanStepOutput> {
  const { scanId } = scanPlan;
  const items = scanPlan.targets.map((planned) => ({ scanId, planned }));
  const itemsKey = stagingKeys.items(scanId);
  await staging.put(itemsKey, items);
  return { scanId, items, itemsKey };
}

function mergeCalls(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) {
  const merged: Record<string, number> = { ...a };
  for (const [service, count] of Object.entries(b))
    merged[service] = (merged[service] ?? 0) + count;
  return merged;
}
