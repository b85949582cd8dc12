import { manifestId } from '../drift/kube/declared.js';
import { isRecord, type KubeRecord } from '../model/kube.js';
import type { AddressBook } from './address.js';
import { expression, type HclBlock, type HclValue } from './hcl.js';
import { isSecretValue } from './secret.js';

/** Why an object got no `kubernetes_manifest` block, or undefined when it gets one. */
export function kubeSkipReason(record: KubeRecord): string | undefined {
  // The trail holds fingerprints, not values: a block from them would overwrite the real ones.
  if (record.group === '' && record.kind === 'Secret') {
    return 'Secret values are fingerprints in the trail: write the Secret from its real source';
  }
  return undefined;
}

// The manifest as an HCL object: keys quoted where they are not identifiers (by the printer),
// null as `null`, credential-shaped strings dropped (the object keeps its other fields).
function toValue(value: unknown): HclValue | undefined {
  if (value === null || value === undefined) return expression('null');
  if (typeof value === 'string') return isSecretValue(value) ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    return value.map(toValue).filter((item): item is HclValue => item !== undefined);
  }
  if (isRecord(value)) {
    const entries: [string, HclValue][] = [];
    for (const key of Object.keys(value).sort()) {
      const item = toValue(value[key]);
      if (item !== undefined) entries.push([key, item]);
    }
    return Object.fromEntries(entries);
  }
  return undefined;
}

/**
 * The `import` and `kubernetes_manifest` blocks for an object no Terraform state or GitOps tool
 * manages: the cleaned manifest (what the trail file holds, already apply-able) as the
 * `manifest` attribute; the import id is the provider's `apiVersion=...,kind=...,name=...`.
 */
export function kubernetesManifestBlocks(record: KubeRecord, book: AddressBook): HclBlock[] {
  const { manifest } = record;
  // Unique within a cluster's file (the scope); the book adds `_2` where two still collide.
  const raw = [record.namespace, record.kind, record.name]
    .filter((part) => part !== undefined)
    .join('_');
  const address = book.take('kubernetes_manifest', raw);
  const [, name = 'manifest'] = address.split('.');
  const id = manifestId(manifest.apiVersion, record.kind, record.namespace, record.name);
  const body = toValue(manifest) ?? {};
  return [
    {
      kind: 'block',
      type: 'import',
      labels: [],
      body: [
        { kind: 'attribute', name: 'to', value: expression(address) },
        { kind: 'attribute', name: 'id', value: id },
      ],
    },
    {
      kind: 'block',
      type: 'resource',
      labels: ['kubernetes_manifest', name],
      body: [{ kind: 'attribute', name: 'manifest', value: body }],
    },
  ];
}
