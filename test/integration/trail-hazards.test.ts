import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../lib/model/index.js';
import { renderResource } from '../../lib/snapshot/render.js';
import { statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

function vpc(id: string): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::EC2::VPC',
    resourceId: id,
    accountId: ACCOUNT,
    awsRegion: REGION,
    tags: {},
    configuration: { VpcId: id, CidrBlock: '10.0.0.0/16' },
  };
}

/** A state v4 managing the given VPCs in the test account and region. */
function vpcState(ids: readonly string[]): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial: 1,
    lineage: 'b9b7a3c2-0000-4000-8000-000000000002',
    outputs: {},
    resources: ids.map((id, n) => ({
      mode: 'managed',
      type: 'aws_vpc',
      name: `v${n}`,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          schema_version: 1,
          attributes: {
            id,
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${id}`,
            cidr_block: '10.0.0.0/16',
            tags: {},
          },
          sensitive_attributes: [],
        },
      ],
    })),
  });
}

async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

describe('statetrail drift on a checkout with broken or hostile files', () => {
  it('reports the resource of an unparseable trail file as unknown, never missing, and names the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hazard-'));
    const good = renderResource(vpc('vpc-1'));
    const broken = `aws/${ACCOUNT}/${REGION}/ec2/vpc/vpc-2.yaml`;
    await writeTree(dir, {
      [`trail/${good.path}`]: good.bytes,
      [`trail/${broken}`]: 'resourceType: [\n',
      'main.tfstate': vpcState(['vpc-1', 'vpc-2']),
    });
    const run = await statetrail(
      ['drift', '--snapshot', 'trail', '--state', 'main.tfstate', '--format', 'json'],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.missing).toEqual([]);
    expect(report.scopes).toEqual([{ scope: `aws/${ACCOUNT}/${REGION}`, complete: false }]);
    expect(report.summary.managed).toBe(1);
    expect(run.stderr).toContain(broken);
    expect(run.stderr).toContain('counts as incomplete');
  });

  it('reads nothing through a top-level aws link that leads out of the checkout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hazard-'));
    const outside = renderResource(vpc('vpc-outside'));
    await writeTree(dir, {
      [`elsewhere/${outside.path}`]: outside.bytes,
      'trail/README.md': 'trail\n',
      'main.tfstate': vpcState([]),
    });
    await symlink(join(dir, 'elsewhere/aws'), join(dir, 'trail/aws'));
    const run = await statetrail(
      ['drift', '--snapshot', 'trail', '--state', 'main.tfstate', '--format', 'json'],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).unmanaged).toEqual([]);
    expect(run.stderr).toContain('Trail directory aws is a symbolic link');
  });
});
