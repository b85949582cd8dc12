import { isRecord, type KubeObject, type KubeRecord } from '../../model/kube.js';
import type { ExportFilter } from '../../model/kube-filter.js';
import { kubeOwnerOf } from '../../ownership/kube.js';
import { isExported } from '../../snapshot/kube/noise.js';
import { kubePath, kubeScope } from '../../snapshot/kube/path.js';
import type { StateInstance } from '../../terraform/state-instance.js';
import { compareAttribute } from '../compare.js';
import { type IgnoreRules, ignored } from '../ignore.js';
import { canonicalKey } from '../normalize-values.js';
import { changedEntry, compareText, countIn, type ScopeCounts } from '../report.js';
import type { DriftChange, DriftReport } from '../schema.js';
import { compareDeclared } from './compare-declared.js';
import { type Declared, declaredObject, manifestId } from './declared.js';
import { TYPED_BY_KIND } from './typed.js';

/** What the Kubernetes side of the comparison reads. */
export interface KubeDriftInput {
  readonly records: readonly KubeRecord[];
  readonly instances: readonly StateInstance[];
  /** Scopes this scan completed (`k8s/<cluster>` for clusters). */
  readonly complete: ReadonlySet<string>;
  readonly ignore: IgnoreRules;
  /** The export filter of the scan (the config's); default: the default exclusions only. */
  readonly filter?: ExportFilter | undefined;
}

/** The Kubernetes entries of a report, before `buildReport` sorts and counts them. */
export interface KubeDriftEntries {
  /** Managed objects per cluster scope (`k8s/<cluster>`). */
  managedIn: ScopeCounts;
  /** Missing objects per cluster scope. */
  missingIn: ScopeCounts;
  unmanaged: DriftReport['unmanaged'];
  missing: DriftReport['missing'];
  changed: DriftReport['changed'];
  managedElsewhere: DriftReport['managedElsewhere'];
}

const SEP = '\u0000';
const objectKey = (cluster: string, group: string, kind: string, ns: string, name: string) =>
  [cluster, group, kind, ns, name].join(SEP);

/** What the trail's objects say about the clusters: used to match and to trust an absence. */
interface Index {
  readonly byKey: Map<string, number>;
  /** `<name>` within (group, kind, namespace), across clusters: for instances with no cluster. */
  readonly byObject: Map<string, number[]>;
  /** `cluster, group, kind` present: a kind the export wrote at all. */
  readonly kinds: Set<string>;
  /** `group, kind` seen in a namespace somewhere: namespaced. */
  readonly namespacedKinds: Set<string>;
  /** `group, kind` seen outside any namespace: cluster-scoped. */
  readonly clusterKinds: Set<string>;
  /** `cluster, namespace` holding any object: a namespace the export read. */
  readonly namespaces: Set<string>;
}

function indexRecords(records: readonly KubeRecord[]): Index {
  const index: Index = {
    byKey: new Map(),
    byObject: new Map(),
    kinds: new Set(),
    namespacedKinds: new Set(),
    clusterKinds: new Set(),
    namespaces: new Set(),
  };
  records.forEach((r, position) => {
    const ns = r.namespace ?? '';
    index.byKey.set(objectKey(r.cluster, r.group, r.kind, ns, r.name), position);
    const object = objectKey('', r.group, r.kind, ns, r.name);
    const held = index.byObject.get(object);
    if (held === undefined) index.byObject.set(object, [position]);
    else held.push(position);
    index.kinds.add([r.cluster, r.group, r.kind].join(SEP));
    if (r.namespace !== undefined) {
      index.namespacedKinds.add([r.group, r.kind].join(SEP));
      index.namespaces.add([r.cluster, r.namespace].join(SEP));
    } else {
      index.clusterKinds.add([r.group, r.kind].join(SEP));
    }
  });
  return index;
}

/** The namespace to look in: a manifest that names none is in `default` when its kind is namespaced. */
function namespaceOf(declared: Declared, index: Index): string {
  const kind = [declared.group, declared.kind].join(SEP);
  // A namespace on a cluster-scoped kind is ignored by the API server (kubectl_manifest's
  // override_namespace sets one on every document of an install.yaml, ClusterRoles included).
  if (declared.typed === undefined && index.clusterKinds.has(kind)) return '';
  if (declared.namespace !== undefined) return declared.namespace;
  const namespaced = declared.namespaced ?? index.namespacedKinds.has(kind);
  return namespaced ? 'default' : '';
}

