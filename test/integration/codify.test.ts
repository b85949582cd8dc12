import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { type S3rverFixture, startS3rver } from '../sim/s3/s3rver.js';
import { freshTrailDir, SAMPLE_KEY, simArgs, statetrail } from './scan-helpers.js';

// Untyped on purpose: see test/unit/codify/codify.test.ts.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (file: string, text: string) => Promise<Record<string, unknown>>;
};

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

describe('statetrail codify on a trail checkout', () => {
  let sim: AwsSim;
  let s3: S3rverFixture;
  let trail: string;
  let dir: string;
  let vpcId: string;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    trail = await freshTrailDir();
    dir = await mkdtemp(join(tmpdir(), 'codify-it-'));
    await statetrail(simArgs(sim.url, trail));
    const vpc = ec2Region(sim.world, ACCOUNT, REGION).vpcs[0];
    vpcId = String(vpc?.VpcId);
    const state = JSON.stringify({
      version: 4,
      terraform_version: '1.9.5',
      serial: 1,
      lineage: 'b9b7a3c2-0000-4000-8000-000000000002',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'aws_vpc',
          name: 'main',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 1,
              attributes: { id: vpcId, cidr_block: vpc?.CidrBlock },
              sensitive_attributes: [],
            },
          ],
        },
      ],
    });
    await writeFile(join(dir, 'main.tfstate'), state);
    s3 = await startS3rver(['tf-states'], { acceptAccessKeys: [SAMPLE_KEY.accessKeyId] });
    await s3.client.send(
      new PutObjectCommand({ Bucket: 'tf-states', Key: 'env/main.tfstate', Body: state }),
    );
  });
  afterAll(async () => {
    await s3.close();
    await sim.close();
  });

  it('writes imports.tf for the unmanaged resources, referencing the managed VPC', async () => {
    const out = join(dir, 'out');
    const run = await statetrail([
      'codify',
      '--snapshot',
      trail,
      '--state',
      join(dir, 'main.tfstate'),
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(join(out, 'imports.tf'), 'utf8');
    const parsed = (await parse('imports.tf', text)) as {
      import: { to: string; id: string }[];
      resource: Record<string, Record<string, unknown>>;
    };
    const ids = parsed.import.map((entry) => entry.id);
    // The managed VPC is not imported again; the resources in it point at its address.
    expect(ids).not.toContain(vpcId);
    expect(Object.keys(parsed.resource)).toContain('aws_subnet');
    expect(text).toMatch(/vpc_id\s+= aws_vpc\.main\.id/);
    expect(run.stdout).toContain(`${parsed.import.length} imports`);
  });

  it('reads an s3:// state as drift does, to the same imports.tf', async () => {
    const local = join(dir, 'local');
    const remote = join(dir, 'remote');
    await statetrail([
      'codify',
      '--snapshot',
      trail,
      '--state',
      join(dir, 'main.tfstate'),
      '--out',
      local,
    ]);
    const run = await statetrail([
      'codify',
      '--snapshot',
      trail,
      '--state',
      's3://tf-states/env/',
      '--endpoint',
      `s3=${s3.url}`,
      '--out',
      remote,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(join(remote, 'imports.tf'), 'utf8');
    expect(text).toMatch(/vpc_id\s+= aws_vpc\.main\.id/);
    expect(text).toBe(await readFile(join(local, 'imports.tf'), 'utf8'));
  });

  it('names the s3:// state it could not read, and exits 2', async () => {
    const run = await statetrail([
      'codify',
      '--snapshot',
      trail,
      '--state',
      's3://tf-states/nothing-here.tfstate',
      '--endpoint',
      `s3=${s3.url}`,
      '--out',
      join(dir, 'none'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('s3://tf-states/nothing-here.tfstate');
  });

  it('exits 2 naming the flag when --state is missing', async () => {
    const run = await statetrail(['codify', '--snapshot', trail]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--state');
  });
});
