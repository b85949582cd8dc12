import { canonicalKey, normalizeJson } from './normalize-values.js';

// Keys whose value IAM reads the same as a string or a list of strings.
const LIST_KEYS = ['Action', 'NotAction', 'Resource', 'NotResource'] as const;
const ACCOUNT_ID = /^\d{12}$/;

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function sortedUnique(values: readonly unknown[]): unknown[] {
  const byKey = new Map(values.map((value) => [canonicalKey(value), value]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key));
}

function principalValue(kind: string, value: unknown): unknown[] {
  // IAM stores a bare account id as the account's root ARN.
  const ids = asList(value).map((id) =>
    kind === 'AWS' && typeof id === 'string' && ACCOUNT_ID.test(id)
      ? `arn:aws:iam::${id}:root`
      : id,
  );
  return sortedUnique(ids);
}

function principal(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([kind, ids]) => [kind, principalValue(kind, ids)]),
  );
}

function condition(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([operator, tests]) => [
      operator,
      typeof tests === 'object' && tests !== null && !Array.isArray(tests)
        ? Object.fromEntries(
            Object.entries(tests).map(([key, values]) => [key, sortedUnique(asList(values))]),
          )
        : tests,
    ]),
  );
}

function statement(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const key of LIST_KEYS) {
    if (key in out) out[key] = sortedUnique(asList(out[key]));
  }
  for (const key of ['Principal', 'NotPrincipal'] as const) {
    if (key in out) out[key] = principal(out[key]);
  }
  if ('Condition' in out) out['Condition'] = condition(out['Condition']);
  if (out['Sid'] === '') delete out['Sid'];
  return normalizeJson(out);
}

/**
 * An IAM policy document in a form where equivalent documents are equal: parsed from a string,
 * statements in a stable order, single strings as one-element lists, account ids as root ARNs,
 * keys sorted. Not JSON is compared as the string it is.
 */
export function normalizePolicy(value: unknown): unknown {
  let document = value;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    try {
      document = JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return normalizeJson(document);
  }
  const out: Record<string, unknown> = { ...document };
  if ('Statement' in out) out['Statement'] = sortedUnique(asList(out['Statement']).map(statement));
  return normalizeJson(out);
}
