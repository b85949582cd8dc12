import { forLine } from '../snapshot/sanitize.js';
import type { NotifyEntry, NotifyKind, NotifyMessage } from './message.js';

/** Cut a string to at most `max` characters, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

const HEADLINES: Record<NotifyKind, string> = {
  new: 'New drift',
  changed: 'Drift changed',
  resolved: 'Drift resolved',
  'scan-failed': 'Scan failed',
  recovered: 'Scan recovered',
  baseline: 'Baseline recorded',
};

/** The headline of a message, without outside text: `statetrail: New drift`. */
export function headline(kind: NotifyKind): string {
  return `statetrail: ${HEADLINES[kind]}`;
}

/** The counts as one line: `2 changed, 1 unmanaged, 0 missing (5 managed of 8)`. */
export function countsLine(message: NotifyMessage): string {
  const { changed, unmanaged, missing, managed, total } = message.counts;
  return `${changed} changed, ${unmanaged} unmanaged, ${missing} missing (${managed} managed of ${total})`;
}

/**
 * One entry as plain text, every outside string through {@link forLine} (control characters
 * shown, credential-shaped values masked): `changed aws_instance.web (i-1): tags.Name — by alice`.
 */
export function entryLine(entry: NotifyEntry): string {
  const name = entry.address === undefined ? forLine(entry.type) : forLine(entry.address);
  const attributes =
    entry.attributes && entry.attributes.length > 0
      ? `: ${entry.attributes.map(forLine).join(', ')}`
      : '';
  const by = entry.changedBy === undefined ? '' : ` by ${forLine(entry.changedBy)}`;
  return `${entry.drift} ${name} (${forLine(entry.id)})${attributes}${by}`;
}

/** A link from outside, as one safe line (a credential-shaped URL is masked). */
export function safeUrl(url: string): string {
  return forLine(url);
}

/** What a failure or recovery adds: the scopes it names and the error, one safe line each. */
export function detailLines(message: NotifyMessage): string[] {
  const scopes = message.scopes ?? [];
  return [
    ...(scopes.length === 0
      ? []
      : [
          `${message.kind === 'recovered' ? 'Complete again' : 'Incomplete'}: ${scopes.map(forLine).join(', ')}`,
        ]),
    ...(message.error === undefined ? [] : [`Error: ${forLine(message.error)}`]),
  ];
}
