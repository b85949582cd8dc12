import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { looksLikeCredential, safeKey } from '../snapshot/normalize/redact-credentials.js';
import { isSecretName } from '../snapshot/secret-names.js';
import type { TfPathStep } from './schema.js';
import { SENSITIVE } from './state-instance.js';

/** True when an attribute of this name holds a secret, at any depth of any resource. */
export function isSecretAttributeName(name: string): boolean {
  return isSecretName(name);
}

/**
 * Masks an instance's attributes: every `sensitive_attributes` path, every attribute with a
 * secret name at any depth, and every credential-shaped string whatever its key. `null` stays
 * `null`: it holds nothing, and "not set" is worth comparing.
 */
export function maskAttributes(
  attributes: Readonly<Record<string, unknown>>,
  sensitivePaths: readonly (readonly TfPathStep[])[] = [],
): Record<string, unknown> {
  let masked: Record<string, unknown> = { ...attributes };
  for (const path of sensitivePaths) masked = maskPath(masked, path);
  const out = maskObject(masked);
  // Ids are never masked, only values: a key pair or cluster named like an access key id must
  // still match its file. Terraform marking one sensitive still wins.
  for (const key of IDENTITY_ATTRIBUTES) {
    const value = masked[key];
    if (typeof value === 'string' && value !== SENSITIVE && key in out) out[key] = value;
  }
  return out;
}

/** Top-level attributes that name a resource rather than hold a value of it. */
const IDENTITY_ATTRIBUTES = [
  'id',
  'arn',
  'name',
  'key_name',
  'bucket',
  'cluster_name',
  'node_group_name',
  'addon_name',
  'fargate_profile_name',
  'principal_arn',
] as const;

/** Masks any value by name and shape (outputs, nested values): see {@link maskAttributes}. */
export function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return looksLikeCredential(value) ? SENSITIVE : value;
  if (Array.isArray(value)) return value.map(maskValue);
  if (isObject(value)) return maskObject(value);
  return value;
}

/** Masks a value found under `name` (an attribute or an output): by name, then by shape. */
export function maskNamed(name: string, value: unknown): unknown {
  return value !== null && isSecretAttributeName(name) ? SENSITIVE : maskValue(value);
}

function maskObject(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A credential-shaped key (a tag key holding a token) is masked as the exporter masks it.
  for (const key of Object.keys(object)) out[safeKey(key)] = maskNamed(key, object[key]);
  return out;
}

function maskPath(
  attributes: Record<string, unknown>,
  path: readonly TfPathStep[],
): Record<string, unknown> {
  // An empty path marks the whole object sensitive.
  if (path.length === 0) {
    return Object.fromEntries(Object.keys(attributes).map((key) => [key, hide(attributes[key])]));
  }
  return maskAt(attributes, path, 0) as Record<string, unknown>;
}

function maskAt(value: unknown, path: readonly TfPathStep[], at: number): unknown {
  const step = path[at];
  if (step === undefined || value === null) return hide(value);
  const key = stepKey(step);
  // A set element (indexed by its own value) or an unknown step cannot be located: hide the
  // whole collection rather than guess.
  if (key === undefined) return hide(value);
  if (Array.isArray(value)) {
    if (typeof key !== 'number') return hide(value);
    if (key < 0 || key >= value.length) return value;
    const copy = [...value];
    copy[key] = maskAt(value[key], path, at + 1);
    return copy;
  }
  if (isObject(value)) {
    const name = String(key);
    // A dynamic attribute (`kubernetes_manifest`'s manifest) is stored as `{ value, type }`, and
    // its sensitive paths go through it as if the wrapper were not there.
    if (!Object.hasOwn(value, name) && isDynamicWrapper(value)) {
      return { ...value, value: maskAt(value['value'], path, at) };
    }
    if (!Object.hasOwn(value, name)) return value;
    return { ...value, [name]: maskAt(value[name], path, at + 1) };
  }
  // The path goes deeper than the value does (a JSON string holding an object...): hide it.
  return hide(value);
}

// `get_attr` carries the name; `index` carries a cty value `{ value, type }` (Terraform's
// marshalPaths). A bare number or string key is accepted too, as other writers produce it.
function stepKey(step: TfPathStep): string | number | undefined {
  const raw = step.type === 'index' && isObject(step.value) ? step.value['value'] : step.value;
  if (step.type === 'get_attr') return typeof raw === 'string' ? raw : undefined;
  if (step.type !== 'index') return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string') return raw;
  return undefined;
}

/**
 * True for a `DynamicPseudoType` attribute as state JSON stores it, `{ "value": ..., "type": ... }`
 * (`kubernetes_manifest`'s `manifest` and `object`).
 */
