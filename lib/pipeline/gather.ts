import pLimit from 'p-limit';
import type { z } from 'zod';
import {
  awsScope,
  type CallCounts,
  type PlannedTarget,
  type Resource,
  ScanResult,
  type ScanWarning,
  type ScopeStatus,
} from '../model/index.js';
import type { KubeRecord } from '../model/kube.js';
import { kubeScope } from '../snapshot/kube/path.js';
import { RESOURCE_TYPES_BY_SERVICE } from '../sources/aws/resource-types.js';
import { StagingCorruptError, StagingMissingError } from './errors.js';
import { stagingKeys } from './keys.js';
import { accountLabel, Plan } from './plan.js';
import type { StagingStore } from './staging-store.js';

/** Everything the collect step staged for one scan, merged. */
export interface GatheredScan {
  readonly resources: Resource[];
  readonly kubeRecords: KubeRecord[];
  readonly warnings: ScanWarning[];
  readonly scopes: ScopeStatus[];
  readonly calls: CallCounts;
}

/** Staged collect results read at once: enough to hide S3's latency, few enough for its limits. */
export const GATHER_CONCURRENCY = 8;

/**
 * Reads a scan's plan and every collect result from the staging store (a few at once) and merges
 * them in plan order, so the result does not depend on which read finished first.
 */
export async function gatherScan(scanId: string, staging: StagingStore): Promise<GatheredScan> {
  const plan = parseStaged(Plan, await staging.get(stagingKeys.plan(scanId)), 'plan');
  const limit = pLimit(GATHER_CONCURRENCY);
  const documents = await Promise.all(
    plan.targets.map(({ key }) =>
      limit(() => readIfPresent(staging, stagingKeys.collect(scanId, key))),
    ),
  );
  const resources: Resource[] = [];
  const kubeRecords: KubeRecord[] = [];
  const warnings: ScanWarning[] = [...plan.warnings];
  const calls: CallCounts = { ...plan.calls };
  const scopes = new Map<string, { complete: boolean; group: string; source?: string }>();
  const failedGroups = new Set<string>();
  // The account id behind each account label (`caller`, or a role's account id), as seen.
  const accountIds = new Map<string, string>();
  for (const [index, { key, group = key, target }] of plan.targets.entries()) {
    const document = documents[index];
    if (document === undefined) {
      // A collect that never reported (a crashed Lambda): its scopes are unknown, so nothing of
      // it is removed; the previous files stay.
      warnings.push({ code: 'failed', target: key, message: `${key} produced no result` });
      failedGroups.add(group);
      continue;
    }
    const result = parseStaged(ScanResult, document, `collect result ${key}`);
    const seenAccount = result.scopes[0]?.scope.split('/')[1];
    if (target.kind === 'aws' && seenAccount)
      accountIds.set(accountLabel(target.account), seenAccount);
    resources.push(...result.resources);
    kubeRecords.push(...result.kubeRecords);
    warnings.push(...result.warnings);
    if (result.scopes.length === 0) failedGroups.add(group);
    for (const { scope, complete, source } of result.scopes) {
      const previous = scopes.get(scope);
      scopes.set(scope, {
        complete: (previous?.complete ?? true) && complete,
        group,
        ...(source && { source }),
      });
    }
    for (const [service, count] of Object.entries(result.calls)) {
      calls[service] = (calls[service] ?? 0) + count;
    }
  }
  // A target that reported nothing (its collect failed for good, or could not resolve its
  // account) still names the scopes it was to read, as incomplete: the trail's scan record and the
  // drift report then say so, instead of keeping what an earlier scan found.
  for (const planned of plan.targets) {
    if (!failedGroups.has(planned.group ?? planned.key)) continue;
    for (const scope of expectedScopes(planned, accountIds)) {
      if (!scopes.has(scope))
        scopes.set(scope, { complete: false, group: planned.group ?? planned.key });
    }
  }
  // The shards of a group complete a scope only together: one shard that reported nothing
  // (it could not even resolve its account) leaves the scope its siblings saw incomplete.
  const scopeList = [...scopes]
    .map(([scope, { complete, group, source }]) => ({
      scope,
      complete: complete && !failedGroups.has(group),
      ...(source && { source }),
    }))
    .sort((a, b) => (a.scope < b.scope ? -1 : 1));
  return { resources, kubeRecords, warnings, scopes: scopeList, calls };
}

/** The scopes a planned target reads, when its account id is known (never guessed). */
function expectedScopes(planned: PlannedTarget, accountIds: Map<string, string>): string[] {
  const { target } = planned;
  if (target.kind !== 'aws') return [kubeScope(target.cluster)];
  const label = accountLabel(target.account);
  const accountId = label === 'caller' ? accountIds.get(label) : label;
  if (accountId === undefined) return [];
  return RESOURCE_TYPES_BY_SERVICE[target.service].map((resourceType) =>
    awsScope(accountId, target.region, resourceType),
  );
}

/** Parses a staged document, naming the document and the path of its first problem. */
export function parseStaged<T>(schema: z.ZodType<T>, document: unknown, what: string): T {
  const parsed = schema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new StagingCorruptError(
    `Staged ${what} is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  );
}

/** A staged document, or undefined when no step wrote it. */
export async function readIfPresent(staging: StagingStore, key: string): Promise<unknown> {
  try {
    return await staging.get(key);
  } catch (error) {
    if (error instanceof StagingMissingError) return undefined;
    throw error;
  }
}
