import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { z } from 'zod';
import {
  type AwsTarget,
  awsScope,
  type CallCounts,
  type KubeTarget,
  type Logger,
  PlannedTarget,
  type Resource,
  type ScanResult,
  type ScanWarning,
} from '../model/index.js';
import { ExportFilter } from '../model/kube-filter.js';
import { SnapshotPathError } from '../snapshot/errors.js';
import { resourcePath } from '../snapshot/paths.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import { classifyAwsError } from '../sources/aws/errors.js';
import { resolveAccountId } from '../sources/aws/identity.js';
import { collectorsFor } from '../sources/aws/registry.js';
import type { AwsCollectorContext } from '../sources/collector.js';
import { collectCluster } from '../sources/k8s/collect-cluster.js';
import type { KubeRetryOptions } from '../sources/k8s/http.js';
import { PipelineError } from './errors.js';
import { stagingKeys } from './keys.js';
import { describeKubeTarget } from './plan.js';
import type { StagingStore } from './staging-store.js';

/** The collect step's input: one planned target of one scan (a Distributed Map item when deployed). */
export const CollectInput = z.strictObject({ scanId: z.string().min(1), planned: PlannedTarget });
export type CollectInput = z.infer<typeof CollectInput>;

/** What the collect step reports back (small: the records themselves go to the staging store). */
export interface CollectOutput {
  readonly scanId: string;
  readonly key: string;
  readonly resources: number;
  readonly warnings: number;
  readonly complete: boolean;
}

/** The collect step's dependencies. */
export interface CollectDeps {
  readonly staging: StagingStore;
  readonly aws: AwsClientFactory;
  readonly logger: Logger;
  /** The key that fingerprints secret values; never staged, never logged. */
  readonly hmacKey?: Uint8Array | undefined;
  /** Credentials for a Kubernetes target (the CLI reads kubeconfig files). */
  readonly kube?: ((target: KubeTarget) => Promise<KubeConfig>) | undefined;
  /** How Kubernetes calls retry a 429 or 5xx. @default 4 attempts, Retry-After or jittered backoff */
  readonly kubeRetry?: KubeRetryOptions | undefined;
}

/** The region API calls go to for a target; `global` services are called in us-east-1. */
export function callRegion(region: string): string {
  return region === 'global' ? 'us-east-1' : region;
}

/** Collects one target and writes its ScanResult to `scans/<scanId>/collect/<key>.json`. */
export async function collect(input: CollectInput, deps: CollectDeps): Promise<CollectOutput> {
  const { scanId, planned } = input;
  const { target } = planned;
  const result =
    target.kind === 'aws'
      ? await collectAws(planned.key, target, deps)
      : await collectKube(planned.key, target, deps);
  await deps.staging.put(stagingKeys.collect(scanId, planned.key), result);
  return {
    scanId,
    key: planned.key,
    resources: result.resources.length + result.kubeRecords.length,
    warnings: result.warnings.length,
    // Complete when every scope was listed in full; a failed per-resource read is `unreadable`
    // inside a record, not an incomplete scope.
    complete: result.scopes.length > 0 && result.scopes.every((s) => s.complete),
  };
}

