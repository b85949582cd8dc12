import type { Resource, ScopeStatus } from '../model/schema.js';
import { awsScope } from '../model/scope.js';
import { resourcePath } from '../snapshot/paths.js';
import { ownershipOf } from '../sources/aws/ownership.js';
import { SENSITIVE, type StateInstance } from '../terraform/state-instance.js';
import { compareAttribute } from './compare.js';
import { type IgnoreRules, isIgnored, NO_IGNORE } from './ignore.js';
import { locate } from './locate.js';
import { BY_RESOURCE_TYPE, BY_TERRAFORM_TYPE } from './mapping/registry.js';
import type { TypeMapping } from './mapping/types.js';
import { canonicalKey } from './normalize-values.js';
import { buildReport, compareText } from './report.js';
import type { DriftChange, DriftReport } from './schema.js';

/** What the drift engine compares. */
export interface DriftInput {
  readonly resources: readonly Resource[];
  readonly instances: readonly StateInstance[];
  readonly scopes: readonly ScopeStatus[];
  readonly ignore?: IgnoreRules;
  readonly now: Date;
}

interface Matched {
  readonly primaries: StateInstance[];
  readonly children: StateInstance[];
}

interface Unmatched {
  readonly instance: StateInstance;
  readonly mapping: TypeMapping;
  readonly id: string;
  /** `aws/<account>/<region>/<service>/<type>`, when the instance says its account and region. */
  readonly scope: string | undefined;
}

const key = (...parts: string[]) => parts.join('\u0000');
const byAddress = (a: StateInstance, b: StateInstance) => compareText(a.address, b.address);

function indexResources(resources: readonly Resource[]) {
  const exact = new Map<string, Resource>();
  const loose = new Map<string, Resource[]>();
  for (const r of resources) {
    exact.set(key(r.accountId, r.awsRegion, r.resourceType, r.resourceId), r);
    const list = loose.get(key(r.resourceType, r.resourceId)) ?? [];
    list.push(r);
    loose.set(key(r.resourceType, r.resourceId), list);
  }
  return { exact, loose };
}

/**
 * Resources vs Terraform instances: unmanaged, missing (only in complete scopes), changed (only
 * allowlisted attributes), managed elsewhere. Pure: the same input gives the same bytes.
 *
 * An instance matches by (account, region, type, id). One whose account or region cannot be told
 * matches by what it has only when exactly one resource fits, and is never reported missing.
 */
