import { describe, expect, it } from 'vitest';
import { type Decision, decideNotifications } from '../../../lib/notify/decide.js';
import type { Ledger } from '../../../lib/notify/ledger.js';
import { sampleReport } from './fixtures.js';

const SCOPE = 'aws/111111111111/eu-west-1';

function scan(previous: Ledger | null, report = sampleReport(1, 0, 0), incomplete: string[] = []) {
  return decideNotifications({ previous, report, incomplete, persistScans: 2 });
}

function kinds(decision: Decision) {
  return decision.announcements.map((a) => [a.kind, a.entries.map((e) => e.id)]);
}

const empty = sampleReport(0, 0, 0);

describe('decideNotifications', () => {
  it('sends one baseline summary of every drifted resource on the first scan', () => {
    const first = scan(null, sampleReport(3, 2, 1));
    expect(first.announcements).toHaveLength(1);
    expect(first.announcements[0]?.kind).toBe('baseline');
    expect(first.announcements[0]?.entries).toHaveLength(6);
  });

  it('announces nothing when a second scan sees the same drift', () => {
    const first = scan(null);
    expect(scan(first.ledger).announcements).toEqual([]);
    expect(scan(first.ledger).ledger).toEqual(first.ledger);
  });

  it('announces new drift once it persisted two scans, and never again', () => {
    const base = scan(null, empty);
    const seen = scan(base.ledger, sampleReport(1, 0, 0));
    expect(seen.announcements).toEqual([]);
    const persisted = scan(seen.ledger, sampleReport(1, 0, 0));
    expect(kinds(persisted)).toEqual([['new', ['i-0']]]);
    expect(scan(persisted.ledger, sampleReport(1, 0, 0)).announcements).toEqual([]);
  });

  it('drops drift that went away before it persisted, without a message', () => {
    const base = scan(null, empty);
    const seen = scan(base.ledger, sampleReport(1, 0, 0));
    const gone = scan(seen.ledger, empty);
    expect(gone.announcements).toEqual([]);
    expect(gone.ledger.drift).toEqual({});
  });

  it('announces drift that changed once the change persisted', () => {
    const first = scan(null);
    const changedReport = sampleReport(1, 0, 0);
    const change = changedReport.changed[0]?.changes[0];
    if (change) change.cloud = 't3.xlarge';
    const once = scan(first.ledger, changedReport);
    expect(once.announcements).toEqual([]);
    expect(kinds(scan(once.ledger, changedReport))).toEqual([['changed', ['i-0']]]);
  });

  it('announces resolved drift once, in a scope the scan completed', () => {
    const first = scan(null, sampleReport(1, 1, 1));
    const resolved = scan(first.ledger, empty);
    expect(kinds(resolved)).toEqual([['resolved', ['i-0', 'sg-0', 'subnet-0']]]);
    expect(scan(resolved.ledger, empty).announcements).toEqual([]);
  });

  it('does not call drift resolved in a scope the scan could not complete', () => {
    const first = scan(null, sampleReport(1, 0, 1));
    const unknown = { ...empty, scopes: [{ scope: SCOPE, complete: false }] };
    const decision = scan(first.ledger, unknown, [SCOPE]);
    expect(kinds(decision)).toEqual([['scan-failed', []]]);
    expect(Object.keys(decision.ledger.drift)).toHaveLength(2);
  });

  it('announces an incomplete scope once, and its recovery once', () => {
    const first = scan(null);
    const failed = scan(first.ledger, sampleReport(1, 0, 0), [SCOPE]);
    expect(failed.announcements).toEqual([{ kind: 'scan-failed', entries: [], scopes: [SCOPE] }]);
    const still = scan(failed.ledger, sampleReport(1, 0, 0), [SCOPE]);
    expect(still.announcements).toEqual([]);
    const recovered = scan(still.ledger, sampleReport(1, 0, 0));
    expect(recovered.announcements).toEqual([{ kind: 'recovered', entries: [], scopes: [SCOPE] }]);
    expect(scan(recovered.ledger).announcements).toEqual([]);
  });

  it('keeps no drift values in the ledger, only fingerprints', () => {
    const report = sampleReport(1, 0, 0);
    const change = report.changed[0]?.changes[0];
    if (change) change.cloud = 'canary-value-0f1e2d';
    expect(JSON.stringify(scan(null, report).ledger)).not.toContain('canary-value-0f1e2d');
  });
});

describe('the ledger file', () => {
  it('reads back exactly what was rendered', async () => {
    const { parseLedger, renderLedger } = await import('../../../lib/notify/ledger.js');
    const { ledger } = scan(null, sampleReport(2, 1, 1));
    expect(parseLedger(renderLedger(ledger))).toEqual(ledger);
  });
});
