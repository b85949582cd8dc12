import { parse as parseYaml } from 'yaml';
import { isRecord } from '../../model/kube.js';
import { isDynamicWrapper } from '../../terraform/mask.js';
import { SENSITIVE, type StateInstance } from '../../terraform/state-instance.js';
import { type KubeTypedSpec, TYPED_BY_TERRAFORM_TYPE } from './typed.js';

/**
 * Patch resources: they set part of an object someone else created (server-side apply with
 * their own field manager), so they compare what they declare and never make the object managed.
 */
export const PATCH_TYPES: ReadonlySet<string> = new Set([
  'kubernetes_labels',
  'kubernetes_annotations',
  'kubernetes_config_map_v1_data',
]);

/** The object a Terraform instance declares, as the trail names it, and what to compare. */
export interface Declared {
  readonly instance: StateInstance;
  /** '' for the core group; legacy groups (`extensions`) already mapped to today's. */
  readonly group: string;
  readonly kind: string;
  /** Undefined when the state does not say (a manifest that names none): see `namespaced`. */
  readonly namespace: string | undefined;
  readonly name: string;
  /** The id the report shows: Terraform's import id for the type. */
  readonly id: string;
  /** `primary` makes the object managed; `patch` only compares its own fields. */
  readonly role: 'primary' | 'patch';
  /** True or false when the type says; undefined for a manifest (the trail's objects tell). */
  readonly namespaced: boolean | undefined;
  /** For manifests and patches: the fields the instance declares (state values where known). */
  readonly fields?: Record<string, unknown>;
  /** For typed resources: the type's allowlist. */
  readonly typed?: KubeTypedSpec;
}

// Kinds that moved out of `extensions` (and apps' beta versions kept their group).
const LEGACY_GROUPS: Readonly<Record<string, string>> = {
  'extensions/Deployment': 'apps',
  'extensions/DaemonSet': 'apps',
  'extensions/ReplicaSet': 'apps',
  'extensions/Ingress': 'networking.k8s.io',
  'extensions/NetworkPolicy': 'networking.k8s.io',
};

/** The group of an `apiVersion`, mapped from legacy groups to today's for the kind. */
export function currentGroup(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  return LEGACY_GROUPS[`${group}/${kind}`] ?? group;
}