export function isDynamicWrapper(value: Readonly<Record<string, unknown>>): boolean {
  return Object.hasOwn(value, 'value') && Object.hasOwn(value, 'type');
}

function hide(value: unknown): unknown {
  return value === null ? null : SENSITIVE;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SECRET_MAPS = ['data', 'binary_data', 'stringData', 'string_data', 'binaryData'];
const CONFIG_MAP_TYPES = new Set([
  'kubernetes_config_map',
  'kubernetes_config_map_v1',
  'kubernetes_config_map_v1_data',
]);

function maskMapValues(value: unknown): unknown {
  if (!isObject(value)) return hide(value);
  return Object.fromEntries(Object.keys(value).map((key) => [key, hide(value[key])]));
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

// ConfigMap keys the exporter fingerprints in the trail (the one list of secret names), and values
// shaped like credentials: their values are secrets in state too.
function maskSecretKeys(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    out[safeKey(key)] = isSecretName(key) ? hide(value[key]) : maskValue(value[key]);
  }
  return out;
}

// A manifest (bare, or state's `{ value, type }` form of a dynamic attribute) with kubectl's
// last-applied copy hidden (it holds the whole object, a Secret's data in clear); a Secret's data
// values hidden and its keys kept; a ConfigMap's secret-looking keys hidden.
function maskSecretManifest(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const wrapped = isDynamicWrapper(raw);
  const manifest = wrapped ? raw['value'] : raw;
  if (!isObject(manifest)) return raw;
  const masked: Record<string, unknown> = { ...manifest };
  const metadata = masked['metadata'];
  const annotations = isObject(metadata) ? metadata['annotations'] : undefined;
  if (isObject(metadata) && isObject(annotations) && LAST_APPLIED in annotations) {
    masked['metadata'] = {
      ...metadata,
      annotations: { ...annotations, [LAST_APPLIED]: hide(annotations[LAST_APPLIED]) },
    };
  }
  if (manifest['kind'] === 'Secret') {
    for (const key of SECRET_MAPS) if (key in masked) masked[key] = maskMapValues(masked[key]);
  }
  if (manifest['kind'] === 'ConfigMap') {
    for (const key of SECRET_MAPS) if (key in masked) masked[key] = maskSecretKeys(masked[key]);
  }
  return wrapped ? { ...raw, value: masked } : masked;
}

/**
 * Kubernetes Secret values, whatever the state marks: the typed Secret's data, a Secret's data and
 * kubectl's last-applied copy in `kubernetes_manifest` (`manifest` and `object`), and
 * `kubectl_manifest`'s YAML (its parsed copy: a Secret's values, or whole with `sensitive_fields`);
 * ConfigMap values under secret-looking keys, as the exporter treats them. Keys stay: they name
 * what is there, not what it holds.
 */
export function maskKubernetesSecrets(
  type: string,
  attributes: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (type === 'kubernetes_secret' || type === 'kubernetes_secret_v1') {
    const masked: Record<string, unknown> = { ...attributes };
    for (const key of SECRET_MAPS) if (key in masked) masked[key] = maskMapValues(masked[key]);
    return masked;
  }
  if (CONFIG_MAP_TYPES.has(type)) {
    const masked: Record<string, unknown> = { ...attributes };
    for (const key of SECRET_MAPS) if (key in masked) masked[key] = maskSecretKeys(masked[key]);
    return masked;
  }
  if (type === 'kubernetes_manifest') {
    return {
      ...attributes,
      manifest: maskSecretManifest(attributes['manifest']),
      object: maskSecretManifest(attributes['object']),
    };
  }
  if (type === 'kubectl_manifest') {
    // Its parsed copy hides only what the provider knows to hide: a Secret, or fields the config
    // lists in `sensitive_fields`, may hold secrets in it whatever the provider did.
    const fields = attributes['sensitive_fields'];
    const listed = Array.isArray(fields) && fields.length > 0;
    return {
      ...attributes,
      yaml_body: hide(attributes['yaml_body'] ?? null),
      yaml_body_parsed: listed
        ? hide(attributes['yaml_body_parsed'] ?? null)
        : maskParsedYaml(attributes['yaml_body_parsed']),
    };
  }
  return attributes;
}

/**
 * `kubectl_manifest`'s parsed copy with a Secret's or ConfigMap's values masked as for a manifest
 * (a Secret keeps its type and keys, which the comparison needs); unreadable YAML is hidden whole.
 */
function maskParsedYaml(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null;
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch {
    return SENSITIVE;
  }
  if (!isObject(parsed) || (parsed['kind'] !== 'Secret' && parsed['kind'] !== 'ConfigMap')) {
    return text;
  }
  const masked = maskSecretManifest(parsed);
  return JSON.stringify(masked) === JSON.stringify(parsed) ? text : stringifyYaml(masked);
}
