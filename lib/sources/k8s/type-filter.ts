import type { Gvk, KubeObject } from '../../model/kube.js';
import type { ExportFilter, ExportRule } from '../../model/kube-filter.js';
import { DEFAULT_NOISE, isExported } from '../../snapshot/kube/noise.js';

/**
 * True when the filter drops every object of a type whatever its namespace, labels or owners,
 * so the type need not be listed: a bare probe object meets only the type-wide rules (Events,
 * Leases, metrics...). With `wholeGroup` the kind is unknown (`''`, a failed group) and include
 * rules are ignored: an include of one kind says nothing about the rest of a group.
 */
export function typeExcluded(
  type: { readonly group: string; readonly kind: string; readonly version?: string },
  filter: ExportFilter,
  options: { readonly wholeGroup?: boolean } = {},
): boolean {
  const gvk: Gvk = { group: type.group, version: type.version ?? 'v1', kind: type.kind };
  const probe: KubeObject = {
    apiVersion: type.group === '' ? gvk.version : `${type.group}/${gvk.version}`,
    kind: type.kind,
    metadata: { name: '' },
  };
  if (filter.defaultExclusions && DEFAULT_NOISE.some((rule) => rule.matches(probe, gvk)))
    return true;
  const only = (rule: ExportRule): ExportFilter => ({
    include: [],
    exclude: [rule],
    defaultExclusions: false,
  });
  const typeWide = (rule: ExportRule): boolean =>
    rule.namespace === undefined && rule.labels === undefined;
  if (filter.exclude.some((rule) => typeWide(rule) && !isExported(probe, gvk, only(rule))))
    return true;
  if (options.wholeGroup || filter.include.length === 0) return false;
  // Included only if some include rule's group and kind match; its namespace or labels may still.
  return !filter.include.some((rule) =>
    isExported(probe, gvk, {
      include: [
        {
          ...(rule.group !== undefined && { group: rule.group }),
          ...(rule.kind !== undefined && { kind: rule.kind }),
        },
      ],
      exclude: [],
      defaultExclusions: false,
    }),
  );
}
