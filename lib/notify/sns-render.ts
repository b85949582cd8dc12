import type { NotifyMessage } from './message.js';
import { countsLine, detailLines, entryLine, headline, safeUrl } from './text.js';

/** SNS's limits: a subject under 100 characters (ASCII, one line), a message of 256 KB. */
export const SNS_LIMITS = { subject: 99, messageBytes: 256 * 1024 } as const;

/** What an SNS publish carries for email subscriptions. */
export interface SnsMessage {
  subject: string;
  body: string;
}

// SNS rejects a subject with line breaks or control characters, and wants ASCII.
function subjectText(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?').trim();
  return ascii.length <= SNS_LIMITS.subject
    ? ascii
    : `${ascii.slice(0, SNS_LIMITS.subject - 3)}...`;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function linkLines(message: NotifyMessage): string[] {
  const { pullRequests, dashboard, report } = message.links;
  return [
    ...pullRequests.map((pull) => `Pull request: ${safeUrl(pull.url)}`),
    ...(dashboard === undefined ? [] : [`Dashboard: ${safeUrl(dashboard)}`]),
    ...(report === undefined ? [] : [`Full report: ${safeUrl(report)}`]),
  ];
}

/**
 * The subject and plain-text body of an SNS message: the counts, every entry one line each, the
 * links. A body past `limit` bytes (256 KB) keeps the head, the links and a note of how many
 * entries it left out. Pure.
 */
export function renderSns(
  message: NotifyMessage,
  limit: number = SNS_LIMITS.messageBytes,
): SnsMessage {
  const subject = subjectText(`${headline(message.kind)}: ${countsLine(message)}`);
  const head = [
    headline(message.kind),
    `Scan: ${safeUrl(message.scanId)}`,
    `Generated: ${safeUrl(message.generatedAt)}`,
    countsLine(message),
    ...detailLines(message),
    '',
  ];
  const links = linkLines(message);
  const tail = links.length > 0 ? ['', ...links] : [];
  const lines = message.entries.map(entryLine);
  const full = [...head, ...lines, ...tail].join('\n');
  if (bytes(full) <= limit) return { subject, body: full };
  const report = message.links.report;
  const note = (left: number) =>
    `... and ${left} more entries (message truncated at SNS's size limit${report === undefined ? '' : `; full report: ${safeUrl(report)}`})`;
  // The note's size at its widest, so the entries kept never push the body past the limit.
  const fixed = bytes([...head, note(lines.length), ...tail].join('\n')) + 1;
  let used = fixed;
  let kept = 0;
  for (const line of lines) {
    const size = bytes(line) + 1;
    if (used + size > limit) break;
    used += size;
    kept += 1;
  }
  const body = [...head, ...lines.slice(0, kept), note(lines.length - kept), ...tail].join('\n');
  return { subject, body };
}