export function computeDrift(input: DriftInput): DriftReport {
  const ignore = input.ignore ?? NO_IGNORE;
  const complete = new Set(input.scopes.filter((s) => s.complete).map((s) => s.scope));
  const { exact, loose } = indexResources(input.resources);
  const matched = new Map<Resource, Matched>();
  const unmatched: Unmatched[] = [];

  for (const instance of input.instances) {
    const mapping = BY_TERRAFORM_TYPE.get(instance.type);
    // A deposed object is on its way out: Terraform's current object is the one to compare.
    if (mapping === undefined || instance.deposed !== undefined) continue;
    const id = mapping.cloudId(instance.attributes);
    if (id === undefined || id === SENSITIVE) continue;
    const { accountId, region } = locate(instance, mapping.resourceType);
    let resource: Resource | undefined;
    if (accountId !== undefined && region !== undefined) {
      resource = exact.get(key(accountId, region, mapping.resourceType, id));
    } else {
      const fits = (loose.get(key(mapping.resourceType, id)) ?? []).filter(
        (r) =>
          (accountId === undefined || r.accountId === accountId) &&
          (region === undefined || r.awsRegion === region),
      );
      resource = fits.length === 1 ? fits[0] : undefined;
    }
    if (resource === undefined) {
      const scope =
        accountId !== undefined && region !== undefined
          ? awsScope(accountId, region, mapping.resourceType)
          : undefined;
      unmatched.push({ instance, mapping, id, scope });
      continue;
    }
    const entry = matched.get(resource) ?? { primaries: [], children: [] };
    (mapping.role === 'primary' ? entry.primaries : entry.children).push(instance);
    matched.set(resource, entry);
  }

  const report = {
    managed: 0,
    unmanaged: [] as DriftReport['unmanaged'],
    missing: missingEntries(unmatched, complete, ignore),
    changed: [] as DriftReport['changed'],
    managedElsewhere: [] as DriftReport['managedElsewhere'],
  };
  for (const resource of input.resources) {
    const primary = BY_RESOURCE_TYPE.get(resource.resourceType);
    const found = matched.get(resource);
    if (found !== undefined) report.changed.push(...changedEntries(resource, found, ignore));
    if (primary === undefined) continue;
    const type =
      found?.primaries.slice().sort(byAddress)[0]?.type ?? primary.terraformTypes[0] ?? '';
    if (isIgnored(ignore, type, resource.resourceId)) continue;
    if (found !== undefined && found.primaries.length > 0) {
      report.managed += 1;
      continue;
    }
    const owner = ownershipOf(resource);
    if (owner !== undefined) {
      report.managedElsewhere.push({
        id: resource.resourceId,
        resourceType: resource.resourceType,
        managedBy: owner.managedBy,
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
  return buildReport(report, input.scopes, input.now);
}

function missingEntries(
  unmatched: readonly Unmatched[],
  complete: ReadonlySet<string>,
  ignore: IgnoreRules,
): DriftReport['missing'] {
  const groups = new Map<string, Unmatched[]>();
  const primaryKeys = new Set<string>();
  for (const item of unmatched) {
    // Unknown is not absent: only a scope this scan completed can be missing something.
    if (item.scope === undefined || !complete.has(item.scope)) continue;
    const target = key(item.scope, item.id);
    if (item.mapping.role === 'primary') primaryKeys.add(target);
    const group = key(target, item.mapping.role === 'primary' ? '' : item.instance.type);
    groups.set(group, [...(groups.get(group) ?? []), item]);
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
    if (isIgnored(ignore, head.type, id)) continue;
    entries.push({
      address: head.address,
      ...(instances.length > 1 ? { addresses: instances.map((i) => i.address) } : {}),
      type: head.type,
      id,
      state: head.state,
    });
  }
  return entries;
}

function changedEntries(
  resource: Resource,
  found: Matched,
  ignore: IgnoreRules,
): DriftReport['changed'] {
  const groups = new Map<string, StateInstance[]>();
  for (const instance of found.primaries) groups.set('', [...(groups.get('') ?? []), instance]);
  for (const instance of found.children) {
    const group = key(instance.type, String(instance.attributes['id'] ?? ''));
    groups.set(group, [...(groups.get(group) ?? []), instance]);
  }
  const childTypes = new Set(found.children.map((c) => c.type));
  const entries: DriftReport['changed'] = [];
  for (const [group, members] of groups) {
    const instances = members.sort(byAddress);
    const head = instances[0] as StateInstance;
    const mapping = BY_TERRAFORM_TYPE.get(head.type) as TypeMapping;
    const rawId = head.attributes['id'];
    const id = group === '' || typeof rawId !== 'string' ? resource.resourceId : rawId;
    if (isIgnored(ignore, head.type, id)) continue;
    const changes = new Map<string, DriftChange>();
    for (const instance of instances) {
      const context = { attributes: instance.attributes, children: found.children };
      for (const spec of mapping.attributes) {
        if (spec.ownedBy !== undefined && childTypes.has(spec.ownedBy)) continue;
        for (const change of compareAttribute(spec, resource, context)) {
          if (!isIgnored(ignore, head.type, id, change.attribute)) {
            changes.set(canonicalKey(change), change);
          }
        }
      }
    }
    if (changes.size === 0) continue;
    entries.push({
      address: head.address,
      ...(instances.length > 1 ? { addresses: instances.map((i) => i.address) } : {}),
      type: head.type,
      id,
      path: resourcePath(resource),
      changes: [...changes.values()].sort(
        (a, b) =>
          compareText(a.attribute, b.attribute) || compareText(canonicalKey(a), canonicalKey(b)),
      ),
    });
  }
  return entries;
}
