import { looksLikeCredential, REDACTED } from './normalize/redact-credentials.js';

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeControl(char: string): string {
  return `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
}

/**
 * A string from outside (a cluster, a state file, a resource id) as one line of a commit message
 * or a plain-text report: control characters shown as `\uXXXX` (a newline cannot forge a `D path`
 * or a trailer line), and a credential-shaped value masked.
 */
export function forLine(value: string): string {
  if (looksLikeCredential(value)) return REDACTED;
  return value.replace(CONTROL, escapeControl);
}

/** {@link forLine} for a terminal: an ESC sequence is shown, never run. */
export function forTerminal(value: string): string {
  return forLine(value);
}

const MARKDOWN: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '\\|',
  '`': '\\`',
  '[': '\\[',
  ']': '\\]',
  '*': '\\*',
  _: '\\_',
  '\\': '\\\\',
};

/** {@link forLine} for Markdown (a report, a PR body): HTML and Markdown syntax escaped. */
export function forMarkdown(value: string): string {
  return forLine(value).replace(/[&<>"|`[\]*_\\]/g, (char) => MARKDOWN[char] as string);
}
