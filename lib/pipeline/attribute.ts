import { z } from 'zod';
import {
  type AwsAttributionTarget,
  attribute as attributeChanges,
  type KubeAttributionTarget,
} from '../attribution/attribute.js';
import type { LookupEvents } from '../attribution/lookup.js';
import type { PaceClock } from '../attribution/pacer.js';
import { Attribution } from '../attribution/schema.js';
import type { AccountRef, Logger, Resource } from '../model/index.js';
import { gitBlobSha } from '../snapshot/blob-hash.js';
import { renderResource } from '../snapshot/render.js';
import { renderKubeRecord } from '../sources/k8s/render.js';
import type { TrailStore } from '../trail/trail-store.js';
import { DriftStepOutput } from './drift.js';
import { type GatheredScan, gatherScan, parseStaged, readIfPresent } from './gather.js';
import { stagingKeys } from './keys.js';
import { Plan } from './plan.js';
import type { StagingStore } from './staging-store.js';

/** The attribute step's input. */
export const AttributeInput = z.strictObject({
  scanId: z.string().min(1),
  /** When the previous scan ran (RFC 3339); the CloudTrail window starts there. */
  since: z.iso.datetime({ offset: true }).optional(),
});
export type AttributeInput = z.infer<typeof AttributeInput>;

/** What the attribute step returns: a summary (the attribution itself is staged). */
export interface AttributeSummary {
  readonly scanId: string;
  readonly attributed: number;
  readonly skipped: number;
  readonly lookups: number;
}

/** The attribute step's dependencies. */
export interface AttributeDeps {
  readonly staging: StagingStore;
  /** The trail, to tell which paths this scan changes. */
  readonly trail: TrailStore;
  /** CloudTrail LookupEvents through the member roles. */
  readonly lookup: LookupEvents;
  /** The clock the lookups are paced on. */
  readonly paceClock: PaceClock;
  readonly logger: Logger;
  /** The scanner's own principals besides the member roles (the function's role). */
  readonly scanner?: readonly string[];
  /** LookupEvents calls per scan. @default 200 */
  readonly budget?: number;
}

/** The region CloudTrail logged a resource in: a bucket's own region for S3's `global`. */
function trailRegion(resource: Resource): string {
  if (resource.awsRegion !== 'global') return resource.awsRegion;
  const bucketRegion = resource.configuration['BucketRegion'];
  return typeof bucketRegion === 'string' ? bucketRegion : 'us-east-1';
}

/** The member roles of the plan by account id; an account without one is the caller's. */
function accountsOf(plan: Plan): Map<string, AccountRef> {
  const accounts = new Map<string, AccountRef>();
  for (const { target } of plan.targets) {
    const account = target.kind === 'aws' ? target.account : target.eks?.account;
    const id = account?.roleArn?.split(':')[4];
    if (account && id) accounts.set(id, account);
  }
  return accounts;
}

/**
 * The paths this scan attributes: drifted AWS resources (changed or unmanaged in the report) and
 * every AWS or Kubernetes file whose bytes differ from the trail's (none on a baseline: a first
 * scan records everything and blames nobody).
 */
async function targetsOf(
  gathered: GatheredScan,
  driftOutput: DriftStepOutput | undefined,
  trail: TrailStore,
): Promise<{ aws: Map<string, Resource>; kube: KubeAttributionTarget[] }> {
  const resources = new Map<string, Resource>();
  const hashes = new Map<string, string>();
  for (const resource of gathered.resources) {
    const { path, bytes } = renderResource(resource);
    resources.set(path, resource);
    hashes.set(path, gitBlobSha(bytes));
  }
  const kubeFiles = gathered.kubeRecords.map((record) => {
    const { path, bytes } = renderKubeRecord(record);
    hashes.set(path, gitBlobSha(bytes));
    return { path, updates: record.facts.updates };
  });
  const aws = new Map<string, Resource>();
  for (const entry of [
    ...(driftOutput?.report.changed ?? []),
    ...(driftOutput?.report.unmanaged ?? []),
  ]) {
    const resource = entry.path === undefined ? undefined : resources.get(entry.path);
    if (entry.path && resource) aws.set(entry.path, resource);
  }
  const manifest = await trail.readManifest({ expected: hashes, complete: [] });
  if (manifest.head === null) return { aws, kube: [] };
  const differs = (path: string) => manifest.files.get(path) !== hashes.get(path);
  for (const [path, resource] of resources) if (differs(path)) aws.set(path, resource);
  return { aws, kube: kubeFiles.filter(({ path }) => differs(path)) };
}

/**
 * Who changed what in this scan: CloudTrail for AWS resources, managedFields for Kubernetes
 * objects. Stages `scans/<id>/attribution.json`; a retried step returns what it staged.
 */
export async function attribute(
  input: AttributeInput,
  deps: AttributeDeps,
): Promise<AttributeSummary> {
  const key = stagingKeys.attribution(input.scanId);
  const done = await readIfPresent(deps.staging, key);
  const summarize = (attribution: Attribution): AttributeSummary => ({
    scanId: input.scanId,
    attributed: attribution.paths.length,
    skipped: attribution.skipped.length,
    lookups: attribution.lookups,
  });
  if (done !== undefined) return summarize(parseStaged(Attribution, done, 'attribution'));
  const plan = parseStaged(Plan, await deps.staging.get(stagingKeys.plan(input.scanId)), 'plan');
  const gathered = await gatherScan(input.scanId, deps.staging);
  const staged = await readIfPresent(deps.staging, stagingKeys.drift(input.scanId));
  const driftOutput =
    staged === undefined ? undefined : parseStaged(DriftStepOutput, staged, 'drift');
  const targets = await targetsOf(gathered, driftOutput, deps.trail);
  const accounts = accountsOf(plan);
  const aws: AwsAttributionTarget[] = [...targets.aws].map(([path, resource]) => ({
    path,
    account: accounts.get(resource.accountId) ?? {},
    region: trailRegion(resource),
    resourceName: resource.resourceId,
  }));
  const roles = [...accounts.values()].flatMap((account) => account.roleArn ?? []);
  const attribution = await attributeChanges({
    aws,
    kube: targets.kube,
    lookup: deps.lookup,
    clock: deps.paceClock,
    ...(input.since && { since: new Date(input.since) }),
    ...(deps.budget !== undefined && { budget: deps.budget }),
    scanner: [...roles, ...(deps.scanner ?? [])],
    logger: deps.logger,
  });
  await deps.staging.put(key, attribution);
  return summarize(attribution);
}
