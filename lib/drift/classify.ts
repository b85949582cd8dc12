import { typeDirectory } from '../model/index.js';
import { type KubePathParts, parseKubePath } from '../snapshot/kube/path.js';
import { parseResourcePath } from '../snapshot/paths.js';
import { BY_TERRAFORM_TYPE } from './mapping/registry.js';
import type { DriftReport } from './schema.js';
import { kubeObjectKey, type RecordedInstance, type TerraformRecord } from './terraform-record.js';

/** How a changed trail path is explained. */
export type ChangeClass = 'explained' | 'drift' | 'unverified';

/** One path's class; an explained one names the state, its serial and the instance. */
export interface PathClass {
  readonly class: ChangeClass;
  readonly state?: string;
  readonly serial?: number;
  readonly address?: string;
}

/** A path a scan adds (A), modifies (M) or removes (D). */
export interface ChangedPath {
  readonly path: string;
  readonly change: 'A' | 'M' | 'D';
}

interface Located {
  readonly state: string;
  readonly serial: number;
  readonly address: string;
  readonly instance: RecordedInstance;
}

/**
 * Classifies each changed path (DESIGN): *drift* when it differs from state, nobody codified it,
 * or it vanished while a state still holds it; *explained* when the matching state instance
 * changed between the serial seen at the previous scan and now (Terraform made the change) and
 * the cloud now matches; *unverified* otherwise. Pure.
 */
export function classifyPaths(input: {
  readonly paths: readonly ChangedPath[];
  readonly report: DriftReport;
  readonly current: TerraformRecord;
  readonly previous: TerraformRecord | null;
  /** A Kubernetes path's class when Terraform does not decide it (who wrote it last). */
  readonly kubeFallback?: (path: string) => PathClass | undefined;
}): Map<string, PathClass> {
  const { report, current, previous } = input;
  const drifting = new Set([
    ...report.changed.map((entry) => entry.path),
    ...report.unmanaged.map((entry) => entry.path),
  ]);
  const missing = new Set(
    report.missing.flatMap((entry) => {
      const directory = directoryOf(entry.type);
      return directory ? [`${directory}|${entry.id}`] : [];
    }),
  );
  const now = index(current);
  const before = previous ? index(previous) : new Map<string, Located[]>();
  const classes = new Map<string, PathClass>();
  for (const { path, change } of input.paths) {
    const kube = parseKubePath(path);
    if (kube) {
      const keys = kubeKeys(kube);
      const lookup = (byKey: Map<string, Located[]>) => keys.flatMap((k) => byKey.get(k) ?? []);
      let found: PathClass | undefined;
      if (drifting.has(path)) found = { class: 'drift' };
      // Gone from the cluster while a state of that cluster still holds it (a state that names
      // no cluster cannot say the object was meant to be in this one).
      else if (change === 'D' && (now.get(keys[0] as string)?.length ?? 0) > 0) {
        found = { class: 'drift' };
      } else if (change === 'D') found = destroyedByTerraform(lookup(before), current);
      else found = changedByTerraform(lookup(now), previous, change);
      classes.set(path, found ?? input.kubeFallback?.(path) ?? { class: 'unverified' });
      continue;
    }
    const parts = parseResourcePath(path);
    if (!parts) continue;
    // A digested name does not hold the id: nothing in Terraform can be matched to it by path.
    if (parts.resourceId === null) {
      classes.set(path, drifting.has(path) ? { class: 'drift' } : { class: 'unverified' });
      continue;
    }
    const key = `${parts.typeDirectory}|${parts.resourceId}`;
    const sameAccount = (found: Located) =>
      !found.instance.accountId || found.instance.accountId === parts.accountId;
    if (drifting.has(path) || (change === 'D' && missing.has(key))) {
      classes.set(path, { class: 'drift' });
      continue;
    }
    const explained =
      change === 'D'
        ? destroyedByTerraform((before.get(key) ?? []).filter(sameAccount), current)
        : changedByTerraform((now.get(key) ?? []).filter(sameAccount), previous, change);
    classes.set(path, explained ?? { class: 'unverified' });
  }
  return classes;
}

function changedByTerraform(
  matches: readonly Located[],
  previous: TerraformRecord | null,
  change: 'A' | 'M',
): PathClass | undefined {
  for (const found of matches) {
    const earlier = previous?.states[found.state];
    if (!earlier || earlier.serial >= found.serial) continue;
    const was = earlier.instances[found.address];
    const madeByTerraform =
      change === 'A'
        ? was === undefined
        : was !== undefined && was.fingerprint !== found.instance.fingerprint;
    if (madeByTerraform) return explained(found);
  }
  return undefined;
}

function destroyedByTerraform(
  earlier: readonly Located[],
  current: TerraformRecord,
): PathClass | undefined {
  for (const found of earlier) {
    const now = current.states[found.state];
    if (now && now.serial > found.serial && now.instances[found.address] === undefined) {
      return { class: 'explained', state: found.state, serial: now.serial, address: found.address };
    }
  }
  return undefined;
}

function explained(found: Located): PathClass {
  return { class: 'explained', state: found.state, serial: found.serial, address: found.address };
}

function index(record: TerraformRecord): Map<string, Located[]> {
  const byKey = new Map<string, Located[]>();
  for (const [state, { serial, instances }] of Object.entries(record.states)) {
    for (const [address, instance] of Object.entries(instances)) {
      const directory = directoryOf(instance.type);
      const key =
        instance.object !== undefined
          ? `k8s|${instance.cluster ?? '*'}|${instance.object}`
          : directory && `${directory}|${instance.id}`;
      if (!key) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), { state, serial, address, instance }]);
    }
  }
  return byKey;
}

function directoryOf(terraformType: string): string | undefined {
  const mapping = BY_TERRAFORM_TYPE.get(terraformType);
  return mapping ? typeDirectory(mapping.resourceType) : undefined;
}

// A Kubernetes path's keys: its own cluster, and any cluster (a state with no `cluster:`).
function kubeKeys(parts: KubePathParts): string[] {
  const object = kubeObjectKey(parts);
  return [`k8s|${parts.cluster}|${object}`, `k8s|*|${object}`];
}
