import { gvkOf, isRecord, type KubeObject } from '../../model/kube.js';
import { hmacFingerprint } from '../fingerprint.js';
import { looksLikeCredential, REDACTED, safeKey } from '../normalize/redact-credentials.js';
import { isSecretName } from '../secret-names.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Secret annotations known to hold no data, kept in clear. Any other annotation of a Secret is
 * fingerprinted: kapp's `kapp.k14s.io/original` and other tools' copies hold the whole Secret.
 */
export const HARMLESS_SECRET_ANNOTATIONS: readonly string[] = [
  'kubernetes.io/service-account.name',
  'kubernetes.io/description',
  'meta.helm.sh/release-name',
  'meta.helm.sh/release-namespace',
  'argocd.argoproj.io/sync-wave',
  'argocd.argoproj.io/compare-options',
  'argocd.argoproj.io/sync-options',
];

/** Secret types that are never exported: derived, rotated, or one copy per Helm revision. */
export const NOISE_SECRET_TYPES: readonly string[] = [
  'kubernetes.io/service-account-token',
  'helm.sh/release.v1',
  'bootstrap.kubernetes.io/token',
];

/** How secret values are protected. */
export interface SecretOptions {
  /** The user's HMAC key; without it Secrets are skipped and ConfigMap matches redacted. */
  readonly key?: Uint8Array;
  /** ConfigMap key names whose values are fingerprinted (default: `isSecretName`, the one list). */
  readonly configMapKeyPatterns?: readonly RegExp[];
}

/** The outcome of protecting an object's secret values: the safe object, or why to skip it. */
export type ProtectedObject =
  | { readonly outcome: 'protected'; readonly object: KubeObject }
  | { readonly outcome: 'skip'; readonly reason: 'no-hmac-key' };

/** True for a Secret of a type on NOISE_SECRET_TYPES (service-account tokens, Helm releases). */
export function isNoiseSecret(object: KubeObject): boolean {
  const { group, kind } = gvkOf(object);
  return group === '' && kind === 'Secret' && NOISE_SECRET_TYPES.includes(String(object['type']));
}

/**
 * An object whose secret values are fingerprints (DESIGN rule 2). Secret `data` and `stringData`
 * become `hmac-sha256:<hex>` of the decoded bytes; ConfigMap values under a matching key name, and
 * any string anywhere that looks like a credential, likewise. The last-applied annotation goes
 * first: it holds the same values in clear. Without a key a Secret is skipped (never written),
 * and other values are replaced with a fixed marker. Never changes its input.
 */
export function protectSecrets(object: KubeObject, options: SecretOptions): ProtectedObject {
  const { group, kind } = gvkOf(object);
  const copy = withoutLastApplied(object);
  const key = options.key;
  if (group === '' && kind === 'Secret') {
    if (key === undefined) return { outcome: 'skip', reason: 'no-hmac-key' };
    const rest = fingerprintAnnotations(sweepCredentials(copy, key) as KubeObject, key);
    return { outcome: 'protected', object: fingerprintSecretData(rest, copy, key) };
  }
  let rest = copy;
  if (group === '' && kind === 'ConfigMap') {
    const patterns = options.configMapKeyPatterns;
    const sensitive = patterns
      ? (name: string) => patterns.some((pattern) => pattern.test(name))
      : isSecretName;
    rest = protectConfigMap(copy, sensitive, key);
  }
  // Fingerprints and the marker never look like credentials, so the sweep leaves them alone.
  return { outcome: 'protected', object: sweepCredentials(rest, key) as KubeObject };
}

function withoutLastApplied(object: KubeObject): KubeObject {
  const annotations = object.metadata.annotations;
  if (annotations === undefined || !Object.hasOwn(annotations, LAST_APPLIED)) return object;
  const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
  return { ...object, metadata: { ...object.metadata, annotations: rest } };
}

function fingerprintAnnotations(object: KubeObject, key: Uint8Array): KubeObject {
  const annotations = object.metadata.annotations;
  if (annotations === undefined) return object;
  const safe = mapValues(annotations, (value, name) =>
    HARMLESS_SECRET_ANNOTATIONS.includes(name) ? value : hmacFingerprint(key, String(value)),
  ) as Record<string, string>;
  return { ...object, metadata: { ...object.metadata, annotations: safe } };
}

// `data` is read from the original: the credential sweep would have fingerprinted the base64 text.
function fingerprintSecretData(
  swept: KubeObject,
  original: KubeObject,
  key: Uint8Array,
): KubeObject {
  const result: KubeObject = { ...swept };
  const data = original['data'];
  if (isRecord(data)) result['data'] = mapValues(data, (value) => fingerprintBase64(value, key));
  const stringData = original['stringData'];
  if (isRecord(stringData)) {
    // The same bytes give the same fingerprint whether they came as data or stringData.
    result['stringData'] = mapValues(stringData, (value) => hmacFingerprint(key, String(value)));
  }
  return result;
}

function protectConfigMap(
  object: KubeObject,
  sensitive: (name: string) => boolean,
  key: Uint8Array | undefined,
): KubeObject {
  const result: KubeObject = { ...object };
  const data = object['data'];
  if (isRecord(data)) {
    result['data'] = mapValues(data, (value, name) =>
      sensitive(name) ? protect(String(value), key) : value,
    );
  }
  const binary = object['binaryData'];
  if (isRecord(binary)) {
    result['binaryData'] = mapValues(binary, (value, name) =>
      sensitive(name) ? (key ? fingerprintBase64(value, key) : REDACTED) : value,
    );
  }
  return result;
}

function fingerprintBase64(value: unknown, key: Uint8Array): string {
  return hmacFingerprint(key, Buffer.from(String(value), 'base64'));
}

function protect(value: string, key: Uint8Array | undefined): string {
  return key === undefined ? REDACTED : hmacFingerprint(key, value);
}

function sweepCredentials(value: unknown, key: Uint8Array | undefined): unknown {
  if (typeof value === 'string') return looksLikeCredential(value) ? protect(value, key) : value;
  if (Array.isArray(value)) return value.map((item) => sweepCredentials(item, key));
  if (isRecord(value)) return mapValues(value, (item) => sweepCredentials(item, key));
  return value;
}

// `rename` masks credential-shaped keys (label, annotation and data keys are never ids).
function mapValues(
  map: Record<string, unknown>,
  edit: (value: unknown, key: string) => unknown,
  rename: (key: string) => string = safeKey,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => [rename(key), edit(value, key)]),
  );
}
