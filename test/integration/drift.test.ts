import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAcceptedFile } from '../../lib/drift/accept-file.js';
import { acceptanceEntriesFor } from '../../lib/drift/accept-propose.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { freshTrailDir, simArgs, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

/** A Terraform state v4 document with the given managed instances at the root module. */
function tfstate(resources: { type: string; name: string; attributes: Record<string, unknown> }[]) {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial: 7,
    lineage: 'b9b7a3c2-0000-4000-8000-000000000001',
    outputs: {},
    resources: resources.map(({ type, name, attributes }) => ({
      mode: 'managed',
      type,
      name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 1, attributes, sensitive_attributes: [] }],
    })),
  });
}

describe('statetrail drift on a trail checkout', () => {
  let sim: AwsSim;
  let trail: string;
  let dir: string;
  const canary = `hunter2-${'S3cr3t'.repeat(3)}`;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    trail = await freshTrailDir();
    dir = await mkdtemp(join(tmpdir(), 'drift-it-'));
    await statetrail(simArgs(sim.url, trail));
    const world = ec2Region(sim.world, ACCOUNT, REGION);
    const vpc = world.vpcs[0];
    const web = world.securityGroups.find((g) => g.GroupName === 'web');
    await writeFile(
      join(dir, 'good.tfstate'),
      tfstate([
        {
          type: 'aws_vpc',
          name: 'main',
          attributes: {
            id: vpc?.VpcId,
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${vpc?.VpcId}`,
            cidr_block: vpc?.CidrBlock,
            tags: Object.fromEntries((vpc?.Tags ?? []).map((t) => [t.Key, t.Value])),
          },
        },
        {
          type: 'aws_security_group',
          name: 'web',
          attributes: {
            id: web?.GroupId,
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${web?.GroupId}`,
            name: 'web',
            description: 'what the code says, not what the cloud has',
            vpc_id: web?.VpcId,
          },
        },
        {
          type: 'aws_instance',
          name: 'gone',
          attributes: {
            id: 'i-0000000000000dead',
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0000000000000dead`,
            instance_type: 't3.micro',
            password: canary,
          },
        },
      ]),
    );
    await writeFile(join(dir, 'bad.tfstate'), '{"version": 3, "serial": 1}');
  });
  afterAll(async () => {
    await sim.close();
  });

  /** `statetrail drift` of a checkout against the good state, as JSON. */
  const driftJson = (checkout: string) =>
    statetrail([
      'drift',
      '--snapshot',
      checkout,
      '--state',
      join(dir, 'good.tfstate'),
      '--format',
      'json',
    ]);

  it('reports changed, missing and unmanaged resources and exits 1', async () => {
    const run = await driftJson(trail);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.version).toBe(1);
    expect(report.scopes).toContainEqual(
      expect.objectContaining({
        scope: `aws/${ACCOUNT}/${REGION}`,
        complete: true,
        managed: report.summary.managed,
        unmanaged: report.summary.unmanaged,
        missing: report.summary.missing,
      }),
    );
    expect(report.missing).toEqual([
      expect.objectContaining({ address: 'aws_instance.gone', id: 'i-0000000000000dead' }),
    ]);
    expect(report.changed).toEqual([
      expect.objectContaining({
        address: 'aws_security_group.web',
        changes: [expect.objectContaining({ attribute: 'description' })],
      }),
    ]);
    expect(report.unmanaged.length).toBeGreaterThan(5);
    expect(report.unmanaged.map((u: { type: string }) => u.type)).not.toContain('aws_vpc');
    expect(report.managedElsewhere.length).toBeGreaterThan(0);
    expect(report.summary.managed).toBe(2);
  });

  it('never shows a sensitive value, in any format', async () => {
    for (const format of ['console', 'json', 'markdown']) {
      const run = await statetrail([
        'drift',
        '--snapshot',
        trail,
        '--state',
        dir,
        '--format',
        format,
      ]);
      expect(run.stdout).not.toContain(canary);
      expect(run.stderr).not.toContain(canary);
    }
  });

  it('names a malformed state, still compares the good one, and exits 2', async () => {
    const run = await statetrail([
      'drift',
      '--snapshot',
      trail,
      '--state',
      dir,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(dir, 'bad.tfstate'));
    expect(run.stderr).toContain('version 3');
    expect(JSON.parse(run.stdout).missing).toHaveLength(1);
  });

  it('drops ignored resources, and reads .statetrailignore by default', async () => {
    await writeFile(join(trail, '.statetrailignore'), '# no alarms for these\naws_instance.*\n');
    const run = await driftJson(trail);
    const report = JSON.parse(run.stdout);
    expect(report.missing).toEqual([]);
    expect(report.unmanaged.map((u: { type: string }) => u.type)).not.toContain('aws_instance');
  });

  it('compares during a scan with --state, exits 1 on drift, and keeps committing the trail', async () => {
    const scanTrail = await freshTrailDir();
    const run = await statetrail(
      simArgs(sim.url, scanTrail, '--state', join(dir, 'good.tfstate'), '--format', 'json'),
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(report.drift.missing).toEqual([
      expect.objectContaining({ address: 'aws_instance.gone' }),
    ]);
    expect(report.drift.changed).toEqual([
      expect.objectContaining({ address: 'aws_security_group.web' }),
    ]);
    expect(report.stateErrors).toEqual([]);
    expect(run.stdout).not.toContain(canary);
  });

  it('prints the drift table after the scan summary on the console', async () => {
    const run = await statetrail(
      simArgs(sim.url, await freshTrailDir(), '--state', join(dir, 'good.tfstate')),
    );
    expect(run.stdout).toMatch(/Committed [0-9a-f]{12}/);
    expect(run.stdout).toContain('aws_instance.gone');
  });

  it('stops alarming on exactly the accepted value, and alarms again when it changes', async () => {
    const checkout = await freshTrailDir();
    await statetrail(simArgs(sim.url, checkout));
    const before = JSON.parse((await driftJson(checkout)).stdout);
    const onlyChanged = { ...before, missing: [], unmanaged: [] };
    const { files } = acceptanceEntriesFor(onlyChanged, {
      reason: 'description set by hand, fine',
    });
    for (const file of files) {
      await mkdir(join(checkout, '.statetrail/accepted'), { recursive: true });
      await writeFile(join(checkout, file.path), formatAcceptedFile(file.entries));
    }
    const accepted = JSON.parse((await driftJson(checkout)).stdout);
    expect(accepted.changed).toEqual([]);
    expect(accepted.accepted).toEqual([
      expect.objectContaining({ address: 'aws_security_group.web', attribute: 'description' }),
    ]);
    expect(accepted.missing).toHaveLength(1);

    const web = ec2Region(sim.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    const original = web?.Description;
    if (web) web.Description = 'changed again by hand';
    await statetrail(simArgs(sim.url, checkout));
    const again = JSON.parse((await driftJson(checkout)).stdout);
    expect(again.changed).toEqual([expect.objectContaining({ address: 'aws_security_group.web' })]);
    expect(again.accepted).toEqual([]);
    // Later tests expect the sample world as it was.
    if (web) web.Description = original;
  });

  it('rejects a missing snapshot directory with exit 2', async () => {
    const run = await statetrail(['drift', '--snapshot', join(dir, 'nope'), '--state', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a directory');
  });
});
