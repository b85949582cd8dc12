import { forTerminal } from '../../snapshot/sanitize.js';
import type { DriftReport } from '../schema.js';
import { valueText } from './value-text.js';

/** Options of the console rendering. */
export interface ConsoleOptions {
  /** Colour only on a terminal: never escape codes in a pipe or a file. */
  readonly isTTY: boolean;
}

function columns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, text] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, text.length);
  }
  return rows.map((row) =>
    row
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

// Control characters in a value could move the cursor or recolour the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/g;
const plain = (value: unknown) => valueText(value).replace(CONTROL, '?');
// Ids and addresses come from outside too: an ESC sequence in an id is shown, never run.
const safe = (text: string) => forTerminal(text);

/** The report as a plain-text table for a terminal. */
export function renderConsole(report: DriftReport, options: ConsoleOptions): string {
  const paint = (code: string, text: string) =>
    options.isTTY ? `\u001b[${code}m${text}\u001b[0m` : text;
  const { summary } = report;
  const lines = [
    `Found ${summary.total} resource(s)`,
    ` - ${Math.floor(summary.coverage * 100)}% coverage`,
    ` - ${summary.managed} managed by Terraform (${summary.changed} changed)`,
    ` - ${summary.unmanaged} not managed`,
    ` - ${summary.missing} in a Terraform state but missing in the cloud`,
    ` - ${summary.managedElsewhere} managed elsewhere`,
  ];
  for (const scope of report.scopes.filter((s) => !s.complete)) {
    lines.push(paint('33', ` ! incomplete scope ${scope.scope}: nothing reported missing there`));
  }
  const rows: string[][] = [];
  for (const e of report.changed) {
    for (const c of e.changes)
      rows.push(['changed', safe(e.address), safe(c.attribute), plain(c.state), plain(c.cloud)]);
  }
  for (const e of report.unmanaged) rows.push(['unmanaged', safe(e.type), safe(e.id), '', '']);
  for (const e of report.missing) rows.push(['missing', safe(e.address), safe(e.id), '', '']);
  if (rows.length > 0) {
    lines.push('', ...columns([['KIND', 'RESOURCE', 'ATTRIBUTE / ID', 'STATE', 'CLOUD'], ...rows]));
  }
  return `${lines.join('\n')}\n`;
}
