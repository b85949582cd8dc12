import { describe, expect, it } from 'vitest';
import {
  applyAcceptance,
  fingerprintValue,
  missingFingerprint,
  unmanagedFingerprint,
  WHOLE_RESOURCE,
} from '../../../lib/drift/accept.js';
import type { AcceptedEntry, ScopedEntry } from '../../../lib/drift/accept-schema.js';
import { renderJson } from '../../../lib/drift/render/json.js';
import { renderMarkdown } from '../../../lib/drift/render/markdown.js';
import { DriftReport } from '../../../lib/drift/schema.js';
import { driftReport, SCOPE } from '../../fixtures/drift-accepted/report.js';

const NOW = new Date('2026-11-22T10:00:00Z');

function entry(fields: Omit<AcceptedEntry, 'reason'>, scope = SCOPE): ScopedEntry {
  return { scope, entry: { reason: 'agreed with the team', ...fields } };
}

const instanceType = (cloud: unknown, extra: Partial<AcceptedEntry> = {}) =>
  entry({
    address: 'aws_instance.web[1]',
    attribute: 'instance_type',
    fingerprint: fingerprintValue(cloud),
    ...extra,
  });

describe('fingerprintValue', () => {
  it('is sha256 of the canonical JSON, whatever the key order', () => {
    // sha256 of the bytes {"a":"x","b":[1,{"c":3,"d":2}]}
    expect(fingerprintValue({ b: [1, { d: 2, c: 3 }], a: 'x' })).toBe(
      'sha256:4bc2f0faf907fa5fdaedde9cbf7002e3cbf041208b96a4ab4ce6693fbf4bea67',
    );
    // Pinned: fingerprints live in trails, so the canonical form must never move.
    expect(fingerprintValue('t3.large')).toBe(
      'sha256:70e12a17b8d7761fa5b3fc0d9c7510c52fca66361e964b8dd30dbda70f483bff',
    );
  });

  it('reads a missing value as null, so a JSON round trip keeps the fingerprint', () => {
    expect(fingerprintValue(undefined)).toBe(fingerprintValue(null));
  });
});

