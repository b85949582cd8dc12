import type { DriftReport } from '../drift/schema.js';
import type { ScanWarning } from '../model/index.js';
import { driftItems } from './drift-items.js';
import { codeSpan, md } from './markdown-text.js';
import { BODY_LIMIT } from './render-pull.js';
import { type ReviewState, stateComment } from './state.js';

/** The dashboard issue's title: its stable key in the trail repository. */
export const DASHBOARD_TITLE = 'statetrail: drift dashboard';
/** The label on the dashboard and every drift PR. */
export const REVIEW_LABEL = 'statetrail';

/** What the dashboard shows besides the state. */
export interface DashboardInput {
  readonly report: DriftReport;
  readonly state: ReviewState;
  readonly repoUrl: string;
  readonly persistScans: number;
  /** Scopes whose PR a person pushed to. */
  readonly handsOff: readonly string[];
  /** The scan's warnings: why a scope is incomplete (messages name operations, never values). */
  readonly warnings?: readonly ScanWarning[];
}

const MAX_WARNINGS = 20;

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

const MAX_SCOPE_ROWS = 200;

/**
 * Coverage per account and region (or cluster): a table, and a bar chart when there are several
 * scopes to compare. Reports from before the per-scope counts have no rows to show.
 */
function coveragePerScope(report: DriftReport): string[] {
  const scopes = report.scopes.filter((s) => s.coverage !== undefined);
  if (scopes.length === 0) return [];
  const shown = scopes.slice(0, MAX_SCOPE_ROWS);
  const lines = [
    '',
    '| Scope | Managed | Unmanaged | Missing | Coverage |',
    '| --- | --- | --- | --- | --- |',
    ...shown.map(
      (s) =>
        `| ${codeSpan(s.scope).replace(/\|/g, '\\|')}${s.complete ? '' : ' (incomplete)'} | ${s.managed ?? 0} | ${s.unmanaged ?? 0} | ${s.missing ?? 0} | ${percent(s.coverage ?? 0)} |`,
    ),
  ];
  if (scopes.length > shown.length) lines.push('', `... and ${scopes.length - shown.length} more`);
  if (shown.length > 1 && shown.length <= 30) {
    lines.push(
      '',
      '```mermaid',
      'xychart-beta',
      '  title "IaC coverage per scope (%)"',
      `  x-axis [${shown.map((s) => JSON.stringify(s.scope.replace(/[`"\\\][]/g, ''))).join(', ')}]`,
      '  y-axis "coverage" 0 --> 100',
      `  bar [${shown.map((s) => ((s.coverage ?? 0) * 100).toFixed(1)).join(', ')}]`,
      '```',
    );
  }
  return lines;
}

/**
 * The dashboard issue body: open drift per scope with its PR, what waits or is snoozed, accepted
 * drift with expiry, IaC coverage, incomplete scopes, the last commit that recorded a change, a
 * Mermaid chart, and the review state as a hidden payload. Nothing in it changes from one scan
 * to the next unless the drift or the PRs did (no timestamps).
 */
