import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../lib/drift/schema.js';
import { DirStagingStore } from '../../../lib/pipeline/dir-staging-store.js';
import {
  mergeLatestDrift,
  publishLatestDrift,
  readLatestDrift,
  renderLatestDrift,
} from '../../../lib/pipeline/latest-drift.js';

const EU = 'aws/111111111111/eu-west-1';
const US = 'aws/111111111111/us-east-1';

/** A scope as the report carries it: given its managed and missing counts. */
interface ScopeGiven {
  scope: string;
  complete: boolean;
  managed?: number | undefined;
  missing?: number | undefined;
}

function report(
  generatedAt: string,
  given: ScopeGiven[],
  unmanaged: string[],
  managed: number,
  missing: string[] = [],
): DriftReport {
  const scopes = given.map(({ scope, complete, managed = 0, missing = 0 }) => {
    const inScope = unmanaged.filter((path) => path.startsWith(`${scope}/`)).length;
    const compared = managed + inScope + missing;
    return {
      scope,
      complete,
      managed,
      unmanaged: inScope,
      missing,
      coverage: compared === 0 ? 0 : managed / compared,
    };
  });
  return {
    version: 1,
    generatedAt,
    scopes,
    summary: {
      total: managed + unmanaged.length + missing.length,
      managed,
      unmanaged: unmanaged.length,
      missing: missing.length,
      changed: 0,
      managedElsewhere: 0,
      accepted: 0,
      coverage: 0,
    },
    unmanaged: unmanaged.map((path) => ({
      type: 'aws_security_group',
      id: path.split('/').at(-1) ?? path,
      resourceType: 'AWS::EC2::SecurityGroup',
      path,
    })),
    missing: missing.map((id) => ({
      address: `aws_subnet.${id}`,
      type: 'aws_subnet',
      id,
      state: 's3://b/k',
    })),
    changed: [],
    managedElsewhere: [],
    accepted: [],
  };
}

const whole = report(
  '2026-12-07T10:00:00Z',
  [
    { scope: EU, complete: true, managed: 4, missing: 1 },
    { scope: US, complete: true, managed: 2 },
  ],
  [`${EU}/ec2/securitygroup/sg-eu1.yaml`, `${US}/ec2/securitygroup/sg-us1.yaml`],
  6,
  ['subnet-old'],
);
// A narrowed scan (`POST /scans` with regions: [us-east-1]) that also failed nothing.
const usOnly = report(
  '2026-12-07T11:00:00Z',
  [{ scope: US, complete: true, managed: 2 }],
  [`${US}/ec2/securitygroup/sg-us2.yaml`],
  2,
);

describe('the latest drift report', () => {
  it("is one scan's report, summary and all, while that scan provides every scope", () => {
    const merged = renderLatestDrift(mergeLatestDrift(undefined, 'scan-1', whole));
    expect(merged).toEqual({ ...whole, summary: { ...whole.summary, coverage: 6 / 9 } });
  });

  it('takes each scope from the latest scan that completed it, keeping the others', () => {
    const latest = mergeLatestDrift(mergeLatestDrift(undefined, 'scan-1', whole), 'scan-2', usOnly);
    const merged = renderLatestDrift(latest);
    expect(merged.generatedAt).toBe('2026-12-07T11:00:00Z');
    expect(merged.scopes).toEqual([
      { scope: EU, complete: true, managed: 4, unmanaged: 1, missing: 1, coverage: 4 / 6 },
      { scope: US, complete: true, managed: 2, unmanaged: 1, missing: 0, coverage: 2 / 3 },
    ]);
    // eu-west-1 still from scan-1; us-east-1 now from scan-2: sg-us1 is gone, sg-us2 is new.
    expect(merged.unmanaged.map((e) => e.id)).toEqual(['sg-eu1.yaml', 'sg-us2.yaml']);
    // scan-1 still provides eu-west-1: its missing entries and that scope's managed count stay.
    expect(merged.missing.map((e) => e.id)).toEqual(['subnet-old']);
    expect(merged.summary).toMatchObject({ managed: 4 + 2, unmanaged: 2, missing: 1 });
  });

  it("keeps a scope's earlier result when a later scan could not complete it (unknown is not empty)", () => {
    const failed = report('2026-12-07T12:00:00Z', [{ scope: EU, complete: false }], [], 0);
    const latest = mergeLatestDrift(mergeLatestDrift(undefined, 'scan-1', whole), 'scan-3', failed);
    expect(Object.keys(latest.reports)).toEqual(['scan-1']);
    expect(renderLatestDrift(latest).unmanaged).toHaveLength(2);
  });

  it('drops a report once no scope takes its result from it', () => {
    const again = report('2026-12-07T13:00:00Z', whole.scopes, [], 9);
    const latest = mergeLatestDrift(mergeLatestDrift(undefined, 'scan-1', whole), 'scan-4', again);
    expect(Object.keys(latest.reports)).toEqual(['scan-4']);
    expect(renderLatestDrift(latest).missing).toEqual([]);
  });

  it('reports a scope never completed as incomplete, with nothing in it', () => {
    const first = report('2026-12-07T10:00:00Z', [{ scope: EU, complete: false }], [], 0);
    const merged = renderLatestDrift(mergeLatestDrift(undefined, 'scan-1', first));
    expect(merged.scopes).toEqual([
      { scope: EU, complete: false, managed: 0, unmanaged: 0, missing: 0, coverage: 0 },
    ]);
    expect(merged.summary.total).toBe(0);
  });

  it('is published in the staging store, folding the same report twice harmlessly', async () => {
    const staging = new DirStagingStore({ root: await mkdtemp(join(tmpdir(), 'latest-')) });
    expect(await readLatestDrift(staging)).toBeUndefined();
    await publishLatestDrift(staging, 'scan-1', whole);
    await publishLatestDrift(staging, 'scan-2', usOnly);
    const once = await readLatestDrift(staging);
    await publishLatestDrift(staging, 'scan-2', usOnly);
    expect(await readLatestDrift(staging)).toEqual(once);
  });
});