/**
 * Kubernetes objects vs the Kubernetes provider's instances (`kubernetes_manifest`, the typed
 * `kubernetes_<kind>(_v1)` resources, `kubectl_manifest`, the label/annotation/data patches),
 * matched by (cluster, group, kind, namespace, name). The cluster comes from the state's config
 * (`cluster:`); without it an instance matches when exactly one cluster holds the object, and is
 * never reported missing. Missing also needs evidence that the export could have seen the object:
 * a complete cluster scope, its kind and namespace present in that cluster, not excluded by default.
 */
export function computeKubeDrift(input: KubeDriftInput): KubeDriftEntries {
  const index = indexRecords(input.records);
  const matched = new Map<number, Declared[]>();
  const absent = new Map<string, Declared[]>();
  // Objects an instance with no cluster may mean, in more than one cluster: neither managed nor
  // unmanaged can be said of them.
  const ambiguous = new Set<number>();
  const entries: KubeDriftEntries = {
    managedIn: new Map(),
    missingIn: new Map(),
    unmanaged: [],
    missing: [],
    changed: [],
    managedElsewhere: [],
  };
  for (const instance of input.instances) {
    if (instance.deposed !== undefined || !instance.type.startsWith('kube')) continue;
    const declared = declaredObject(instance);
    if (declared === undefined) continue;
    const ns = namespaceOf(declared, index);
    const cluster = instance.scopeHint?.cluster;
    let position: number | undefined;
    if (cluster !== undefined) {
      position = index.byKey.get(
        objectKey(cluster, declared.group, declared.kind, ns, declared.name),
      );
    } else {
      const found = index.byObject.get(
        objectKey('', declared.group, declared.kind, ns, declared.name),
      );
      position = found?.length === 1 ? found[0] : undefined;
      // Only a primary could make one of them managed; a patch leaves them as they are.
      if (declared.role === 'primary' && found !== undefined && found.length > 1) {
        for (const candidate of found) ambiguous.add(candidate);
      }
    }
    if (position !== undefined) {
      const held = matched.get(position);
      if (held === undefined) matched.set(position, [declared]);
      else held.push(declared);
    } else if (cluster !== undefined && provablyAbsent(declared, cluster, ns, index, input)) {
      const key = objectKey(cluster, declared.group, declared.kind, ns, declared.name);
      const held = absent.get(key);
      if (held === undefined) absent.set(key, [declared]);
      else held.push(declared);
    }
  }
  for (const group of absent.values()) {
    const [head, ...more] = group.sort(byAddress);
    if (head === undefined || ignored(input.ignore, head.instance.type, head.id)) continue;
    entries.missing.push({
      address: head.instance.address,
      ...(more.length > 0 ? { addresses: group.map((d) => d.instance.address) } : {}),
      type: head.instance.type,
      id: head.id,
      state: head.instance.state,
    });
    countIn(entries.missingIn, kubeScope(head.instance.scopeHint?.cluster ?? ''));
  }

  input.records.forEach((record, position) => {
    const found = matched.get(position) ?? [];
    // Every primary (one per state holding the object) makes one entry; each patch its own.
    const primaries = found.filter((d) => d.role === 'primary').sort(byAddress);
    if (primaries.length > 0) changedEntryOf(record, primaries, input.ignore, entries.changed);
    for (const patch of found.filter((d) => d.role === 'patch')) {
      changedEntryOf(record, [patch], input.ignore, entries.changed);
    }
    const primary = primaries[0];
    const unmanagedType = TYPED_BY_KIND.get(`${record.group}/${record.kind}`)?.terraformTypes[0];
    const type = primary?.instance.type ?? unmanagedType ?? 'kubernetes_manifest';
    const id = primary?.id ?? recordId(record, unmanagedType !== undefined);
    if (ignored(input.ignore, type, id)) return;
    if (primary !== undefined) {
      countIn(entries.managedIn, kubeScope(record.cluster));
      return;
    }
    if (ambiguous.has(position)) return;
    const path = kubePath(record);
    const resourceType = kubeResourceType(record);
    const owner = kubeOwnerOf(record);
    if (owner !== undefined) {
      entries.managedElsewhere.push({ id, resourceType, managedBy: owner, path });
    } else {
      entries.unmanaged.push({ type, id, resourceType, path });
    }
  });
  return entries;
}