describe('applyAcceptance', () => {
  it('accepts exactly the pinned value and lists it in accepted', () => {
    const { report, accepted, stale } = applyAcceptance(
      driftReport(),
      [instanceType('t3.large', { until: '2027-01-01' })],
      NOW,
    );
    const web = report.changed.find((c) => c.address === 'aws_instance.web[1]');
    expect(web?.changes.map((c) => c.attribute)).toEqual(['tags.Owner']);
    expect(report.accepted).toEqual([
      {
        address: 'aws_instance.web[1]',
        attribute: 'instance_type',
        until: '2027-01-01',
        reason: 'agreed with the team',
      },
    ]);
    expect(accepted[0]?.entry.reason).toBe('agreed with the team');
    expect(report.summary).toMatchObject({ changed: 2, accepted: 1, coverage: 0.5, total: 4 });
    expect(stale).toEqual([]);
    expect(DriftReport.safeParse(report).success).toBe(true);
  });

  it('carries the reason and approver of the accepting entry to the JSON report and markdown', () => {
    const owner = entry({
      address: 'aws_instance.web[1]',
      attribute: 'tags.Owner',
      fingerprint: fingerprintValue('billing'),
      acceptedBy: 'octocat',
    });
    const billing = { ...owner, entry: { ...owner.entry, reason: 'Owner tag set by billing' } };
    const { report } = applyAcceptance(driftReport(), [billing], NOW);
    expect(report.accepted).toEqual([
      {
        address: 'aws_instance.web[1]',
        attribute: 'tags.Owner',
        reason: 'Owner tag set by billing',
        acceptedBy: 'octocat',
      },
    ]);
    const json = DriftReport.parse(JSON.parse(renderJson(report)));
    expect(json.accepted[0]).toMatchObject({
      reason: 'Owner tag set by billing',
      acceptedBy: 'octocat',
    });
    expect(renderMarkdown(report)).toContain(
      '| aws_instance.web[1] | tags.Owner | - | Owner tag set by billing | octocat |',
    );
  });

  it('keeps accepted items of an earlier pass as they are', () => {
    const earlier = { address: 'aws_instance.old', attribute: 'instance_type' };
    const { report } = applyAcceptance(driftReport({ accepted: [earlier] }), [], NOW);
    expect(report.accepted).toEqual([earlier]);
  });

  it('drops a changed resource once none of its changes is left', () => {
    const owner = entry({
      address: 'aws_instance.web[1]',
      attribute: 'tags.Owner',
      fingerprint: fingerprintValue('billing'),
    });
    const { report } = applyAcceptance(driftReport(), [instanceType('t3.large'), owner], NOW);
    expect(report.changed.map((c) => c.address)).toEqual(['aws_db_instance.main']);
    expect(report.summary.changed).toBe(1);
    expect(report.accepted.map((a) => a.attribute)).toEqual(['instance_type', 'tags.Owner']);
  });

  it('alarms again when the cloud value changed, and marks the entry stale', () => {
    const old = instanceType('t3.medium');
    const { report, stale } = applyAcceptance(driftReport(), [old], NOW);
    expect(report).toEqual(driftReport());
    expect(stale).toEqual([{ ...old, why: 'changed' }]);
  });

  it('stops accepting at the end of the until day, UTC', () => {
    const until = instanceType('t3.large', { until: '2026-11-22' });
    const lastMinute = applyAcceptance(driftReport(), [until], new Date('2026-11-22T23:59:59Z'));
    expect(lastMinute.report.accepted).toHaveLength(1);
    const after = applyAcceptance(driftReport(), [until], new Date('2026-11-23T00:00:00Z'));
    expect(after.report).toEqual(driftReport());
    expect(after.stale).toEqual([{ ...until, why: 'expired' }]);
  });

  it('stops accepting at the instant of an until date-time', () => {
    const until = instanceType('t3.large', { until: '2026-11-22T10:00:00+01:00' });
    expect(applyAcceptance(driftReport(), [until], NOW).stale[0]?.why).toBe('expired');
  });

  it('accepts an unmanaged resource as a whole, by <type>.<id>', () => {
    const sg = driftReport().unmanaged[0];
    if (sg === undefined) throw new Error('fixture');
    const { report } = applyAcceptance(
      driftReport(),
      [
        entry({
          kind: 'unmanaged',
          address: 'aws_security_group.sg-0a1b2c3d4e5f67890',
          fingerprint: unmanagedFingerprint(sg),
        }),
      ],
      NOW,
    );
    expect(report.unmanaged).toEqual([]);
    expect(report.accepted).toEqual([
      {
        address: 'aws_security_group.sg-0a1b2c3d4e5f67890',
        attribute: WHOLE_RESOURCE,
        reason: 'agreed with the team',
      },
    ]);
    // Accepting does not codify: coverage and total stay; what alarms goes down.
    expect(report.summary).toMatchObject({ unmanaged: 0, total: 4, managed: 2, coverage: 0.5 });
  });

  it('accepts a missing resource whose cloud id is the pinned one', () => {
    const subnet = driftReport().missing[0];
    if (subnet === undefined) throw new Error('fixture');
    const gone = entry({
      kind: 'missing',
      address: subnet.address,
      fingerprint: missingFingerprint(subnet),
    });
    expect(applyAcceptance(driftReport(), [gone], NOW).report.missing).toEqual([]);
    const other = driftReport({ missing: [{ ...subnet, id: 'subnet-0fedcba9876543210' }] });
    expect(applyAcceptance(other, [gone], NOW).report.missing).toHaveLength(1);
  });

  it('never accepts a sensitive cloud value, even with its fingerprint', () => {
    const password = entry({
      address: 'aws_db_instance.main',
      attribute: 'password',
      fingerprint: fingerprintValue('(sensitive)'),
    });
    const { report, stale } = applyAcceptance(driftReport(), [password], NOW);
    expect(report.changed.map((c) => c.address)).toContain('aws_db_instance.main');
    expect(report.accepted).toEqual([]);
    expect(stale).toEqual([{ ...password, why: 'sensitive' }]);
  });

  it('applies an entry to its own scope only', () => {
    const elsewhere = { ...instanceType('t3.large'), scope: 'aws/210987654321/eu-west-1' };
    const { report, stale } = applyAcceptance(driftReport(), [elsewhere], NOW);
    expect(report).toEqual(driftReport());
    // That scope was not scanned: unknown is not absent, so the entry is not stale.
    expect(stale).toEqual([]);
  });

  it('marks an entry resolved only when its scope was complete', () => {
    const gone = entry({
      address: 'aws_instance.old',
      attribute: 'instance_type',
      fingerprint: fingerprintValue('t3.large'),
    });
    expect(applyAcceptance(driftReport(), [gone], NOW).stale).toEqual([
      { ...gone, why: 'resolved' },
    ]);
    const incomplete = driftReport({ scopes: [{ scope: SCOPE, complete: false }] });
    expect(applyAcceptance(incomplete, [gone], NOW).stale).toEqual([]);
  });

  it('matches any address of a resource that several states hold', () => {
    const report = driftReport();
    const web = report.changed[1];
    if (web === undefined) throw new Error('fixture');
    const shared = driftReport({
      changed: [{ ...web, addresses: ['aws_instance.web[1]', 'module.b.aws_instance.web'] }],
    });
    const byOther = entry({
      address: 'module.b.aws_instance.web',
      attribute: 'instance_type',
      fingerprint: fingerprintValue('t3.large'),
    });
    const result = applyAcceptance(shared, [byOther], NOW);
    expect(result.report.accepted).toEqual([
      {
        address: 'aws_instance.web[1]',
        attribute: 'instance_type',
        reason: 'agreed with the team',
      },
    ]);
  });

  it('gives the same output for entries in any order', () => {
    const entries = [
      instanceType('t3.large'),
      instanceType('t3.small'),
      entry({ address: 'a.b', attribute: 'c', fingerprint: fingerprintValue(1) }),
      instanceType('t3.large', { until: '2027-01-01', reason: 'a duplicate' }),
    ];
    const forward = applyAcceptance(driftReport(), entries, NOW);
    const backward = applyAcceptance(driftReport(), [...entries].reverse(), NOW);
    expect(backward).toEqual(forward);
    expect(forward.stale.map((s) => [s.entry.address, s.why])).toEqual([
      ['a.b', 'resolved'],
      ['aws_instance.web[1]', 'changed'],
    ]);
  });
});
