import { looksLikeCredential } from '../snapshot/normalize/redact-credentials.js';

/** What a credential-shaped value becomes in a PR body, comment or the dashboard. */
export const MASKED = '(masked: credential-shaped value)';

/**
 * Text from outside (ids, names, values) made safe for GitHub markdown inside a table cell or a
 * line: credential-shaped text masked, HTML and markdown's active characters escaped.
 */
export function md(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  if (looksLikeCredential(text)) return MASKED;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/([*_[\]~#!])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
}

/** A string for inside a fenced HCL block: masked, and quoted as an HCL string literal. */
export function hclString(value: string): string {
  if (looksLikeCredential(value)) return JSON.stringify(MASKED);
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}