async function collectAws(key: string, target: AwsTarget, deps: CollectDeps): Promise<ScanResult> {
  const calls: CallCounts = {};
  const countCall = (service: string) => {
    calls[service] = (calls[service] ?? 0) + 1;
  };
  let accountId: string;
  try {
    countCall('sts');
    accountId = await resolveAccountId(deps.aws, target.account, callRegion(target.region));
  } catch (error) {
    const { code, reason } = classifyAwsError((error as Error).cause ?? error);
    deps.logger.warn('Account could not be resolved', { target: key, code, reason });
    return {
      resources: [],
      warnings: [
        {
          code,
          target: key,
          operation: 'sts:GetCallerIdentity',
          message: `sts:GetCallerIdentity ${code} for ${key} (${reason}); nothing collected`,
        },
      ],
      scopes: [],
      calls,
      kubeRecords: [],
    };
  }
  const context: AwsCollectorContext = {
    account: target.account,
    accountId,
    region: target.region,
    aws: deps.aws,
    logger: deps.logger,
    target: key,
    options: target.options,
    shard: target.shard,
    hmacKey: deps.hmacKey,
    countCall,
  };
  // Collectors of one service call different APIs, and EC2 throttles per API: run them together.
  const outputs = await Promise.all(
    collectorsFor(target.service).map(async (collector) => ({
      collector,
      output: await collector.collect(context),
    })),
  );
  const written = outputs.map(({ collector, output }) => ({
    collector,
    output,
    ...writable(output.resources, key),
  }));
  return {
    resources: written.flatMap(({ resources }) => resources),
    warnings: written.flatMap(({ output, warnings }) => [...output.warnings, ...warnings]),
    scopes: written.map(({ collector, output, warnings }) => ({
      scope: awsScope(accountId, target.region, collector.resourceType),
      // A resource with no trail path is unknown, not gone: keep the scope's files.
      complete: output.complete && warnings.length === 0,
    })),
    calls,
    kubeRecords: [],
  };
}

/**
 * The resources that have a trail path; each other one (an empty id: a key pair without a name;
 * a lone surrogate) is a warning naming it instead of a crash of the whole scan.
 */
function writable(
  resources: readonly Resource[],
  target: string,
): { resources: Resource[]; warnings: ScanWarning[] } {
  const kept: Resource[] = [];
  const warnings: ScanWarning[] = [];
  for (const resource of resources) {
    try {
      resourcePath(resource);
      kept.push(resource);
    } catch (error) {
      if (!(error instanceof SnapshotPathError)) throw error;
      const id = JSON.stringify(resource.resourceId);
      const arn = resource.arn === undefined ? '' : ` (${resource.arn})`;
      warnings.push({
        code: 'malformed',
        target,
        operation: 'write trail file',
        message: `${resource.resourceType} ${id}${arn} not written: ${error.message}`,
      });
    }
  }
  return { resources: kept, warnings };
}

async function collectKube(
  key: string,
  target: KubeTarget,
  deps: CollectDeps,
): Promise<ScanResult> {
  if (!deps.kube) {
    throw new PipelineError(`No Kubernetes credentials were given to collect ${key}`);
  }
  let kc: KubeConfig;
  try {
    kc = await deps.kube(target);
  } catch (error) {
    deps.logger.warn('Cluster credentials could not be loaded', { target: key });
    return {
      resources: [],
      kubeRecords: [],
      warnings: [
        {
          code: 'failed',
          target: key,
          message: `${key}: ${describeKubeTarget(target)} could not be loaded (${(error as Error).name})`,
        },
      ],
      scopes: [],
      calls: {},
    };
  }
  const collected = await collectCluster({
    kc,
    cluster: target.cluster,
    source: describeKubeTarget(target),
    ...(target.requestTimeoutMs !== undefined && { timeoutMs: target.requestTimeoutMs }),
    ...(deps.kubeRetry && { retry: deps.kubeRetry }),
    filter: target.filter ?? ExportFilter.parse({}),
    ...(deps.hmacKey ? { hmacKey: deps.hmacKey } : {}),
  });
  const source = clusterIdentity(kc);
  return {
    resources: [],
    kubeRecords: [...collected.records],
    warnings: [...collected.warnings],
    scopes: collected.scopes.map((scope) => (source ? { ...scope, source } : scope)),
    calls: collected.calls,
  };
}

/** A stable identity of the cluster a kubeconfig reaches: a digest of its API server address. */
export function clusterIdentity(kc: KubeConfig): string | undefined {
  const server = kc.getCurrentCluster()?.server;
  if (!server) return undefined;
  return `server-sha256:${createHash('sha256').update(server.replace(/\/+$/, '')).digest('hex').slice(0, 16)}`;
}
