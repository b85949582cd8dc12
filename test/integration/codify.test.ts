import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { freshTrailDir, simArgs, statetrail } from './scan-helpers.js';

// Untyped on purpose: see test/unit/codify/codify.test.ts.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (file: string, text: string) => Promise<Record<string, unknown>>;
};

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

describe('statetrail codify on a trail checkout', () => {
  let sim: AwsSim;
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
    await writeFile(
      join(dir, 'main.tfstate'),
      JSON.stringify({
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
      }),
    );
  });
  afterAll(async () => {
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

  it('exits 2 naming the flag when --state is missing', async () => {
    const run = await statetrail(['codify', '--snapshot', trail]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--state');
  });
});
