import { describe, expect, it } from 'vitest';
import { applyAcceptance, fingerprintValue, WHOLE_RESOURCE } from '../../../lib/drift/accept.js';
import { AcceptanceError } from '../../../lib/drift/accept-errors.js';
import { formatAcceptedFile, parseAcceptedFile } from '../../../lib/drift/accept-file.js';
import { acceptanceEntriesFor, mergeAcceptedEntries } from '../../../lib/drift/accept-propose.js';
import type { AcceptedEntry, ScopedEntry } from '../../../lib/drift/accept-schema.js';
import { driftReport, SCOPE } from '../../fixtures/drift-accepted/report.js';

const NOW = new Date('2026-11-22T10:00:00Z');
const OPTIONS = { reason: 'Accepted in review', until: '2027-01-01', acceptedBy: 'octocat' };

describe('acceptanceEntriesFor', () => {
  it('round-trips through the file into an empty drift, everything accepted', () => {
    const drift = driftReport();
    const proposal = acceptanceEntriesFor(drift, OPTIONS);
    expect(proposal.files.map((f) => f.path)).toEqual([
      '.statetrail/accepted/aws%2F123456789012%2Feu-west-1.yaml',
    ]);

    const loaded: ScopedEntry[] = proposal.files.flatMap((file) =>
      parseAcceptedFile(formatAcceptedFile(file.entries), file.path).entries.map((entry) => ({
        scope: file.scope,
        entry,
      })),
    );
    const { report, stale } = applyAcceptance(drift, loaded, NOW);

    // Only the sensitive change is left: it can never be accepted.
    expect(report.changed).toEqual([drift.changed[0]]);
    expect(proposal.skipped).toEqual([
      { kind: 'changed', address: 'aws_db_instance.main', attribute: 'password', why: 'sensitive' },
    ]);
    expect(report.unmanaged).toEqual([]);
    expect(report.missing).toEqual([]);
    // Each item says why and who, from the entry that accepted it.
    const { reason, acceptedBy, until } = OPTIONS;
    expect(report.accepted).toEqual([
      { address: 'aws_instance.web[1]', attribute: 'instance_type', until, reason, acceptedBy },
      { address: 'aws_instance.web[1]', attribute: 'tags.Owner', until, reason, acceptedBy },
      {
        address: 'aws_security_group.sg-0a1b2c3d4e5f67890',
        attribute: WHOLE_RESOURCE,
        until,
        reason,
        acceptedBy,
      },
      {
        address: 'module.net.aws_subnet.private["b"]',
        attribute: WHOLE_RESOURCE,
        until,
        reason,
        acceptedBy,
      },
    ]);
    expect(report.summary).toMatchObject({ changed: 1, unmanaged: 0, missing: 0, accepted: 4 });
    expect(stale).toEqual([]);
  });

  it('gives an empty drift when nothing sensitive drifts', () => {
    const drift = driftReport();
    const plain = driftReport({ changed: drift.changed.slice(1) });
    const [file] = acceptanceEntriesFor(plain, { reason: 'ok' }).files;
    const entries = (file?.entries ?? []).map((entry) => ({ scope: SCOPE, entry }));
    const { report } = applyAcceptance(plain, entries, NOW);
    expect([report.changed, report.unmanaged, report.missing]).toEqual([[], [], []]);
    expect(report.summary.accepted).toBe(4);
  });

  it('skips a missing resource whose scope it cannot tell, unless told', () => {
    const drift = driftReport({
      scopes: [
        { scope: SCOPE, complete: true },
        { scope: 'aws/123456789012/us-east-1', complete: true },
      ],
    });
    expect(acceptanceEntriesFor(drift, OPTIONS).skipped.map((s) => s.why)).toEqual([
      'sensitive',
      'unscoped',
    ]);
    const told = acceptanceEntriesFor(drift, { ...OPTIONS, scopeOf: () => SCOPE });
    expect(told.skipped.map((s) => s.why)).toEqual(['sensitive']);
  });

  it.each([
    [{ reason: '  ' }, 'reason'],
    [{ reason: 'r', until: '2027-13-01' }, 'until'],
    [{ reason: 'r', acceptedBy: '' }, 'acceptedBy'],
  ])('refuses options %j', (options, what) => {
    expect(() => acceptanceEntriesFor(driftReport(), options)).toThrow(AcceptanceError);
    expect(() => acceptanceEntriesFor(driftReport(), options)).toThrow(what);
  });
});

describe('mergeAcceptedEntries', () => {
  const entry = (attribute: string, value: unknown): AcceptedEntry => ({
    address: 'aws_instance.web[1]',
    attribute,
    fingerprint: fingerprintValue(value),
    reason: 'r',
  });

  it('replaces the entries of the same attribute and keeps the others', () => {
    const merged = mergeAcceptedEntries(
      [entry('instance_type', 't3.medium'), entry('ami', 'ami-1')],
      [entry('instance_type', 't3.large'), entry('instance_type', 't3.large')],
    );
    expect(merged).toEqual([entry('ami', 'ami-1'), entry('instance_type', 't3.large')]);
  });
});
