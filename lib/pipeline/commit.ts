import { z } from 'zod';
import { Attribution } from '../attribution/schema.js';
import { changedByTrailers } from '../attribution/trailers.js';
import { type ChangedPath, classifyPaths, type PathClass } from '../drift/classify.js';
import { classifyKubeChange } from '../drift/kube/classify.js';
import {
  parseTerraformRecord,
  renderTerraformRecord,
  TERRAFORM_RECORD_PATH,
} from '../drift/terraform-record.js';
import type { Logger, ScanWarning } from '../model/index.js';
import type { KubeRecord } from '../model/kube.js';
import { decideNotifications, isEmptyLedger } from '../notify/decide.js';
import { LEDGER_PATH, parseLedger, renderLedger } from '../notify/ledger.js';
import { gitBlobSha } from '../snapshot/blob-hash.js';
import { FORMAT_VERSION } from '../snapshot/format.js';
import { renderResource } from '../snapshot/render.js';
import { renderKubeRecord } from '../sources/k8s/render.js';
import { renderCommitMessage, renderFormatMessage } from '../trail/commit-message.js';
import { diffTrail, splitDiff, type TrailDiff } from '../trail/diff-trail.js';
import { TrailConflictError } from '../trail/errors.js';
import {
  foreignScopes,
  mergeScanRecord,
  parseScanRecord,
  renderScanRecord,
  SCAN_RECORD_PATH,
} from '../trail/scan-record.js';
import type { TrailStore } from '../trail/trail-store.js';
import type { StagedAnnouncements } from './announce.js';
import { DriftStepOutput } from './drift.js';
import { gatherScan, parseStaged, readIfPresent } from './gather.js';
import { stagingKeys } from './keys.js';
import { assertLeaseHeld, type LeaseFence } from './lease.js';
import type { StagingStore } from './staging-store.js';

/** The commit step's input. */
export const CommitInput = z.strictObject({
  scanId: z.string().min(1),
  /** The config's `review.persistScans`, from the state machine; it wins over the deps'. */
  persistScans: z.number().int().min(1).max(100).optional(),
});
export type CommitInput = z.infer<typeof CommitInput>;

/** What the commit step did, also staged as `scans/<id>/commit.json`. */
export const CommitOutput = z.strictObject({
  scanId: z.string(),
  commit: z.string().nullable(),
  added: z.number(),
  changed: z.number(),
  removed: z.number(),
  /** Files rewritten in a preceding `format:` commit (the first scan after a format change). */
  rewritten: z.number(),
  resources: z.number(),
  /** How the committed paths are classified, when the scan compared with Terraform state. */
  classes: z
    .strictObject({ explained: z.number(), drift: z.number(), unverified: z.number() })
    .optional(),
  scopes: z.array(z.strictObject({ scope: z.string(), complete: z.boolean() })),
  warnings: z.array(z.custom<ScanWarning>()),
  calls: z.record(z.string(), z.number()),
});
export type CommitOutput = z.infer<typeof CommitOutput>;

/** Whether a path is a resource file (statetrail's own bookkeeping under .statetrail/ is not). */
function isResourcePath(path: string): boolean {
  return !path.startsWith('.statetrail/');
}

function changedPaths(diff: TrailDiff): ChangedPath[] {
  const added = new Set(diff.added);
  return diff.changes
    .filter((change) => isResourcePath(change.path))
    .map((change) => ({
      path: change.path,
      change: change.content === null ? 'D' : added.has(change.path) ? 'A' : 'M',
    }));
}

/**
 * After a format change, the modified files go into their own `format:` commit first, and so do
 * files that only moved (a removed path whose bytes another added path holds: a new naming
 * scheme). A scan that saw nothing but the new format leaves only the scan record: it joins the
 * format commit instead of making an empty-looking scan commit.
 */
