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

/**
 * Text for one GitHub markdown table cell: each line made safe with {@link forLine}, HTML and the
 * table's `|` and code's backtick escaped, `](` and `][` (what make a link or an image) broken,
 * newlines as `<br>`. `web[1]` stays as Terraform prints it.
 */
export function markdownCell(text: string): string {
  return text
    .split(/\r?\n/)
    .map(forLine)
    .join('\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/\](?=[([])/g, '\\]')
    .replace(/\r?\n/g, '<br>');
}
