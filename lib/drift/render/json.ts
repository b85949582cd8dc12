import type { DriftReport } from '../schema.js';

/** The report as JSON: DESIGN's key order, 2-space indent, a final newline. */
export function renderJson(report: DriftReport): string {
  // Object key order is insertion order; rebuilding the top level pins DESIGN's order.
  const ordered: DriftReport = {
    version: report.version,
    generatedAt: report.generatedAt,
    scopes: report.scopes,
    summary: report.summary,
    unmanaged: report.unmanaged,
    missing: report.missing,
    changed: report.changed,
    managedElsewhere: report.managedElsewhere,
    accepted: report.accepted,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