function separateFormatChanges(
  whole: TrailDiff,
  previous: ReadonlyMap<string, string>,
  observed: ReadonlyMap<string, { readonly hash: string }>,
): [TrailDiff, TrailDiff] {
  const modified = new Set(whole.changed);
  const addedHashes = new Set(whole.added.map((path) => observed.get(path)?.hash));
  const movedFrom = whole.removed.filter((path) => addedHashes.has(previous.get(path)));
  const movedHashes = new Set(movedFrom.map((path) => previous.get(path)));
  const moved = new Set([
    ...movedFrom,
    ...whole.added.filter((path) => movedHashes.has(observed.get(path)?.hash)),
  ]);
  const [rewritten, rest] = splitDiff(
    whole,
    (path) =>
      path !== SCAN_RECORD_PATH && path !== LEDGER_PATH && (modified.has(path) || moved.has(path)),
  );
  if (
    rewritten.changes.length > 0 &&
    rest.changes.every((c) => c.path === SCAN_RECORD_PATH || c.path === LEDGER_PATH)
  ) {
    return [whole, splitDiff(whole, () => false)[0]];
  }
  return [rewritten, rest];
}

/**
 * Each committed path's class: AWS paths against Terraform state (when the scan compared with
 * it), Kubernetes paths by who last wrote the object (Argo CD, Flux, Helm, a person).
 */
async function classifyCommit(
  diff: TrailDiff,
  context: {
    readonly driftOutput: DriftStepOutput | undefined;
    readonly kubePaths: ReadonlyMap<string, KubeRecord>;
    readonly trail: TrailStore;
    readonly head: string | null;
  },
): Promise<Map<string, PathClass> | undefined> {
  const { driftOutput, kubePaths, trail, head } = context;
  const paths = changedPaths(diff);
  const kubeFallback = (path: string): PathClass | undefined => {
    const record = kubePaths.get(path);
    return record ? classifyKubeChange(record) : undefined;
  };
  if (driftOutput) {
    return classifyPaths({
      paths,
      report: driftOutput.report,
      current: driftOutput.terraform,
      previous: parseTerraformRecord(
        head === null ? null : await trail.readFile(TERRAFORM_RECORD_PATH, head),
      ),
      kubeFallback,
    });
  }
  if (kubePaths.size === 0) return undefined;
  const classes = new Map<string, PathClass>();
  for (const { path, change } of paths) {
    if (!path.startsWith('k8s/')) continue;
    classes.set(path, (change !== 'D' && kubeFallback(path)) || { class: 'unverified' });
  }
  return classes;
}

function countClasses(classes: ReadonlyMap<string, PathClass>) {
  const counts = { explained: 0, drift: 0, unverified: 0 };
  for (const { class: kind } of classes.values()) counts[kind] += 1;
  return counts;
}

/** The commit step's dependencies. */
export interface CommitDeps {
  readonly staging: StagingStore;
  readonly trail: TrailStore;
  readonly logger: Logger;
  /** Fresh reads after a moved branch before giving up. @default 5 */
  readonly maxAttempts?: number;
  /** Waits between attempts (jittered, growing); tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter. @default Math.random */
  readonly random?: () => number;
  /**
   * The trail's lease, when deployed: before each write the step checks that its scan still holds
   * it, and throws LeaseHeldError (writing nothing) when not. @default no check (the CLI)
   */
  readonly lease?: LeaseFence;
  /** Consecutive scans a drift must persist before it is announced (`review.persistScans`). @default 2 */
  readonly persistScans?: number;
}