/** `kubernetes_manifest`'s import id: `apiVersion=v1,kind=ConfigMap,namespace=web,name=app`. */
export function manifestId(
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  const where = namespace === undefined ? '' : `namespace=${namespace},`;
  return `apiVersion=${apiVersion},kind=${kind},${where}name=${name}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== SENSITIVE ? value : undefined;
}

/** A dynamic attribute's object, from state's `{ value, type }` or bare (plan and show JSON). */
export function dynamicValue(raw: unknown): Record<string, unknown> | undefined {
  if (!isRecord(raw)) return undefined;
  if (isDynamicWrapper(raw)) return isRecord(raw['value']) ? raw['value'] : undefined;
  return raw;
}

/** A typed resource's single `metadata` block (a list of one in state). */
function metadataBlock(attributes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const block = attributes['metadata'];
  const first = Array.isArray(block) ? block[0] : block;
  return isRecord(first) ? first : {};
}

/** The object a Kubernetes-provider instance declares, or undefined for any other instance. */
export function declaredObject(instance: StateInstance): Declared | undefined {
  const { type, attributes } = instance;
  const typed = TYPED_BY_TERRAFORM_TYPE.get(type);
  if (typed !== undefined) {
    const metadata = metadataBlock(attributes);
    const name = text(metadata['name']);
    if (name === undefined) return undefined;
    // The provider writes `default` when the config leaves the namespace out.
    const namespace = typed.namespaced ? (text(metadata['namespace']) ?? 'default') : undefined;
    return {
      instance,
      group: typed.group,
      kind: typed.kind,
      namespace,
      name,
      id: namespace === undefined ? name : `${namespace}/${name}`,
      role: 'primary',
      namespaced: typed.namespaced,
      typed,
    };
  }
  if (type === 'kubernetes_manifest') return fromManifest(instance);
  if (type === 'kubectl_manifest') return fromKubectlManifest(instance);
  if (PATCH_TYPES.has(type)) return fromPatch(instance);
  return undefined;
}

function fromManifest(instance: StateInstance): Declared | undefined {
  const manifest = dynamicValue(instance.attributes['manifest']);
  if (manifest === undefined) return undefined;
  const object = dynamicValue(instance.attributes['object']);
  const declared = fromFields(instance, manifest, object);
  // A manifest that names no namespace was applied to one: the server's answer says which.
  const applied = isRecord(object?.['metadata'])
    ? text(object['metadata']['namespace'])
    : undefined;
  if (declared === undefined || declared.namespace !== undefined || applied === undefined) {
    return declared;
  }
  return { ...declared, namespace: applied, namespaced: true };
}

// gavinbunney/kubectl: identity in its own attributes, the declared YAML in `yaml_body_parsed`
// (the provider's copy with Secret values obfuscated; `yaml_body` is masked while parsing).
function fromKubectlManifest(instance: StateInstance): Declared | undefined {
  const { attributes } = instance;
  const apiVersion = text(attributes['api_version']);
  const kind = text(attributes['kind']);
  const name = text(attributes['name']);
  if (apiVersion === undefined || kind === undefined || name === undefined) return undefined;
  let fields: Record<string, unknown> = {};
  const body = text(attributes['yaml_body_parsed']);
  if (body !== undefined) {
    try {
      const parsed: unknown = parseYaml(body);
      if (isRecord(parsed)) fields = parsed;
    } catch {
      // An unreadable copy compares nothing; the object is still matched and managed.
    }
  }
  const namespace = text(attributes['override_namespace']) ?? text(attributes['namespace']);
  const metadata = isRecord(fields['metadata']) ? fields['metadata'] : {};
  return fromFields(instance, {
    ...fields,
    apiVersion,
    kind,
    metadata: { ...metadata, name, ...(namespace === undefined ? {} : { namespace }) },
  });
}

function fromFields(
  instance: StateInstance,
  manifest: Record<string, unknown>,
  object?: Record<string, unknown>,
): Declared | undefined {
  const apiVersion = text(manifest['apiVersion']);
  const kind = text(manifest['kind']);
  const metadata = isRecord(manifest['metadata']) ? manifest['metadata'] : {};
  const name = text(metadata['name']);
  if (apiVersion === undefined || kind === undefined || name === undefined) return undefined;
  const namespace = text(metadata['namespace']);
  const id = manifestId(apiVersion, kind, namespace, name);
  return {
    instance,
    group: currentGroup(apiVersion, kind),
    kind,
    namespace,
    name,
    id,
    role: 'primary',
    namespaced: namespace === undefined ? undefined : true,
    fields: object === undefined ? manifest : preferObject(manifest, object),
  };
}

/**
 * The declared fields with the values `object` holds for them: `object` is what the API server
 * returned after the apply (quantities canonical, `"1024Mi"` read back as `"1Gi"`), `manifest`
 * what the configuration said. Only declared fields are kept: the rest of `object` is defaults.
 */
function preferObject(manifest: unknown, object: unknown): Record<string, unknown> {
  return prefer(manifest, object) as Record<string, unknown>;
}

function prefer(declared: unknown, applied: unknown): unknown {
  // Terraform never marks `object` sensitive: a masked declaration stays masked.
  if (declared === SENSITIVE || applied === null || applied === undefined) return declared;
  if (isRecord(declared)) {
    if (!isRecord(applied)) return declared;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(declared)) {
      out[key] = prefer(declared[key], Object.hasOwn(applied, key) ? applied[key] : undefined);
    }
    return out;
  }
  if (Array.isArray(declared)) {
    if (!Array.isArray(applied) || applied.length !== declared.length) return declared;
    return declared.map((item, index) => prefer(item, applied[index]));
  }
  // A scalar: the applied form, unless the server changed its type (an int-or-string port).
  return typeof applied === typeof declared ? applied : declared;
}

// kubernetes_labels / kubernetes_annotations / kubernetes_config_map_v1_data.
function fromPatch(instance: StateInstance): Declared | undefined {
  const { type, attributes } = instance;
  const isData = type === 'kubernetes_config_map_v1_data';
  const metadata = metadataBlock(attributes);
  const name = text(metadata['name']);
  const apiVersion = isData ? 'v1' : text(attributes['api_version']);
  const kind = isData ? 'ConfigMap' : text(attributes['kind']);
  if (name === undefined || apiVersion === undefined || kind === undefined) return undefined;
  // The provider defaults a ConfigMap's namespace; labels and annotations name theirs or none.
  const namespace = text(metadata['namespace']) ?? (isData ? 'default' : undefined);
  const fields: Record<string, unknown> = {};
  if (type === 'kubernetes_labels') fields['metadata'] = { labels: attributes['labels'] ?? {} };
  if (type === 'kubernetes_annotations') {
    fields['metadata'] = { annotations: attributes['annotations'] ?? {} };
    const template = attributes['template_annotations'];
    if (isRecord(template) && Object.keys(template).length > 0) {
      fields['spec'] = { template: { metadata: { annotations: template } } };
    }
  }
  if (isData) fields['data'] = attributes['data'] ?? {};
  const computedId = isData
    ? `${namespace}/${name}`
    : manifestId(apiVersion, kind, namespace, name);
  return {
    instance,
    group: currentGroup(apiVersion, kind),
    kind,
    namespace,
    name,
    // The provider's own id when the state holds one (its field order is the provider's).
    id: text(attributes['id']) ?? computedId,
    role: 'patch',
    namespaced: namespace === undefined ? undefined : true,
    fields,
  };
}