/** `Kubernetes::apps::Deployment`, `Kubernetes::core::ConfigMap`: CloudFormation's form. */
export function kubeResourceType(record: Pick<KubeRecord, 'group' | 'kind'>): string {
  return `Kubernetes::${record.group === '' ? 'core' : record.group}::${record.kind}`;
}

/** The id a report gives an object: the typed resources' `<namespace>/<name>`, else the manifest import id. */
function recordId(record: KubeRecord, typed: boolean): string {
  const { namespace, name } = record;
  if (typed) return namespace === undefined ? name : `${namespace}/${name}`;
  return manifestId(record.manifest.apiVersion, record.kind, namespace, name);
}

function provablyAbsent(
  declared: Declared,
  cluster: string,
  ns: string,
  index: Index,
  { complete, filter }: KubeDriftInput,
): boolean {
  if (!complete.has(kubeScope(cluster))) return false;
  // A kind the export wrote nothing of, or a namespace it holds nothing in, may be filtered out.
  if (!index.kinds.has([cluster, declared.group, declared.kind].join(SEP))) return false;
  if (ns !== '' && !index.namespaces.has([cluster, ns].join(SEP))) return false;
  const probe = declaredProbe(declared, ns);
  const gvk = { group: declared.group, version: 'v1', kind: declared.kind };
  return isExported(probe, gvk, filter ?? DEFAULT_FILTER);
}

const DEFAULT_FILTER: ExportFilter = { include: [], exclude: [], defaultExclusions: true };

/**
 * The object as the state declares it, for the export filter (default exclusions such as token
 * Secrets, the config's include/exclude rules): only the fields the rules read, each checked, so a
 * malformed declaration cannot break them.
 */
function declaredProbe(declared: Declared, ns: string): KubeObject {
  const metadata = isRecord(declared.fields?.['metadata']) ? declared.fields['metadata'] : {};
  const labels = stringMap(metadata['labels']);
  const owners = metadata['ownerReferences'];
  const ownerReferences = Array.isArray(owners) ? owners.filter(isRecord) : undefined;
  return {
    apiVersion: declared.group === '' ? 'v1' : `${declared.group}/v1`,
    kind: declared.kind,
    metadata: {
      name: declared.name,
      ...(ns === '' ? {} : { namespace: ns }),
      ...(labels && { labels }),
      ...(ownerReferences && { ownerReferences }),
    },
    ...(declared.kind === 'Secret' && { type: secretType(declared) }),
  } as KubeObject;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function secretType(declared: Declared): unknown {
  return declared.fields?.['type'] ?? declared.instance.attributes['type'];
}

const byAddress = (a: Declared, b: Declared) => compareText(a.instance.address, b.instance.address);

function changesOf(record: KubeRecord, declared: Declared): DriftChange[] {
  if (declared.typed === undefined) return compareDeclared(declared.fields ?? {}, record.manifest);
  const context = { attributes: declared.instance.attributes, children: [] };
  return declared.typed.attributes.flatMap((spec) =>
    compareAttribute(spec, record.manifest, context),
  );
}

// `group` is sorted by address; its first names the entry, as for AWS resources in two states.
function changedEntryOf(
  record: KubeRecord,
  group: readonly Declared[],
  ignore: IgnoreRules,
  out: DriftReport['changed'],
): void {
  const head = group[0];
  if (head === undefined) return;
  const { type } = head.instance;
  if (ignored(ignore, type, head.id)) return;
  const kept = new Map<string, DriftChange>();
  for (const declared of group) {
    for (const change of changesOf(record, declared)) {
      if (!ignored(ignore, type, head.id, change.attribute)) kept.set(canonicalKey(change), change);
    }
  }
  if (kept.size === 0) return;
  const addresses = group.map((d) => d.instance.address);
  out.push(changedEntry(addresses, type, head.id, kubePath(record), kept.values()));
}
