import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Resource } from '../../lib/model/index.js';
import { renderResource } from '../../lib/snapshot/render.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import {
  commitCount,
  freshTrailDir,
  git,
  scopeStatuses,
  simArgs,
  statetrail,
} from './scan-helpers.js';

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
    expect(scopeStatuses(report)).toEqual([{ scope: `aws/${ACCOUNT}/${REGION}`, complete: false }]);
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

describe('statetrail drift with a state past the limits', () => {
  it('says a deeply nested state is too deep and a huge one too large, each with its limit, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hazard-'));
    const good = renderResource(vpc('vpc-1'));
    const tags = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    await writeTree(dir, {
      [`trail/${good.path}`]: good.bytes,
      'deep.tfstate': vpcState(['vpc-1']).replace('"tags":{}', `"tags":${tags}`),
      'huge.tfstate': '',
    });
    await truncate(join(dir, 'huge.tfstate'), 300 * 1024 * 1024);
    const run = await statetrail(
      ['drift', '--snapshot', 'trail', '--state', 'deep.tfstate', '--state', 'huge.tfstate'],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('deep.tfstate is nested too deeply: more than 512 levels');
    expect(run.stderr).toContain(
      'huge.tfstate is too large: 300 MiB (statetrail reads states up to 256 MiB)',
    );
    expect(run.stderr).not.toContain('Cannot read Terraform state');
  });
});

describe('statetrail scan into a messy checkout', () => {
  let sim: AwsSim;
  let trail: string;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.faults.clear();
    sim.world.accounts = sampleWorld().accounts;
    trail = await freshTrailDir();
  });

  /** Opens SSH on the web group by hand: the next scan changes exactly that group's file. */
  function changeWebGroup(): string {
    const web = ec2Region(sim.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    web?.IpPermissions?.push({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '203.0.113.7/32' }],
    });
    return `aws/${ACCOUNT}/${REGION}/ec2/securitygroup/${web?.GroupId}.yaml`;
  }

  it('refuses with exit 2 before committing over a local edit of a file the scan changes, and keeps it', async () => {
    expect((await statetrail(simArgs(sim.url, trail))).code).toBe(0);
    const head = git(trail, 'rev-parse', 'HEAD');
    const path = changeWebGroup();
    await writeFile(join(trail, path), 'my own notes\n');
    const run = await statetrail(simArgs(sim.url, trail));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`has local changes on 1 path(s) this scan writes: ${path}`);
    expect(run.stderr).toContain('stash');
    expect(git(trail, 'rev-parse', 'HEAD')).toBe(head);
    expect(await readFile(join(trail, path), 'utf8')).toBe('my own notes\n');
  });

  it('finishes after a killed scan: its stale lock and index lock go, and the work tree equals HEAD', async () => {
    expect((await statetrail(simArgs(sim.url, trail))).code).toBe(0);
    const first = git(trail, 'rev-parse', 'HEAD');
    const path = changeWebGroup();
    // The killed scan had moved the branch to its commit; index and files stayed behind.
    const before = await readFile(join(trail, path));
    expect((await statetrail(simArgs(sim.url, trail))).code).toBe(0);
    const second = git(trail, 'rev-parse', 'HEAD');
    git(trail, 'read-tree', '-u', '--reset', first);
    expect(await readFile(join(trail, path))).toEqual(before);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(
      join(trail, '.git/statetrail.lock'),
      JSON.stringify({ pid: gone, host: hostname(), from: first, to: second }),
    );
    await writeFile(join(trail, '.git/index.lock'), '');
    git(trail, 'update-ref', 'refs/statetrail/pending/killed', second);
    const run = await statetrail(simArgs(sim.url, trail));
    expect(run.code).toBe(0);
    expect(git(trail, 'status', '--porcelain')).toBe('');
    expect(git(trail, 'rev-parse', 'HEAD')).toBe(second);
    expect(git(trail, 'for-each-ref', 'refs/statetrail/')).toBe('');
    expect(existsSync(join(trail, '.git/statetrail.lock'))).toBe(false);
  });

  it("refuses with exit 2 while git's index.lock is held, naming it", async () => {
    expect((await statetrail(simArgs(sim.url, trail))).code).toBe(0);
    changeWebGroup();
    await writeFile(join(trail, '.git/index.lock'), '');
    const run = await statetrail(simArgs(sim.url, trail));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('index.lock exists');
    expect(commitCount(trail)).toBe(1);
  });

  it('names a stale branch lock, not a moved branch', async () => {
    expect((await statetrail(simArgs(sim.url, trail))).code).toBe(0);
    changeWebGroup();
    await writeFile(join(trail, '.git/refs/heads/main.lock'), '');
    const run = await statetrail(simArgs(sim.url, trail));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refs/heads/main.lock exists');
    expect(run.stderr).not.toContain('moved');
  });

  it('makes no commit when a first scan into an empty directory collected nothing', async () => {
    sim.faults.deny({ service: 'ec2', action: '*' });
    const run = await statetrail(simArgs(sim.url, trail));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no scope could be scanned');
    expect(spawnSync('git', ['rev-parse', '--verify', '-q', 'main'], { cwd: trail }).status).toBe(
      1,
    );
  });

  it('names a dangling --trail link and the fix, with exit 2', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'hazard-'));
    await symlink(join(parent, 'nowhere'), join(parent, 'trail'));
    const run = await statetrail(simArgs(sim.url, join(parent, 'trail')));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a symbolic link to a path that does not exist');
    expect(run.stderr).not.toContain('unexpected');
  });

  it("names git's dubious-ownership refusal and safe.directory, with exit 2", async () => {
    expect((await statetrail(simArgs(sim.url, trail))).code).toBe(0);
    vi.stubEnv('GIT_TEST_ASSUME_DIFFERENT_OWNER', '1');
    try {
      const run = await statetrail(simArgs(sim.url, trail));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('dubious ownership');
      expect(run.stderr).toContain(`git config --global --add safe.directory ${trail}`);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('statetrail scan --config with a mistake', () => {
  async function scanWithConfig(name: string, text: string) {
    const dir = await mkdtemp(join(tmpdir(), 'hazard-'));
    await writeFile(join(dir, name), text);
    return statetrail(['scan', '--config', name, '--trail', 'trail'], { cwd: dir });
  }

  it('refuses an endpoint for an unknown service with exit 2, like --endpoint does', async () => {
    const run = await scanWithConfig(
      'c.yaml',
      'aws:\n  regions: [eu-west-1]\n  endpoints: { ec3: "http://127.0.0.1:1" }\n',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('aws.endpoints.ec3: unknown service ec3 (one of ec2,');
  });

  it('says to quote an unquoted account id, with exit 2', async () => {
    const run = await scanWithConfig(
      'c.yaml',
      'aws:\n  regions: [eu-west-1]\nterraform:\n  states: [{ location: a.tfstate, accountId: 123456789012 }]\n',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'terraform.states.0.accountId: account ids are 12-digit strings: quote it',
    );
  });

  it('names a duplicate key of a JSON config and its line, with exit 2', async () => {
    const run = await scanWithConfig(
      'c.json',
      '{\n  "aws": { "regions": ["eu-west-1"] },\n  "aws": { "regions": [] }\n}\n',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('c.json: duplicate key "aws" at line 3; keep one of them');
  });
});
