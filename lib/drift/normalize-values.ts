import { isRecord } from '../model/kube.js';
/** A value the snapshot or the state does not hold: never reported as different. */
export const UNKNOWN: unique symbol = Symbol('unknown');
/** The type of `UNKNOWN`. */
export type Unknown = typeof UNKNOWN;

/**
 * Turns a raw state or cloud value into a canonical form compared by `canonicalKey`. Must be pure:
 * the comparison skips it when both raw values are the same data (`identicalData`).
 */
export type Normalizer = (value: unknown) => unknown;

/** True for the values the AWS provider treats as "not set": null, undefined, "", [] and {}. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** A string, with numbers and booleans spelled as strings; empty is null. */
export function normalizeString(value: unknown): string | null {
  if (isEmpty(value)) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A boolean from a boolean or `"true"`/`"false"`; empty is null. */
export function normalizeBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/** A number from a number or a numeric string; empty or not numeric is null. */
export function normalizeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

/** A set of strings as a sorted list without repeats; a lone string is a one-element set; empty is null. */
export function normalizeStringSet(value: unknown): string[] | null {
  const list = Array.isArray(value) ? value : isEmpty(value) ? [] : [value];
  const strings = list.map(normalizeString).filter((item): item is string => item !== null);
  return strings.length === 0 ? null : [...new Set(strings)].sort();
}

// IPv4 with a prefix, no leading zeros, nothing to trim: already what the steps below would give.
const CANONICAL_IPV4 = /^(?:(?:0|[1-9]\d{0,2})\.){3}(?:0|[1-9]\d{0,2})\/\d+$/;

/** One CIDR in canonical form: IPv6 compressed and lower-case, a bare address gets its full prefix. */
export function normalizeCidr(value: unknown): string | null {
  const text = normalizeString(value);
  if (text === null) return null;
  if (CANONICAL_IPV4.test(text)) return text;
  const [address = '', prefix] = text.trim().split('/');
  if (address.includes(':')) {
    let host = address.toLowerCase();
    try {
      // The WHATWG URL parser compresses IPv6 addresses canonically (RFC 5952).
      host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
    } catch {
      // Not an address: compare the text as written.
    }
    return `${host}/${prefix ?? '128'}`;
  }
  const octets = address.split('.').map((part) => String(Number(part)));
  return `${octets.join('.')}/${prefix ?? '32'}`;
}

/** A set of CIDRs, each canonical, sorted; empty is null. */
export function normalizeCidrSet(value: unknown): string[] | null {
  const set = normalizeStringSet(value);
  return set === null ? null : [...new Set(set.map((cidr) => normalizeCidr(cidr) ?? cidr))].sort();
}

// Keys AWS or a controller writes on its own: never in Terraform config, never drift.
// One alternation: two tag maps per compared resource, six patterns per key add up.
const FOREIGN_TAG =
  /^(?:aws:|kubernetes\.io\/cluster\/|eks:|karpenter\.sh\/|karpenter\.k8s\.aws\/|elbv2\.k8s\.aws\/)/;

/** Tags as a key-sorted map from a map or an SDK `[{Key, Value}]` list, minus AWS and controller keys; empty is null. */
export function normalizeTags(value: unknown): Record<string, string> | null {
  const kept: [string, string][] = [];
  if (Array.isArray(value)) {
    for (const tag of value) {
      if (isRecord(tag) && typeof tag['Key'] === 'string' && !FOREIGN_TAG.test(tag['Key'])) {
        kept.push([tag['Key'], normalizeString(tag['Value']) ?? '']);
      }
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (!FOREIGN_TAG.test(key)) kept.push([key, normalizeString(value[key]) ?? '']);
    }
  }
  if (kept.length === 0) return null;
  return Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Any JSON value with keys sorted and empty values (null, "", [], {}) dropped; all-empty is null. */
export function normalizeJson(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalizeJson).filter((item) => item !== null);
    return items.length === 0 ? null : items;
  }
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => [key, normalizeJson(value[key])] as const)
      .filter(([, item]) => item !== null);
    return entries.length === 0 ? null : Object.fromEntries(entries);
  }
  return isEmpty(value) ? null : value;
}

/** `normalizeJson`, after parsing a JSON string (EKS add-on configuration values). */
export function normalizeJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return normalizeJson(value);
  try {
    return normalizeJson(JSON.parse(value));
  } catch {
    return normalizeString(value);
  }
}

const PROTOCOLS: Readonly<Record<string, string>> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

/** An IP protocol by name: `-1`/`all` -> `all`, `6` -> `tcp`, `17` -> `udp`, `1` -> `icmp`, `58` -> `icmpv6`. */
export function normalizeProtocol(value: unknown): string {
  const text = (normalizeString(value) ?? '-1').toLowerCase();
  return PROTOCOLS[text] ?? text;
}

/** A port range `from-to` for a protocol; `all` for every port (-1, 0 or absent, and protocol all). */
export function normalizePortRange(protocol: unknown, from: unknown, to: unknown): string {
  const name = normalizeProtocol(protocol);
  if (name === 'all') return 'all';
  const low = normalizeNumber(from);
  const high = normalizeNumber(to);
  const tcpOrUdp = name === 'tcp' || name === 'udp';
  if (low === null || low === -1 || (tcpOrUdp && low === 0 && (high === 65535 || high === 0))) {
    if (high === null || high === -1 || tcpOrUdp) return 'all';
  }
  return `${low ?? -1}-${high ?? -1}`;
}

/** A stable string for comparing two normalized values: JSON with sorted keys. */
export function canonicalKey(value: unknown): string {
  // Most compared values are scalars or string sets: no replacer needed, and it is the hot path.
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return JSON.stringify(value);
  }
  return JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, item[key]]),
        )
      : item,
  );
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Plain JSON-like values equal member by member (objects in any key order); false means "not
// sure": a `toJSON`, an omitted undefined or NaN is left to `canonicalKey`.
function sameStructure(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameStructure(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (key === 'toJSON' || !Object.hasOwn(right, key)) return false;
    if (!sameStructure(left[key], right[key])) return false;
  }
  return true;
}

/**
 * The same plain data, key order included: any pure normalizer maps both to the same value, so
 * a caller may skip normalizing. False means "not sure", never "different".
 */
export function identicalData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!identicalData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const left = Object.keys(a);
  const right = Object.keys(b);
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i += 1) {
    const key = left[i] as string;
    if (key !== right[i]) return false;
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!identicalData(x, y)) return false;
  }
  return true;
}

/** `canonicalKey(a) === canonicalKey(b)`, without building either key when the values are alike. */
export function sameCanonical(a: unknown, b: unknown): boolean {
  return sameStructure(a, b) || canonicalKey(a) === canonicalKey(b);
}

/** True when the value holds the sensitive mask anywhere inside. */
export function holdsSensitive(value: unknown, mask: string): boolean {
  if (value === mask) return true;
  if (Array.isArray(value)) return value.some((item) => holdsSensitive(item, mask));
  if (isRecord(value)) return Object.values(value).some((item) => holdsSensitive(item, mask));
  return false;
}
