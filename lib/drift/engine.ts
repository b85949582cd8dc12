import type { KubeRecord } from '../model/kube.js';
import type { ExportFilter } from '../model/kube-filter.js';
import type { Resource, ScopeStatus } from '../model/schema.js';
import { awsScope } from '../model/scope.js';
import { ownershipOf } from '../ownership/aws.js';
import { resourcePath } from '../snapshot/paths.js';
import { type InstanceScope, instanceScope } from '../terraform/scope.js';
import { SENSITIVE, type StateInstance } from '../terraform/state-instance.js';
import { compareAttribute } from './compare.js';
import { type IgnoreRules, ignored, NO_IGNORE } from './ignore.js';
import { type ImpliedOwners, impliedOwners } from './implied-owners.js';
import { computeKubeDrift } from './kube/engine.js';
import { BY_RESOURCE_TYPE, BY_TERRAFORM_TYPE } from './mapping/registry.js';
import type { TypeMapping } from './mapping/types.js';
import { canonicalKey } from './normalize-values.js';
import {
  buildReport,
  changedEntry,
  compareText,
  countIn,
  regionScope,
  type ScopeCounts,
} from './report.js';
import type { DriftChange, DriftReport } from './schema.js';
import { readStateClaims } from './state-claims.js';

/** What the drift engine compares. */
export interface DriftInput {
  readonly resources: readonly Resource[];
  /** Kubernetes objects, compared with the Kubernetes provider's instances. */
  readonly kubeRecords?: readonly KubeRecord[];
  readonly instances: readonly StateInstance[];
  readonly scopes: readonly ScopeStatus[];
  readonly ignore?: IgnoreRules;
  /** The clusters' export filter (the config's), for what can be reported missing. */
  readonly kubeFilter?: ExportFilter | undefined;
  readonly now: Date;
}

interface Matched {
  readonly primaries: StateInstance[];
  readonly children: StateInstance[];
}

// One instance per resource is the rule: held bare, an array only from the second. At 100k
// resources the wrappers are what the garbage collector would otherwise copy and mark.
type OneOrMore<T> = T | T[];

interface Unmatched {
  readonly instance: StateInstance;
  readonly mapping: TypeMapping;
  readonly id: string;
  /** `aws/<account>/<region>/<service>/<type>`, when the instance says its account and region. */
  readonly scope: string | undefined;
}

/**
 * Resource positions by id alone, the type checked on lookup: ids rarely repeat across types,
 * and one map hashes half the strings of a map per type. Matches are kept by position too, in an
 * array: no second 100k-entry map keyed by object.
 */
interface ResourceIndex {
  readonly resources: readonly Resource[];
  readonly byId: Map<string, OneOrMore<number>>;
  /** Where the same resource object is listed twice, its later positions share the first's slot. */
  readonly slots: Map<number, number>;
}

const key = (...parts: string[]) => parts.join('\u0000');
const byAddress = (a: StateInstance, b: StateInstance) => compareText(a.address, b.address);

function add<K, V>(map: Map<K, OneOrMore<V>>, at: K, value: V): void {
  const held = map.get(at);
  if (held === undefined) map.set(at, value);
  else if (Array.isArray(held)) held.push(value);
  else map.set(at, [held, value]);
}

function indexResources(resources: readonly Resource[]): ResourceIndex {
  const byId = new Map<string, OneOrMore<number>>();
  const slots = new Map<number, number>();
  for (let position = 0; position < resources.length; position += 1) {
    const r = resources[position] as Resource;
    const held = byId.get(r.resourceId);
    if (held === undefined) {
      byId.set(r.resourceId, position);
      continue;
    }
    const same = (Array.isArray(held) ? held : [held]).find((earlier) => resources[earlier] === r);
    if (same !== undefined) slots.set(position, slots.get(same) ?? same);
    add(byId, r.resourceId, position);
  }
  return { resources, byId, slots };
}

const fits = (r: Resource, resourceType: string, { accountId, region }: InstanceScope) =>
  r.resourceType === resourceType &&
  (accountId === undefined || r.accountId === accountId) &&
  (region === undefined || r.awsRegion === region);

/** The slot of the resource an instance matches: exact on a full location, else the only fit. */
function findSlot(
  { resources, byId, slots }: ResourceIndex,
  resourceType: string,
  id: string,
  location: InstanceScope,
): number | undefined {
  const held = byId.get(id);
  if (held === undefined) return undefined;
  const matches = (position: number) =>
    fits(resources[position] as Resource, resourceType, location);
  let found: number | undefined;
  if (!Array.isArray(held)) {
    found = matches(held) ? held : undefined;
  } else if (location.accountId !== undefined && location.region !== undefined) {
    // The last of equal (account, region, type, id) resources wins, as a map keyed by them would.
    found = held.findLast(matches);
  } else {
    const fitting = held.filter(matches);
    found = fitting.length === 1 ? fitting[0] : undefined;
  }
  return found === undefined ? undefined : (slots.get(found) ?? found);
}

