import { type KubeObject, type KubeRecord, splitApiVersion } from '../../model/kube.js';
import { readFacts } from '../../ownership/kube-facts.js';
import { cleanObject } from '../../snapshot/kube/clean.js';
import { protectSecrets, type SecretOptions } from '../../snapshot/kube/secrets.js';

/** What turning a live object into a record needs. */
export interface RecordOptions extends SecretOptions {
  readonly cluster: string;
  /** Workloads an autoscaler scales (see `scaleTargets`). */
  readonly hpaTargets: ReadonlySet<string>;
  readonly keepRestartedAt?: boolean;
}

/** A record, or why the object must not be written. */
export type RecordOutcome =
  | { readonly outcome: 'record'; readonly record: KubeRecord }
  | { readonly outcome: 'skip'; readonly reason: 'no-hmac-key' };

/**
 * The record of a live object, in the only safe order: facts from the raw object (managedFields go
 * next), then secret values fingerprinted (last-applied copies first), then cleaning.
 */
export function toKubeRecord(object: KubeObject, options: RecordOptions): RecordOutcome {
  const facts = readFacts(object);
  const safe = protectSecrets(object, options);
  if (safe.outcome === 'skip') return safe;
  const manifest = cleanObject(safe.object, {
    hpaTargets: options.hpaTargets,
    ...(options.keepRestartedAt !== undefined && { keepRestartedAt: options.keepRestartedAt }),
  });
  const { group, version } = splitApiVersion(manifest.apiVersion);
  const { namespace, name } = manifest.metadata;
  return {
    outcome: 'record',
    record: {
      cluster: options.cluster,
      group,
      version,
      kind: manifest.kind,
      ...(namespace !== undefined && { namespace }),
      name,
      manifest,
      facts,
    },
  };
}
