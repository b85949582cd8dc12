import { z } from 'zod';
import { scopeOfPath } from '../drift/accept.js';
import type { DriftReport } from '../drift/schema.js';
import type { KubeRecord } from '../model/kube.js';
import type { Resource } from '../model/schema.js';
import { kubePath } from '../snapshot/kube/path.js';
import { type AddressBook, addressBook } from './address.js';
import { resolveChange } from './changed.js';
import { codify } from './codify.js';
import { type HclBlock, printHcl } from './hcl.js';
import { kubernetesManifestBlocks, kubeSkipReason } from './kubernetes.js';

/** The Terraform that resolves one finding of a drift report (staged for the review). */
export const CodifiedFinding = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('unmanaged'),
    scope: z.string(),
    type: z.string(),
    id: z.string(),
    /** The `import` and `resource` blocks, as `terraform fmt` prints them. */
    hcl: z.string(),
  }),
  z.strictObject({
    kind: z.literal('changed'),
    scope: z.string(),
    address: z.string(),
    attribute: z.string(),
    accept: z.string().optional(),
    stateValue: z.string().optional(),
    revert: z.string(),
  }),
]);
export type CodifiedFinding = z.infer<typeof CodifiedFinding>;

/** What `codifyFindings` reads: the report and the records it was computed from. */
export interface CodifyFindingsInput {
  readonly report: DriftReport;
  readonly resources: readonly Resource[];
  readonly kubeRecords: readonly KubeRecord[];
  /** Cloud id -> address of what the states manage (`managedAddresses`). */
  readonly managed: ReadonlyMap<string, string>;
  /** One book for every scope (one file for all of them); default: one per scope. */
  readonly book?: AddressBook;
}

/** The findings' Terraform, and the unmanaged resources that got none (with why). */
export interface CodifiedFindings {
  readonly findings: CodifiedFinding[];
  readonly skipped: { readonly type: string; readonly id: string; readonly reason: string }[];
}

function safeKubePath(record: KubeRecord): string | undefined {
  try {
    return kubePath(record);
  } catch {
    return undefined;
  }
}

/**
 * The Terraform for each finding of a report: for an unmanaged AWS resource or Kubernetes
 * object its `import` and `resource` blocks (addresses unique per scope, so one scope's blocks
 * make one valid `imports.tf`), for a changed attribute both ways out. Pure.
 */
export function codifyFindings(input: CodifyFindingsInput): CodifiedFindings {
  const findings: CodifiedFinding[] = [];
  const skipped: CodifiedFindings['skipped'] = [];
  const byScope = new Map<string, DriftReport['unmanaged']>();
  for (const entry of input.report.unmanaged) {
    const scope = scopeOfPath(entry.path);
    if (scope !== undefined) byScope.set(scope, [...(byScope.get(scope) ?? []), entry]);
  }
  const awsById = new Map(input.resources.map((r) => [`${r.resourceType} ${r.resourceId}`, r]));
  const kubeByPath = new Map<string, KubeRecord>();
  for (const record of input.kubeRecords) {
    const path = safeKubePath(record);
    if (path !== undefined) kubeByPath.set(path, record);
  }
  for (const [scope, entries] of [...byScope].sort(([a], [b]) => a.localeCompare(b))) {
    const book = input.book ?? addressBook(input.managed.values());
    const aws: Resource[] = [];
    for (const entry of entries) {
      const kube = kubeByPath.get(entry.path);
      if (kube !== undefined) {
        const reason = kubeSkipReason(kube);
        if (reason !== undefined) {
          skipped.push({ type: entry.type, id: entry.id, reason });
          continue;
        }
        const blocks = kubernetesManifestBlocks(kube, book);
        findings.push(unmanaged(scope, entry, blocks));
        continue;
      }
      const resource = awsById.get(`${entry.resourceType} ${entry.id}`);
      if (resource !== undefined) aws.push(resource);
    }
    const result = codify({ resources: aws, managed: input.managed, book });
    for (const done of result.resources) {
      const entry = entries.find(
        (e) => e.resourceType === done.resourceType && e.id === done.resourceId,
      );
      if (entry !== undefined) findings.push(unmanaged(scope, entry, done.blocks));
    }
    for (const skip of result.skipped) {
      const entry = entries.find(
        (e) => e.resourceType === skip.resourceType && e.id === skip.resourceId,
      );
      skipped.push({
        type: entry?.type ?? skip.resourceType,
        id: skip.resourceId,
        reason: skip.reason,
      });
    }
  }
  for (const item of input.report.changed) {
    const scope = scopeOfPath(item.path);
    if (scope === undefined) continue;
    for (const change of item.changes) {
      const resolution = resolveChange({
        address: item.address,
        type: item.type,
        id: item.id,
        attribute: change.attribute,
        state: change.state,
        cloud: change.cloud,
      });
      findings.push({
        kind: 'changed',
        scope,
        address: item.address,
        attribute: change.attribute,
        ...resolution,
      });
    }
  }
  return { findings, skipped };
}

function unmanaged(
  scope: string,
  entry: DriftReport['unmanaged'][number],
  blocks: readonly HclBlock[],
): CodifiedFinding {
  return { kind: 'unmanaged', scope, type: entry.type, id: entry.id, hcl: printHcl(blocks) };
}
