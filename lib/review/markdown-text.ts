import { looksLikeCredential } from '../snapshot/normalize/redact-credentials.js';
import { markdownCell } from '../snapshot/sanitize.js';

/** What a credential-shaped value becomes in a PR body, comment or the dashboard. */
export const MASKED = '(masked: credential-shaped value)';

/**
 * Text from outside (ids, names, values) made safe for GitHub markdown inside a table cell or a
 * line: credential-shaped text masked, HTML and markdown's active characters escaped.
 */
export function md(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  if (looksLikeCredential(text)) return MASKED;
  // Emphasis, headings and images are escaped too: a PR body is read, not diffed.
  return markdownCell(text).replace(/([*_[~#!])/g, '\\$1');
}

/** A string for inside a fenced HCL block: masked, and quoted as an HCL string literal. */
export function hclString(value: string): string {
  if (looksLikeCredential(value)) return JSON.stringify(MASKED);
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/**
 * Outside text as an inline code span (outside tables): masked, backticks and line breaks
 * dropped; a code span shows everything else literally, so nothing more needs escaping.
 */
export function codeSpan(value: string): string {
  if (looksLikeCredential(value)) return `\`${MASKED}\``;
  return `\`${value.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}
