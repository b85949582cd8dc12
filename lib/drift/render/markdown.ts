import { markdownCell } from '../../snapshot/sanitize.js';
import type { DriftReport } from '../schema.js';
import { valueText } from './value-text.js';

/** Options of the markdown rendering. */
export interface MarkdownOptions {
  /** Rows shown per section before "... and N more". */
  readonly limit?: number;
}

// A value inside a table cell: see markdownCell (no HTML, no link, no forged line).
function cell(value: unknown): string {
  return markdownCell(valueText(value));
}

function capped<T>(rows: readonly T[], limit: number, render: (row: T) => string[]): string[] {
  const lines = rows.slice(0, limit).flatMap(render);
  if (rows.length > limit) lines.push('', `... and ${rows.length - limit} more`);
  return lines;
}

/** The report as GitHub markdown for a pull request or issue: a summary table, then one section per class. */
export function renderMarkdown(report: DriftReport, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? 50;
  const { summary } = report;
  const lines = [
    '## Drift report',
    '',
    '| Managed | Changed | Unmanaged | Missing | Managed elsewhere | Coverage |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${summary.managed} | ${summary.changed} | ${summary.unmanaged} | ${summary.missing} | ${summary.managedElsewhere} | ${(summary.coverage * 100).toFixed(1)}% |`,
  ];
  const incomplete = report.scopes.filter((s) => !s.complete);
  if (incomplete.length > 0) {
    lines.push(
      '',
      `Incomplete scopes (nothing reported missing there): ${incomplete.map((s) => cell(s.scope)).join(', ')}`,
    );
  }
  if (report.changed.length > 0) {
    lines.push('', '### Changed');
    lines.push(
      ...capped(report.changed, limit, (entry) => [
        '',
        `#### ${cell(entry.address)} (${cell(entry.id)})`,
        '',
        '| Attribute | State | Cloud |',
        '| --- | --- | --- |',
        ...entry.changes.map(
          (c) => `| ${cell(c.attribute)} | ${cell(c.state)} | ${cell(c.cloud)} |`,
        ),
      ]),
    );
  }
  const table = <T>(
    title: string,
    header: string[],
    rows: readonly T[],
    row: (r: T) => unknown[],
  ) => {
    if (rows.length === 0) return;
    lines.push(
      '',
      `### ${title}`,
      '',
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
    );
    lines.push(...capped(rows, limit, (r) => [`| ${row(r).map(cell).join(' | ')} |`]));
  };
  table('Unmanaged', ['Type', 'Id', 'Path'], report.unmanaged, (e) => [e.type, e.id, e.path]);
  table('Missing', ['Address', 'Id', 'State'], report.missing, (e) => [e.address, e.id, e.state]);
  table(
    'Managed elsewhere',
    ['Resource type', 'Id', 'Managed by', 'Path'],
    report.managedElsewhere,
    (e) => [e.resourceType, e.id, e.managedBy, e.path],
  );
  // Why each accepted drift stops alarming, and who approved it: what a reviewer asks first.
  table(
    'Accepted',
    ['Address', 'Attribute', 'Until', 'Reason', 'Accepted by'],
    report.accepted,
    (e) => [e.address, e.attribute, e.until, e.reason, e.acceptedBy],
  );
  return `${lines.join('\n')}\n`;
}
