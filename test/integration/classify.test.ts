import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { freshTrailDir, git, simArgs, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const BASE = `aws/${ACCOUNT}/${REGION}/ec2`;

describe('commit classes: explained, drift, unverified', () => {
  let sim: AwsSim;
  let trail: string;
  let stateFile: string;

  function region() {
    return ec2Region(sim.world, ACCOUNT, REGION);
  }

  async function writeState(serial: number, webDescription?: string) {
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    const vpc = region().vpcs[0];
    const instance = (type: string, name: string, attributes: Record<string, unknown>) => ({
      mode: 'managed',
      type,
      name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 1, attributes, sensitive_attributes: [] }],
    });
    await writeFile(
      stateFile,
      JSON.stringify({
        version: 4,
        terraform_version: '1.9.5',
        serial,
        lineage: 'c0ffee00-0000-4000-8000-000000000002',
        outputs: {},
        resources: [
          instance('aws_security_group', 'web', {
            id: web?.GroupId,
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${web?.GroupId}`,
            name: web?.GroupName,
            description: webDescription ?? web?.Description,
            vpc_id: web?.VpcId,
          }),
          instance('aws_vpc', 'main', {
            id: vpc?.VpcId,
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${vpc?.VpcId}`,
            cidr_block: vpc?.CidrBlock,
          }),
        ],
      }),
    );
  }

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    trail = await freshTrailDir();
    stateFile = join(await mkdtemp(join(tmpdir(), 'classify-')), 'net.tfstate');
    await writeState(7);
    await statetrail(simArgs(sim.url, trail, '--state', stateFile));
  });
  afterAll(async () => {
    await sim.close();
  });

  it('records the states as fingerprints with the first commit, never attribute values', async () => {
    const record = git(trail, 'show', 'HEAD:.statetrail/terraform.json');
    expect(JSON.parse(record).states[stateFile]).toMatchObject({ serial: 7 });
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    expect(record).not.toContain(String(web?.Description));
  });

  it('explains a change Terraform made between two serials, naming the serial', async () => {
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    if (web) web.Description = 'web servers, v2';
    await writeState(8);
    const run = await statetrail(simArgs(sim.url, trail, '--state', stateFile, '--format', 'json'));
    expect(JSON.parse(run.stdout).classes).toEqual({ explained: 1, drift: 0, unverified: 0 });
    const message = git(trail, 'log', '-1', '--format=%B');
    expect(message).toContain(
      'scan: 0 added, 1 changed, 0 removed (0 drift, 1 explained, 0 unverified)',
    );
    expect(message).toContain(
      `M ${BASE}/securitygroup/${web?.GroupId}.yaml [explained: aws_security_group.web, serial 8]`,
    );
    expect(message).toContain(`State-Serial: ${stateFile} 8`);
  });

  it('calls a hand-made change to an unmanaged resource drift', async () => {
    const db = region().securityGroups.find((g) => g.GroupName === 'db');
    if (db) db.Description = 'edited in the console';
    const run = await statetrail(simArgs(sim.url, trail, '--state', stateFile, '--format', 'json'));
    expect(run.code).toBe(1);
    expect(git(trail, 'log', '-1', '--format=%B')).toContain(
      `M ${BASE}/securitygroup/${db?.GroupId}.yaml [drift]`,
    );
  });

  it('calls a change to an attribute Terraform does not compare unverified', async () => {
    const vpc = region().vpcs[0];
    if (vpc) vpc.DhcpOptionsId = 'dopt-0000000000000beef';
    await statetrail(simArgs(sim.url, trail, '--state', stateFile));
    expect(git(trail, 'log', '-1', '--format=%B')).toContain(
      `M ${BASE}/vpc/${vpc?.VpcId}.yaml [unverified]`,
    );
  });

  it('calls a hand-made change to a managed resource drift, even when the serial moved', async () => {
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    const codified = String(web?.Description);
    if (web) web.Description = 'changed by hand after apply';
    await writeState(9, codified);
    const run = await statetrail(simArgs(sim.url, trail, '--state', stateFile, '--format', 'json'));
    expect(JSON.parse(run.stdout).classes).toEqual({ explained: 0, drift: 1, unverified: 0 });
    expect(git(trail, 'log', '-1', '--format=%B')).toContain(
      `M ${BASE}/securitygroup/${web?.GroupId}.yaml [drift]`,
    );
  });
});
