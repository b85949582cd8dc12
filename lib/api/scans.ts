import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DriftReport } from '../drift/schema.js';
import type { Logger } from '../model/index.js';
import { readIfPresent } from '../pipeline/gather.js';
import { stagingKeys } from '../pipeline/keys.js';
import type { ScanTrigger } from '../pipeline/scan-request.js';
import type { StagingStore } from '../pipeline/staging-store.js';
import type { ScanExecutions } from './executions.js';
import type { ApiResponse, StartScanBody } from './schema.js';

/** What the scan routes need. */
export interface ScanRoutesDeps {
  readonly executions: ScanExecutions;
  readonly staging: StagingStore;
  readonly logger: Logger;
  /** A fresh scan id for a request without a client token. */
  readonly newId: () => string;
}

/**
 * The scan id of a request: from the caller and its client token (a hash, so a replay is the same
 * execution and one caller's token never names another's scan), or fresh without a token.
 */
export function scanIdOf(body: StartScanBody, caller: string, newId: () => string): string {
  if (body.clientToken === undefined) return `api-${newId()}`;
  const digest = createHash('sha256').update(`${caller}\n${body.clientToken}`).digest('hex');
  return `api-${digest.slice(0, 40)}`;
}

/**
 * `POST /scans`: starts an execution with input `{ trigger: 'api', scope }`, named by the scan id.
 * A replayed token finds its execution (ExecutionAlreadyExists) and answers the same id; the same
 * token with another scope is a conflict rather than a silent answer about a different scan.
 */
export async function startScan(
  body: StartScanBody,
  caller: string,
  deps: ScanRoutesDeps,
): Promise<ApiResponse> {
  const scanId = scanIdOf(body, caller, deps.newId);
  const trigger: ScanTrigger = { trigger: 'api', ...(body.scope ? { scope: body.scope } : {}) };
  const input = JSON.stringify(trigger);
  const started = await deps.executions.start(scanId, input);
  if (started === 'exists') {
    const existing = await deps.executions.describe(scanId);
    if (existing?.input !== undefined && !sameJson(existing.input, input)) {
      return {
        status: 409,
        body: {
          message: 'clientToken was used for a scan with another scope',
          field: 'clientToken',
        },
      };
    }
    deps.logger.info('Scan request replayed', { scanId });
    return { status: 202, body: { scanId, status: existing?.status ?? 'RUNNING' } };
  }
  deps.logger.info('Scan started', { scanId });
  return { status: 202, body: { scanId, status: 'RUNNING' } };
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/**
 * `GET /scans/{id}`: the execution's status and, once it stopped, the summary of what the steps
 * staged (the commit, the drift report's summary, the review). Counts and names only: no
 * configuration, no state values, no error causes.
 */
export async function scanStatus(scanId: string, deps: ScanRoutesDeps): Promise<ApiResponse> {
  const execution = await deps.executions.describe(scanId);
  if (execution === undefined) {
    return { status: 404, body: { message: 'no scan with this id', scanId } };
  }
  const answer: Record<string, unknown> = {
    scanId,
    status: execution.status,
    startedAt: execution.startedAt.toISOString(),
    ...(execution.stoppedAt ? { stoppedAt: execution.stoppedAt.toISOString() } : {}),
    ...(execution.error ? { error: execution.error } : {}),
  };
  if (execution.status !== 'RUNNING') answer['summary'] = await summaryOf(scanId, deps.staging);
  return { status: 200, body: answer };
}

// Only the fields the summary shows, from the steps' staged outputs (their own modules pull in the
// trail and GitHub code, which this function's bundle does without).
const StagedCommit = z.object({
  commit: z.string().nullable(),
  added: z.number(),
  changed: z.number(),
  removed: z.number(),
  resources: z.number(),
  scopes: z.array(z.object({ scope: z.string(), complete: z.boolean() })),
  warnings: z.array(z.unknown()),
});
const StagedDrift = z.object({
  report: z.object({ summary: DriftReport.shape.summary }),
  errors: z.array(z.string()),
});
const StagedReview = z.object({
  skipped: z.string().optional(),
  baseline: z.boolean(),
  opened: z.array(z.number()),
  updated: z.array(z.number()),
  closed: z.array(z.number()),
  dashboard: z.string().optional(),
});

async function summaryOf(scanId: string, staging: StagingStore) {
  const [commit, drift, review] = await Promise.all([
    readIfPresent(staging, stagingKeys.commit(scanId)),
    readIfPresent(staging, stagingKeys.drift(scanId)),
    readIfPresent(staging, stagingKeys.review(scanId)),
  ]);
  const committed = commit === undefined ? undefined : StagedCommit.parse(commit);
  const drifted = drift === undefined ? undefined : StagedDrift.parse(drift);
  const reviewed = review === undefined ? undefined : StagedReview.parse(review);
  return {
    ...(committed && {
      commit: {
        commit: committed.commit,
        added: committed.added,
        changed: committed.changed,
        removed: committed.removed,
        resources: committed.resources,
        scopes: committed.scopes.map(({ scope, complete }) => ({ scope, complete })),
        warnings: committed.warnings.length,
      },
    }),
    ...(drifted && { drift: { ...drifted.report.summary, unreadable: drifted.errors.length } }),
    ...(reviewed && {
      review: {
        ...(reviewed.skipped ? { skipped: reviewed.skipped } : {}),
        baseline: reviewed.baseline,
        opened: reviewed.opened,
        updated: reviewed.updated,
        closed: reviewed.closed,
        ...(reviewed.dashboard ? { dashboard: reviewed.dashboard } : {}),
      },
    }),
  };
}