/** The instances matched to one resource, split by role and sorted by address. */
function split(held: OneOrMore<StateInstance>): Matched {
  const primaries: StateInstance[] = [];
  const children: StateInstance[] = [];
  for (const instance of Array.isArray(held) ? held : [held]) {
    const role = BY_TERRAFORM_TYPE.get(instance.type)?.role;
    (role === 'primary' ? primaries : children).push(instance);
  }
  // The first address names the type, and groups list their addresses in this order.
  if (primaries.length > 1) primaries.sort(byAddress);
  return { primaries, children };
}

/**
 * Resources vs Terraform instances: unmanaged, missing (only in complete scopes), changed (only
 * allowlisted attributes), managed elsewhere; Kubernetes objects too (`computeKubeDrift`). Pure:
 * the same input gives the same bytes.
 *
 * An instance matches by (account, region, type, id). One whose account or region cannot be told
 * matches by what it has only when exactly one resource fits, and is never reported missing.
 */
export function computeDrift(input: DriftInput): DriftReport {
  const ignore = input.ignore ?? NO_IGNORE;
  const complete = new Set(input.scopes.filter((s) => s.complete).map((s) => s.scope));
  const index = indexResources(input.resources);
  // Sized up front: slots are written out of order, and a growing array would turn sparse.
  const matched = new Array<OneOrMore<StateInstance> | undefined>(input.resources.length);
  const unmatched: Unmatched[] = [];

  for (const instance of input.instances) {
    const mapping = BY_TERRAFORM_TYPE.get(instance.type);
    // A deposed object is on its way out: Terraform's current object is the one to compare.
    if (mapping === undefined || instance.deposed !== undefined) continue;
    const id = mapping.cloudId(instance.attributes);
    if (id === undefined || id === SENSITIVE) continue;
    const location = instanceScope(instance);
    const slot = findSlot(index, mapping.resourceType, id, location);
    if (slot === undefined) {
      const { accountId, region } = location;
      const scope =
        accountId !== undefined && region !== undefined
          ? awsScope(accountId, region, mapping.resourceType)
          : undefined;
      unmatched.push({ instance, mapping, id, scope });
      continue;
    }
    const held = matched[slot];
    if (held === undefined) matched[slot] = instance;
    else if (Array.isArray(held)) held.push(instance);
    else matched[slot] = [held, instance];
  }

  const claims = readStateClaims(input.instances);
  const owners = impliedOwners(input.resources);
  const managedAt = (position: number) => {
    const held = matched[index.slots.get(position) ?? position];
    return held !== undefined && split(held).primaries.length > 0;
  };
  const missingIn: ScopeCounts = new Map();
  const managedIn: ScopeCounts = new Map();
  const report = {
    managedIn,
    missingIn,
    unmanaged: [] as DriftReport['unmanaged'],
    missing: missingEntries(unmatched, complete, ignore, missingIn),
    changed: [] as DriftReport['changed'],
    managedElsewhere: [] as DriftReport['managedElsewhere'],
  };
  for (let position = 0; position < input.resources.length; position += 1) {
    const resource = input.resources[position] as Resource;
    const primary = BY_RESOURCE_TYPE.get(resource.resourceType);
    const held = matched[index.slots.get(position) ?? position];
    const found = held === undefined ? undefined : split(held);
    if (found !== undefined) changedEntries(resource, found, ignore, report.changed);
    if (primary === undefined) continue;
    const type = found?.primaries[0]?.type ?? primary.terraformTypes[0] ?? '';
    if (ignored(ignore, type, resource.resourceId)) continue;
    if (found !== undefined && found.primaries.length > 0) {
      countIn(managedIn, regionScope(resourcePath(resource)));
      continue;
    }
    // What AWS made with a resource goes with it: managed when its owner's state names it.
    const owner =
      claims.claimedBy(resource) !== undefined
        ? MANAGED_WITH_OWNER
        : ownerOf(resource, input.resources, owners, managedAt);
    if (owner === MANAGED_WITH_OWNER) {
      countIn(managedIn, regionScope(resourcePath(resource)));
    } else if (owner !== undefined) {
      report.managedElsewhere.push({
        id: resource.resourceId,
        resourceType: resource.resourceType,
        managedBy: owner,
        path: resourcePath(resource),
      });
    } else {
      const path = resourcePath(resource);
      report.unmanaged.push({
        type,
        id: resource.resourceId,
        resourceType: resource.resourceType,
        path,
      });
    }
  }
  const kube = computeKubeDrift({
    records: input.kubeRecords ?? [],
    instances: input.instances,
    complete,
    ignore,
    filter: input.kubeFilter,
  });
  for (const [scope, count] of kube.managedIn) managedIn.set(scope, count);
  for (const [scope, count] of kube.missingIn) missingIn.set(scope, count);
  report.unmanaged.push(...kube.unmanaged);
  report.missing.push(...kube.missing);
  report.changed.push(...kube.changed);
  report.managedElsewhere.push(...kube.managedElsewhere);
  return buildReport(report, input.scopes, input.now);
}

