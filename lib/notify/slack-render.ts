import { forLine } from '../snapshot/sanitize.js';
import type { NotifyMessage } from './message.js';
import { countsLine, detailLines, entryLine, headline, safeUrl, truncate } from './text.js';

/** Slack's limits (Block Kit reference): blocks per message, characters per text field. */
export const SLACK_LIMITS = {
  blocks: 50,
  text: 3000,
  headerText: 150,
  buttonText: 75,
  buttonUrl: 3000,
  actions: 25,
} as const;

/** The entries a Slack message lists before "and N more", unless told otherwise. */
export const SLACK_DEFAULT_TOP = 10;

/** A Block Kit text object. */
export interface SlackText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}

/** A link button. */
export interface SlackButton {
  type: 'button';
  text: SlackText;
  url: string;
}

/** The blocks we send: a subset of Block Kit. */
export type SlackBlock =
  | { type: 'header'; text: SlackText }
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; elements: SlackButton[] };

/** The body of an incoming-webhook post. */
export interface SlackPayload {
  /** The notification's fallback text. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack's own escaping for mrkdwn: `&`, `<` and `>` (so outside text cannot make a link or a mention). */
function mrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.text) } };
}

function button(label: string, url: string): SlackButton {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, SLACK_LIMITS.buttonText) },
    url: safeUrl(url).slice(0, SLACK_LIMITS.buttonUrl),
  };
}

// A URL inside `<url|label>`: `|` and `>` would end it early.
function linkTarget(url: string): string {
  return mrkdwn(safeUrl(url)).replace(/\|/g, '%7C');
}

function buttons(message: NotifyMessage): SlackButton[] {
  const { pullRequests, dashboard, report } = message.links;
  const fixed = [
    ...(dashboard === undefined ? [] : [button('Dashboard', dashboard)]),
    ...(report === undefined ? [] : [button('Full report', report)]),
  ];
  const pulls = pullRequests
    .slice(0, SLACK_LIMITS.actions - fixed.length)
    .map((pull) => button(`PR: ${forLine(pull.title)}`, pull.url));
  return [...pulls, ...fixed];
}

/**
 * The Block Kit message for an incoming webhook: a header, the counts, the first `top` entries
 * (one section each, with who changed them), "and N more" linking to the full report, and buttons
 * to the pull requests and the dashboard. Never more than 50 blocks or 3,000 characters a field.
 * Pure.
 */
export function renderSlack(message: NotifyMessage, top = SLACK_DEFAULT_TOP): SlackPayload {
  const title = headline(message.kind);
  const actions = buttons(message);
  // Header, summary, "and N more", actions: what the entries leave room for.
  const details = detailLines(message);
  const reserved = 3 + (actions.length > 0 ? 1 : 0) + (details.length > 0 ? 1 : 0);
  const shown = message.entries.slice(
    0,
    Math.max(0, Math.min(top, SLACK_LIMITS.blocks - reserved)),
  );
  const more = message.entries.length - shown.length;
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText) },
    },
    section(`*Scan* ${mrkdwn(safeUrl(message.scanId))}\n${countsLine(message)}`),
    ...(details.length > 0 ? [section(mrkdwn(details.join('\n')))] : []),
    ...shown.map((entry) => section(mrkdwn(entryLine(entry)))),
  ];
  if (more > 0) {
    const report = message.links.report;
    const text =
      report === undefined
        ? `and ${more} more`
        : `and ${more} more: <${linkTarget(report)}|full report>`;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.text) }],
    });
  }
  if (actions.length > 0) blocks.push({ type: 'actions', elements: actions });
  return { text: truncate(`${title}: ${countsLine(message)}`, SLACK_LIMITS.text), blocks };
}
