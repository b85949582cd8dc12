import { isRecord } from '../../model/kube.js';
import { REDACTED } from '../../snapshot/normalize/redact-credentials.js';
import { normalizeString } from '../normalize-values.js';

/** The prefix of a value the trail fingerprinted (Secret data, matching ConfigMap keys). */
export const FINGERPRINT_PREFIX = 'hmac-sha256:';

/**
 * True for a value the trail holds only as a fingerprint, or redacted (a credential-shaped value,
 * a secret-looking ConfigMap key scanned without a key): it cannot be compared with state.
 */
export function isFingerprint(value: unknown): boolean {
  return typeof value === 'string' && (value.startsWith(FINGERPRINT_PREFIX) || value === REDACTED);
}

/**
 * True for a label or annotation key that Kubernetes and its controllers write: the provider's
 * typed resources leave them out of state (as its `isInternalKey` does: a `*kubernetes.io` prefix,
 * except the `app.kubernetes.io` and `service.beta.kubernetes.io` keys users set; from the
 * provider's behaviour, not checked against its source here).
 */
export function isInternalKey(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash === -1) return false;
  const host = key.slice(0, slash);
  if (host === 'app.kubernetes.io' || host === 'service.beta.kubernetes.io') return false;
  return host.endsWith('kubernetes.io');
}

/** A string map with every key kept (the caller chose them); empty is null. */
export function normalizeStringMap(value: unknown): Record<string, string> | null {
  if (!isRecord(value)) return null;
  const out: Record<string, string> = {};
  for (const key of Object.keys(value).sort()) {
    // An empty label value is a value (`node-role.example/worker: ""`); null and absent are not.
    const raw = value[key];
    const text = typeof raw === 'string' ? raw : normalizeString(raw);
    if (text !== null) out[key] = text;
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** A string map (data, selectors) without internal keys; empty is null. */
export function normalizeKubeMap(value: unknown): Record<string, string> | null {
  if (!isRecord(value)) return null;
  const kept = Object.entries(value).filter(([key]) => !isInternalKey(key));
  return normalizeStringMap(Object.fromEntries(kept));
}

const SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/**
 * A Kubernetes quantity by its value, so `1024Mi` equals `1Gi` and `1000m` equals `1` (the API
 * server rewrites quantities canonically; a manifest keeps what was written), spelled as people
 * read it: whole binary multiples with their suffix (`10Gi`), fractions in milli units (`500m`),
 * else plain units. Other values as strings.
 */
export function normalizeQuantity(value: unknown): string | null {
  const text = normalizeString(value);
  if (text === null) return null;
  const match = QUANTITY.exec(text.trim());
  if (match === null) return text;
  const [, number = '', exponent, suffix = ''] = match;
  const scale = exponent === undefined ? (SUFFIXES[suffix] ?? 1) : 10 ** Number(exponent.slice(1));
  // Twelve significant digits absorb the binary fractions of milli and nano units.
  return spelled(Number((Number(number) * scale).toPrecision(12)));
}

const BINARY = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const;

function spelled(amount: number): string {
  if (amount === 0) return '0';
  if (Number.isInteger(amount)) {
    const suffix = BINARY.find((s) => amount % (SUFFIXES[s] as number) === 0);
    if (suffix !== undefined) return `${amount / (SUFFIXES[suffix] as number)}${suffix}`;
    return String(amount);
  }
  const milli = Number((amount * 1000).toPrecision(12));
  return Number.isInteger(milli) ? `${milli}m` : String(amount);
}