const MANAGED_WITH_OWNER = Symbol('managed with its owner');

/**
 * Who manages a resource no Terraform instance matches: `MANAGED_WITH_OWNER` when AWS made it for
 * a resource Terraform manages (the launch template EKS made for a codified node group), else the
 * manager's name (its own tags and flags first, then its parent's, then who made it), else none.
 */
function ownerOf(
  resource: Resource,
  resources: readonly Resource[],
  owners: ImpliedOwners,
  managedAt: (position: number) => boolean,
): string | typeof MANAGED_WITH_OWNER | undefined {
  const implied = owners.ownerOf(resource);
  if (implied !== undefined && managedAt(implied.parent)) return MANAGED_WITH_OWNER;
  const own = ownershipOf(resource);
  if (own !== undefined) return own.managedBy;
  if (implied !== undefined) {
    const parent = ownershipOf(resources[implied.parent] as Resource);
    if (parent !== undefined) return parent.managedBy;
    if (implied.fallback !== undefined) return implied.fallback;
  }
  return owners.defaultOf(resource);
}

function missingEntries(
  unmatched: readonly Unmatched[],
  complete: ReadonlySet<string>,
  ignore: IgnoreRules,
  missingIn: ScopeCounts,
): DriftReport['missing'] {
  const groups = new Map<string, Unmatched[]>();
  const primaryKeys = new Set<string>();
  for (const item of unmatched) {
    // Unknown is not absent: only a scope this scan completed can be missing something.
    if (item.scope === undefined || !complete.has(item.scope)) continue;
    const target = key(item.scope, item.id);
    if (item.mapping.role === 'primary') primaryKeys.add(target);
    const group = key(target, item.mapping.role === 'primary' ? '' : item.instance.type);
    const members = groups.get(group);
    if (members === undefined) groups.set(group, [item]);
    else members.push(item);
  }
  const entries: DriftReport['missing'] = [];
  for (const items of groups.values()) {
    const [first] = items;
    if (first === undefined) continue;
    // A part (S3 configuration, SG rule) of a missing resource is reported through its resource.
    if (first.mapping.role === 'child' && primaryKeys.has(key(first.scope ?? '', first.id)))
      continue;
    const instances = items.map((i) => i.instance).sort(byAddress);
    const head = instances[0] as StateInstance;
    const id =
      first.mapping.role === 'child' ? String(head.attributes['id'] ?? first.id) : first.id;
    if (ignored(ignore, head.type, id)) continue;
    entries.push({
      address: head.address,
      ...(instances.length > 1 ? { addresses: instances.map((i) => i.address) } : {}),
      type: head.type,
      id,
      state: head.state,
    });
    countIn(missingIn, regionScope(first.scope ?? ''));
  }
  return entries;
}

/** Appends the changed entries of one matched resource: its primaries, then each child group. */
function changedEntries(
  resource: Resource,
  found: Matched,
  ignore: IgnoreRules,
  out: DriftReport['changed'],
): void {
  if (found.primaries.length > 0) changedEntryOf(resource, found, '', found.primaries, ignore, out);
  if (found.children.length === 0) return;
  const groups = new Map<string, StateInstance[]>();
  for (const instance of found.children) {
    const group = key(instance.type, String(instance.attributes['id'] ?? ''));
    const members = groups.get(group);
    if (members === undefined) groups.set(group, [instance]);
    else members.push(instance);
  }
  for (const [group, members] of groups) {
    changedEntryOf(resource, found, group, members.sort(byAddress), ignore, out);
  }
}

// `instances` are sorted by address and share one mapping (one type, or one child group).
function changedEntryOf(
  resource: Resource,
  found: Matched,
  group: string,
  instances: readonly StateInstance[],
  ignore: IgnoreRules,
  out: DriftReport['changed'],
): void {
  const head = instances[0] as StateInstance;
  const mapping = BY_TERRAFORM_TYPE.get(head.type) as TypeMapping;
  const rawId = head.attributes['id'];
  const id = group === '' || typeof rawId !== 'string' ? resource.resourceId : rawId;
  if (ignored(ignore, head.type, id)) return;
  let changes: Map<string, DriftChange> | undefined;
  for (const instance of instances) {
    const context = { attributes: instance.attributes, children: found.children };
    for (const spec of mapping.attributes) {
      const { ownedBy } = spec;
      if (ownedBy !== undefined && found.children.some((c) => c.type === ownedBy)) continue;
      for (const change of compareAttribute(spec, resource, context)) {
        if (!ignored(ignore, head.type, id, change.attribute)) {
          changes ??= new Map();
          changes.set(canonicalKey(change), change);
        }
      }
    }
  }
  if (changes === undefined) return;
  const addresses = instances.map((i) => i.address);
  out.push(changedEntry(addresses, head.type, id, resourcePath(resource), changes.values()));
}
