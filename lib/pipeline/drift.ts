import { z } from 'zod';
import { CodifiedFinding, codifyFindings } from '../codify/findings.js';
import { managedAddresses } from '../codify/managed.js';
import { StateLocation } from '../config/schema.js';
import { applyAcceptance } from '../drift/accept.js';
import { ACCEPTED_DIR } from '../drift/accept-file.js';
import { AcceptedEntry } from '../drift/accept-schema.js';
import { computeDrift } from '../drift/engine.js';
import { type IgnoreRules, NO_IGNORE, parseIgnore } from '../drift/ignore.js';
import { DriftReport } from '../drift/schema.js';
import { recordInstances, TerraformRecord } from '../drift/terraform-record.js';
import type { Clock, Logger } from '../model/index.js';
import { ExportFilter } from '../model/kube-filter.js';
import { type LoadStatesDeps, loadStates } from '../terraform/sources/load-states.js';
import type { StateScopeHint } from '../terraform/state-instance.js';
import { type LoadedAcceptance, readAcceptedFiles } from '../trail/accept-load.js';
import type { TrailStore } from '../trail/trail-store.js';
import { gatherScan, readIfPresent } from './gather.js';
import { stagingKeys } from './keys.js';
import { publishLatestDrift } from './latest-drift.js';
import type { StagingStore } from './staging-store.js';

/** The drift step's input: a scan and the states to compare it with. */
export const DriftStepInput = z.strictObject({
  scanId: z.string().min(1),
  states: z.array(StateLocation).min(1),
  /** The clusters' export filter: what it leaves out cannot be reported missing. */
  kubeFilter: ExportFilter.optional(),
});
export type DriftStepInput = z.infer<typeof DriftStepInput>;

/** What the drift step staged: the report, and the states or files it could not read. */
export const DriftStepOutput = z.strictObject({
  report: DriftReport,
  errors: z.array(z.string()),
  /** The states' instances as `.statetrail/terraform.json` keeps them, for the commit's classes. */
  terraform: TerraformRecord,
  /** Accepted entries that no longer apply, for the review to prune. */
  stale: z
    .array(
      z.strictObject({
        scope: z.string(),
        entry: AcceptedEntry,
        why: z.enum(['expired', 'changed', 'resolved', 'sensitive']),
      }),
    )
    .optional(),
  /** The Terraform that resolves each finding (codify), for the drift PRs. */
  codify: z.array(CodifiedFinding).optional(),
});
export type DriftStepOutput = z.infer<typeof DriftStepOutput>;

/** The drift step's dependencies. */
export interface DriftStepDeps {
  readonly staging: StagingStore;
  /** For the trail's `.statetrailignore`. */
  readonly trail: TrailStore;
  readonly logger: Logger;
  readonly clock: Clock;
  /** How s3:// states are read. */
  readonly s3?: LoadStatesDeps['s3'];
  /** How tfe:// states (HCP Terraform, Terraform Enterprise) are read: one client per host. */
  readonly tfe?: LoadStatesDeps['tfe'];
}

/** The ignore file at the root of the trail. */
export const TRAIL_IGNORE_PATH = '.statetrailignore';

/**
 * Compares what this scan collected with the Terraform states: missing only in scopes this scan
 * completed. Stages `scans/<id>/drift.json`; a retried step returns what it staged.
 */
export async function drift(input: DriftStepInput, deps: DriftStepDeps): Promise<DriftStepOutput> {
  const key = stagingKeys.drift(input.scanId);
  const done = await readIfPresent(deps.staging, key);
  if (done !== undefined) return DriftStepOutput.parse(done);
  const gathered = await gatherScan(input.scanId, deps.staging);
  const loaded = await loadStates(
    input.states.map((s) => s.location),
    {
      ...(deps.s3 ? { s3: deps.s3 } : {}),
      ...(deps.tfe ? { tfe: deps.tfe } : {}),
      hint: (state) => hintFor(state, input.states),
    },
  );
  const ignore = await trailIgnore(deps.trail);
  const now = deps.clock.now();
  const compared = computeDrift({
    resources: gathered.resources,
    kubeRecords: gathered.kubeRecords,
    instances: loaded.states.flatMap((state) => state.instances),
    scopes: gathered.scopes,
    ignore,
    kubeFilter: input.kubeFilter,
    now,
  });
  const acceptance = await trailAcceptance(deps.trail);
  const { report, stale } = applyAcceptance(compared, acceptance.entries, now);
  const instances = loaded.states.flatMap((state) => state.instances);
  const output: DriftStepOutput = {
    report,
    errors: [...loaded.errors, ...acceptance.errors].map((e) => e.message),
    terraform: recordInstances(instances),
    stale,
    codify: codifyFindings({
      report,
      resources: gathered.resources,
      kubeRecords: gathered.kubeRecords,
      managed: managedAddresses(instances),
    }).findings,
  };
  for (const error of output.errors) deps.logger.warn('State could not be read', { error });
  // Before the scan's own document: a retry that finds that document has published too (folding
  // the same report twice changes nothing).
  await publishLatestDrift(deps.staging, input.scanId, report);
  await deps.staging.put(key, output);
  return output;
}

/** The configured scope of the location a state was found under (the longest match wins). */
export function hintFor(
  state: string,
  locations: readonly StateLocation[],
): StateScopeHint | undefined {
  let best: StateLocation | undefined;
  for (const location of locations) {
    const under =
      state === location.location ||
      state.startsWith(
        location.location.endsWith('/') ? location.location : `${location.location}/`,
      );
    if (under && location.location.length > (best?.location.length ?? -1)) best = location;
  }
  if (!best) return undefined;
  const { accountId, region, cluster } = best;
  if (!accountId && !region && !cluster) return undefined;
  return {
    ...(accountId ? { accountId } : {}),
    ...(region ? { region } : {}),
    ...(cluster ? { cluster } : {}),
  };
}

/** The accepted-drift files of the trail, read through the port (local git or GitHub alike). */
async function trailAcceptance(trail: TrailStore): Promise<LoadedAcceptance> {
  const { files } = await trail.readManifest({
    expected: new Map(),
    complete: [ACCEPTED_DIR],
  });
  const prefix = `${ACCEPTED_DIR}/`;
  const names = [...files.keys()]
    .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
    .map((path) => path.slice(prefix.length))
    .sort();
  return readAcceptedFiles(names, async (name) => {
    const bytes = await trail.readFile(`${prefix}${name}`);
    if (bytes === null) throw new Error(`${prefix}${name} vanished while reading`);
    return bytes;
  });
}

async function trailIgnore(trail: TrailStore): Promise<IgnoreRules> {
  const bytes = await trail.readFile(TRAIL_IGNORE_PATH);
  if (bytes === null) return NO_IGNORE;
  return parseIgnore(Buffer.from(bytes).toString('utf8'), TRAIL_IGNORE_PATH);
}