/** The wait before attempt `attempt + 1`: 250 ms doubling, times a jitter of 0.5 to 1.5. */
export function conflictBackoffMs(attempt: number, random: () => number): number {
  return Math.round(250 * 2 ** (attempt - 1) * (0.5 + random()));
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Turns the collected records of a scan into one commit: canonical files compared with the
 * trail by blob hash; nothing changed, no commit. A moved branch is retried from a fresh read.
 * Idempotent: a retried step finds its staged output and returns it.
 */
export async function commit(input: CommitInput, deps: CommitDeps): Promise<CommitOutput> {
  const { scanId } = input;
  const done = await readIfPresent(deps.staging, stagingKeys.commit(scanId));
  if (done !== undefined) return CommitOutput.parse(done);

  const gathered = await gatherScan(scanId, deps.staging);
  const staged = await readIfPresent(deps.staging, stagingKeys.drift(scanId));
  const driftOutput = staged === undefined ? undefined : DriftStepOutput.parse(staged);
  const stagedAttribution = await readIfPresent(deps.staging, stagingKeys.attribution(scanId));
  const attribution =
    stagedAttribution === undefined
      ? undefined
      : parseStaged(Attribution, stagedAttribution, 'attribution');
  const files = new Map<string, { bytes: Uint8Array; hash: string }>();
  for (const resource of gathered.resources) {
    const { path, bytes } = renderResource(resource);
    files.set(path, { bytes, hash: gitBlobSha(bytes) });
  }
  const kubePaths = new Map<string, KubeRecord>();
  for (const record of gathered.kubeRecords) {
    const { path, bytes } = renderKubeRecord(record);
    files.set(path, { bytes, hash: gitBlobSha(bytes) });
    kubePaths.set(path, record);
  }
  const observedScopes = gathered.scopes.filter((s) => s.complete).map((s) => s.scope);
  const maxAttempts = deps.maxAttempts ?? 5;
  // Only the subtrees that differ from what was observed need reading (GitHub: a few GET calls
  // for a scan that changed nothing, whatever the trail's size).
  const query = {
    expected: new Map([...files].map(([path, { hash }]) => [path, hash])),
    complete: observedScopes,
    paths: [SCAN_RECORD_PATH, TERRAFORM_RECORD_PATH, LEDGER_PATH],
  };
  for (let attempt = 1; ; attempt++) {
    const manifest = await deps.trail.readManifest(query);
    const previous = parseScanRecord(
      manifest.head === null ? null : await deps.trail.readFile(SCAN_RECORD_PATH, manifest.head),
    );
    // A directory another source fills (a second cluster also named `kubernetes`) is neither
    // written nor emptied: its files stay the other cluster's, and the scan says how to fix it.
    const foreign = foreignScopes(previous, gathered.scopes);
    const foreignDirs = foreign.map(({ scope }) => `${scope}/`);
    const scopes = gathered.scopes.map((status) =>
      foreign.includes(status) ? { scope: status.scope, complete: false } : status,
    );
    // What the report shows of each scope (its source stays in the scan record).
    const reported = scopes.map(({ scope, complete }) => ({ scope, complete }));
    const completeScopes = scopes.filter((s) => s.complete).map((s) => s.scope);
    const record = mergeScanRecord(
      previous,
      scopes.filter((status) => !foreignDirs.includes(`${status.scope}/`)),
      FORMAT_VERSION,
    );
    const warnings = [
      ...gathered.warnings,
      ...foreign.map(({ scope }) => ({
        code: 'failed' as const,
        target: scope,
        scope,
        message: `${scope} holds another cluster's files (a different API server); nothing of this cluster was written there: give it its own name (kubernetes.clusters[].name)`,
      })),
    ];
    const recordBytes = renderScanRecord(record);
    const observed = new Map(
      [...files].filter(([path]) => !foreignDirs.some((dir) => path.startsWith(dir))),
    );
    observed.set(SCAN_RECORD_PATH, { bytes: recordBytes, hash: gitBlobSha(recordBytes) });
    // What this scan announces is decided here, against the ledger of the head it commits on: a
    // scan that loses the race to the branch decides again from the winner's ledger, so two
    // overlapping scans never announce the same drift twice.
    const previousLedger = parseLedger(
      manifest.head === null || !manifest.files.has(LEDGER_PATH)
        ? null
        : await deps.trail.readFile(LEDGER_PATH, manifest.head),
    );
    const decision = decideNotifications({
      previous: previousLedger,
      // A report from states that could not all be read would call their resources unmanaged:
      // the ledger's drift stays as it was until a scan reads every state again.
      report: driftOutput && driftOutput.errors.length === 0 ? driftOutput.report : undefined,
      incomplete: scopes.filter((s) => !s.complete).map((s) => s.scope),
      persistScans: input.persistScans ?? deps.persistScans ?? 2,
    });
    if (previousLedger !== null || !isEmptyLedger(decision.ledger)) {
      const bytes = renderLedger(decision.ledger);
      observed.set(LEDGER_PATH, { bytes, hash: gitBlobSha(bytes) });
    }
    const announced: StagedAnnouncements = { scanId, announcements: decision.announcements };
    let whole = diffTrail(manifest, { files: observed, completeScopes });
    // The Terraform record rides along with a commit that has changes of its own: compared with
    // the record of the last commit, a state change that touched nothing in the cloud stays silent.
    // The first record is the exception: without it the next change Terraform makes could not be
    // explained.
    const firstRecord =
      driftOutput !== undefined &&
      manifest.head !== null &&
      !manifest.files.has(TERRAFORM_RECORD_PATH) &&
      Object.keys(driftOutput.terraform.states).length > 0;
    if (driftOutput && (whole.changes.length > 0 || firstRecord)) {
      const bytes = renderTerraformRecord(driftOutput.terraform);
      observed.set(TERRAFORM_RECORD_PATH, { bytes, hash: gitBlobSha(bytes) });
      whole = diffTrail(manifest, { files: observed, completeScopes });
    }
    const formatChanged = manifest.head !== null && (previous?.format ?? 0) !== FORMAT_VERSION;
    const [rewritten, diff] = formatChanged
      ? separateFormatChanges(whole, manifest.files, observed)
      : [undefined, whole];
    const output: CommitOutput = {
      scanId,
      commit: null,
      added: diff.added.filter(isResourcePath).length,
      changed: diff.changed.filter(isResourcePath).length,
      removed: diff.removed.filter(isResourcePath).length,
      rewritten:
        (rewritten?.changed.filter(isResourcePath).length ?? 0) +
        (rewritten?.added.filter(isResourcePath).length ?? 0),
      resources: gathered.resources.length + gathered.kubeRecords.length,
      scopes: reported,
      warnings,
      calls: gathered.calls,
    };
    // A first scan that collected nothing (every scope failed) has nothing to record: an empty
    // trail stays without a commit rather than hold a scan record alone.
    const nothingCollected =
      manifest.head === null && completeScopes.length === 0 && output.resources === 0;
    if (whole.changes.length > 0 && !nothingCollected) {
      try {
        const classes = await classifyCommit(diff, {
          driftOutput,
          kubePaths,
          trail: deps.trail,
          head: manifest.head,
        });
        if (classes) output.classes = countClasses(classes);
        const trailers = attribution
          ? changedByTrailers(attribution, new Set(diff.changes.map((change) => change.path)))
          : [];
        const message = renderCommitMessage({ scanId, diff, scopes, classes, trailers });
        const parts = [];
        if (rewritten && rewritten.changes.length > 0) {
          const paths = rewritten.changed.filter((p) => p !== SCAN_RECORD_PATH);
          const moved = { added: rewritten.added, removed: rewritten.removed };
          const from = previous?.format ?? 0;
          parts.push({
            changes: rewritten.changes,
            message: renderFormatMessage({ scanId, from, to: FORMAT_VERSION, paths, moved }),
          });
        }
        if (diff.changes.length > 0) parts.push({ changes: diff.changes, message });
        const last = parts.pop();
        // Fencing: a scan whose lease expired or was taken over must not move the branch.
        if (last && deps.lease) await assertLeaseHeld(deps.lease, scanId);
        if (last) {
          output.commit = await deps.trail.writeCommit({
            expectedHead: manifest.head,
            preceding: parts,
            ...last,
          });
        }
      } catch (error) {
        if (error instanceof TrailConflictError && attempt < maxAttempts) {
          deps.logger.warn('Trail moved during commit; retrying from a fresh read', { attempt });
          await (deps.sleep ?? wait)(conflictBackoffMs(attempt, deps.random ?? Math.random));
          continue;
        }
        throw error;
      }
    }
    await deps.staging.put(stagingKeys.announce(scanId), announced);
    await deps.staging.put(stagingKeys.commit(scanId), output);
    return output;
  }
}
