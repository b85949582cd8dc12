import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  AccountRef,
  AwsRegion,
  AwsService,
  CallCounts,
  CollectOptions,
  KubeTarget,
  PlannedTarget,
  ScanWarning,
} from '../model/index.js';
import { kubeScope } from '../snapshot/kube/path.js';
import { PlanConflictError } from './errors.js';

/** Services listed once per account rather than per region. */
export const GLOBAL_SERVICES: ReadonlySet<AwsService> = new Set(['s3']);

/** An account and the regions to scan in it (after discovery). */
export const PlanAccount = z.strictObject({
  account: AccountRef,
  regions: z.array(AwsRegion),
});
export type PlanAccount = z.infer<typeof PlanAccount>;

/** What a scan covers once accounts and regions are known. */
export const PlanRequest = z.strictObject({
  scanId: z.string().regex(/^[A-Za-z0-9_-]+$/),
  accounts: z.array(PlanAccount),
  services: z.array(AwsService).default(['ec2', 's3', 'eks']),
  s3Shards: z.number().int().min(1).default(1),
  options: CollectOptions.default({ userData: 'skip', keepVolatile: false }),
  /** Kubernetes clusters to export. */
  clusters: z.array(KubeTarget).default([]),
  /** What discovery could not do (an account whose regions could not be listed...). */
  warnings: z.array(ScanWarning).default([]),
  /** Calls discovery made. */
  calls: CallCounts.default({}),
});
export type PlanRequest = z.input<typeof PlanRequest>;

/** The targets of one scan; the other steps read it from the staging store. */
export const Plan = z.strictObject({
  version: z.literal(1),
  scanId: z.string(),
  targets: z.array(PlannedTarget),
  warnings: z.array(ScanWarning),
  calls: CallCounts,
});
export type Plan = z.infer<typeof Plan>;

/**
 * A cluster name as a target key: staging keys allow `[A-Za-z0-9._-]` only, and a short hash keeps
 * names that differ only in other characters (EKS context ARNs) apart.
 */
function targetLabel(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').slice(-60);
  return safe === name
    ? name
    : `${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** The label of an account in target keys: `caller`, or the account id of its role. */
export function accountLabel(account: AccountRef): string {
  return account.roleArn?.split(':')[4] ?? 'caller';
}

/**
 * Plans a scan: per account, each regional service in each region and each global service once
 * (S3 in `s3Shards` slices), deduplicated and sorted. Pure: discovery did the I/O.
 */
export function plan(request: PlanRequest): Plan {
  const { scanId, accounts, services, s3Shards, options, clusters, warnings, calls } =
    PlanRequest.parse(request);
  const targets = new Map<string, PlannedTarget>();
  for (const { account, regions } of accounts) {
    const label = accountLabel(account);
    for (const service of [...new Set(services)].sort()) {
      if (GLOBAL_SERVICES.has(service)) {
        const group = `aws-${label}-global-${service}`;
        const shards = service === 's3' ? s3Shards : 1;
        for (let index = 0; index < shards; index++) {
          const key = shards === 1 ? group : `${group}-${index + 1}of${shards}`;
          targets.set(key, {
            key,
            group,
            target: {
              kind: 'aws',
              account,
              region: 'global',
              service,
              options,
              ...(shards === 1 ? {} : { shard: { index, count: shards } }),
            },
          });
        }
        continue;
      }
      for (const region of [...new Set(regions)].sort()) {
        const key = `aws-${label}-${region}-${service}`;
        targets.set(key, {
          key,
          group: key,
          target: { kind: 'aws', account, region, service, options },
        });
      }
    }
  }
  refuseSharedClusterDirs(clusters);
  for (const cluster of clusters) {
    const key = `k8s-${targetLabel(cluster.cluster)}`;
    targets.set(key, { key, group: key, target: cluster });
  }
  const sorted = [...targets.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  // Parsing the plan validates every target (region names included) before anything runs.
  return Plan.parse({ version: 1, scanId, targets: sorted, warnings, calls });
}

/** Where a cluster's credentials come from, for messages: the kubeconfig and context, or EKS. */
export function describeKubeTarget(target: KubeTarget): string {
  if (target.eks) return `EKS cluster ${target.eks.name} (${target.eks.region})`;
  return `kubeconfig ${target.kubeconfig ?? '(default)'}, context ${target.context ?? '(current)'}`;
}

/**
 * Two targets named alike would write one `k8s/<cluster>/` directory, each deleting the other's
 * files: a configuration error before anything runs. Names differing only in case count as one,
 * since a checkout on macOS or Windows could not hold both.
 */
function refuseSharedClusterDirs(clusters: readonly KubeTarget[]): void {
  const byDir = new Map<string, KubeTarget>();
  for (const cluster of clusters) {
    const dir = `${kubeScope(cluster.cluster)}/`;
    const other = byDir.get(dir.toLowerCase());
    if (other)
      throw new PlanConflictError(
        `two Kubernetes clusters would share the trail directory ${dir}: ${describeKubeTarget(other)} ` +
          `and ${describeKubeTarget(cluster)}; give each a distinct name in kubernetes.clusters`,
      );
    byDir.set(dir.toLowerCase(), cluster);
  }
}
