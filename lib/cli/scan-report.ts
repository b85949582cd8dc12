import type { DriftReport } from '../drift/schema.js';
import type { CommitOutput } from '../pipeline/commit.js';
import type { NotifyOutput } from '../pipeline/notify.js';
import type { ReviewOutput } from '../pipeline/review.js';

/** The report of one scan, as `--format json` prints it. */
export interface ScanReport extends CommitOutput {
  readonly version: 1;
  readonly trail: string;
  /** The comparison with Terraform state, when states were given. */
  readonly drift?: DriftReport;
  /** States that could not be read (each names its file). */
  readonly stateErrors?: string[];
  /** What the review step did on GitHub (drift PRs, the dashboard), when it ran. */
  readonly review?: ReviewOutput;
  /** What the notify step sent (or, without --notify, previewed). */
  readonly notify?: NotifyOutput;
}

/** The console summary of a scan. */
export function renderScanConsole(report: ScanReport): string {
  const lines: string[] = [];
  const totals = `${report.added} added, ${report.changed} changed, ${report.removed} removed`;
  lines.push(
    report.commit
      ? `Committed ${report.commit.slice(0, 12)} to ${report.trail}: ${totals}`
      : `No change: nothing committed to ${report.trail}`,
  );
  const complete = report.scopes.filter((s) => s.complete);
  const incomplete = report.scopes.filter((s) => !s.complete);
  lines.push(
    `Resources: ${report.resources} in ${report.scopes.length} scopes (${complete.length} complete, ${incomplete.length} incomplete)`,
  );
  for (const { scope } of incomplete) lines.push(`  incomplete: ${scope} (previous files kept)`);
  if (report.warnings.length > 0) {
    lines.push(`Warnings: ${report.warnings.length}`);
    for (const warning of report.warnings) lines.push(`  ${warning.code}: ${warning.message}`);
  }
  const { review } = report;
  if (review) {
    const list = (numbers: readonly number[]) => numbers.map((n) => `#${n}`).join(', ') || 'none';
    lines.push(
      `Review${review.baseline ? ' (baseline)' : ''}: opened ${list(review.opened)}, updated ${list(review.updated)}, closed ${list(review.closed)}; dashboard ${review.dashboard ?? 'unchanged'}`,
    );
  }
  const calls = Object.entries(report.calls)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([service, count]) => `${service} ${count}`);
  lines.push(`API calls: ${calls.join(', ') || 'none'}`);
  return `${lines.join('\n')}\n`;
}

/** The JSON report of a scan. */
export function renderScanJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