export function renderDashboard(input: DashboardInput): string {
  const { report, state } = input;
  const items = driftItems(report);
  const { summary } = report;
  const lines = [
    '## statetrail drift dashboard',
    '',
    'Kept by statetrail on every scan; edited only when something changed. Drift opens a pull request ' +
      `per scope once it persisted ${input.persistScans} consecutive scans.`,
    '',
    '### IaC coverage',
    '',
    '| Managed | Changed | Unmanaged | Missing | Managed elsewhere | Accepted | Coverage |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${summary.managed} | ${summary.changed} | ${summary.unmanaged} | ${summary.missing} | ${summary.managedElsewhere} | ${summary.accepted} | ${percent(summary.coverage)} |`,
    '',
    '```mermaid',
    'pie title Resources compared with Terraform',
    `  "managed" : ${summary.managed}`,
    `  "unmanaged" : ${summary.unmanaged}`,
    `  "missing" : ${summary.missing}`,
    '```',
    ...coveragePerScope(report),
    '',
    '### Open drift per scope',
    '',
  ];
  const scopes = Object.keys(state.scopes).sort();
  const rows: string[] = [];
  for (const scope of scopes) {
    const tracked = state.scopes[scope];
    // A scope the review tracks only for its prune PR has no open drift.
    if (!tracked || (Object.keys(tracked.items).length === 0 && !tracked.pull)) continue;
    const present = items.get(scope) ?? [];
    const byKind = { changed: 0, unmanaged: 0, missing: 0 };
    for (const item of present) byKind[item.kind] += 1;
    const values = Object.values(tracked.items);
    const snoozed = values.filter((i) => i.quiet === 'snoozed').length;
    const baseline = values.filter((i) => i.quiet === 'baseline').length;
    const pending = values.filter((i) => !i.quiet && i.seen < input.persistScans).length;
    const inPull = new Set(tracked.pull?.keys ?? []);
    const waitingCount = values.filter(
      (i) => !i.quiet && i.seen >= input.persistScans && !inPull.has(i.key),
    ).length;
    const pull = tracked.pull
      ? `[#${tracked.pull.number}](${input.repoUrl}/pull/${tracked.pull.number})${input.handsOff.includes(scope) ? ' (pushed to by a person: left alone)' : ''}`
      : '-';
    rows.push(
      `| ${codeSpan(scope).replace(/\|/g, '\\|')} | ${byKind.changed} | ${byKind.unmanaged} | ${byKind.missing} | ${pull} | ${waitingCount} | ${pending} | ${snoozed} | ${baseline} |`,
    );
  }
  if (rows.length === 0) lines.push('No open drift.');
  else {
    lines.push(
      '| Scope | Changed | Unmanaged | Missing | Pull request | Waiting for a PR | Seen once | Snoozed | Baseline |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      "_Waiting_: due, but its scope's PR was approved (new drift never joins it) or the cap on open drift PRs is reached. " +
        '_Snoozed_: its PR was closed unmerged; it alarms again when it changes. _Baseline_: present at the first scan.',
    );
  }
  const prunes = scopes.flatMap((scope) => {
    const prune = state.scopes[scope]?.prune;
    return prune
      ? [
          `- ${codeSpan(scope)}: [#${prune.number}](${input.repoUrl}/pull/${prune.number}) removes ${prune.keys.length} stale accepted ${prune.keys.length === 1 ? 'entry' : 'entries'}${input.handsOff.includes(scope) ? ' (pushed to by a person: left alone)' : ''}`,
        ]
      : [];
  });
  if (prunes.length > 0) lines.push('', '### Stale accepted entries', '', ...prunes);
  const snoozedRows = scopes.flatMap((scope) =>
    (items.get(scope) ?? [])
      .filter((item) => state.scopes[scope]?.items[item.identity]?.quiet === 'snoozed')
      .map(
        (item) =>
          `| ${codeSpan(scope).replace(/\|/g, '\\|')} | ${md(item.address)} | ${item.attribute ? md(item.attribute) : `(${item.kind})`} |`,
      ),
  );
  lines.push('', '### Snoozed drift', '');
  if (snoozedRows.length === 0) lines.push('None.');
  else {
    lines.push(
      'Its PR was closed unmerged: no new PR until the value changes.',
      '',
      '| Scope | Address | Attribute |',
      '| --- | --- | --- |',
      ...snoozedRows.slice(0, 200),
    );
    if (snoozedRows.length > 200) lines.push('', `... and ${snoozedRows.length - 200} more`);
  }
  lines.push('', '### Accepted drift', '');
  if (report.accepted.length === 0) lines.push('None.');
  else {
    lines.push('| Address | Attribute | Until | Approved by |', '| --- | --- | --- | --- |');
    for (const entry of report.accepted.slice(0, 200)) {
      lines.push(
        `| ${md(entry.address)} | ${entry.attribute ? md(entry.attribute) : '(whole resource)'} | ${entry.until ? md(entry.until) : 'no expiry'} | ${entry.acceptedBy ? md(entry.acceptedBy) : '-'} |`,
      );
    }
    if (report.accepted.length > 200)
      lines.push('', `... and ${report.accepted.length - 200} more`);
  }
  const incomplete = report.scopes.filter((s) => !s.complete);
  lines.push('', '### Incomplete scopes', '');
  lines.push(
    incomplete.length === 0
      ? 'None: every scope of the last scan completed.'
      : incomplete
          .map((s) => `- ${codeSpan(s.scope)} (nothing is reported missing there)`)
          .join('\n'),
  );
  const why = [...new Set((input.warnings ?? []).map((w) => w.message))].sort();
  if (why.length > 0) {
    lines.push('', 'What the scan could not read:', '');
    lines.push(...why.slice(0, MAX_WARNINGS).map((message) => `- ${md(message)}`));
    if (why.length > MAX_WARNINGS) lines.push(`- ... and ${why.length - MAX_WARNINGS} more`);
  }
  lines.push(
    '',
    '### Last scan that recorded a change',
    '',
    state.lastCommit
      ? `[${state.lastCommit.slice(0, 12)}](${input.repoUrl}/commit/${state.lastCommit})`
      : 'None yet.',
  );
  let body = lines.join('\n');
  const payload = stateComment(state);
  if (body.length + payload.length > BODY_LIMIT) {
    body = `${body.slice(0, Math.max(0, BODY_LIMIT - payload.length - 200))}\n\n> Cut to fit GitHub's limit; \`statetrail drift\` prints the whole report.`;
  }
  return `${body}\n\n${payload}`;
}
