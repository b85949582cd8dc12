import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { typeDirectory } from '../../lib/model/index.js';
import { FORMAT_VERSION } from '../../lib/snapshot/format.js';
import { collectorsFor } from '../../lib/sources/aws/registry.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, instancesOf, sampleWorld } from '../sim/aws/world.js';
import {
  commitCount,
  freshTrailDir,
  git,
  SAMPLE_KEY,
  simArgs,
  statetrail,
} from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const BASE = `aws/${ACCOUNT}/${REGION}/ec2`;

describe('statetrail scan against the simulated EC2', () => {
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
    sim.resetCalls();
    sim.world.accounts = sampleWorld().accounts;
    trail = await freshTrailDir();
  });

  function region() {
    return ec2Region(sim.world, ACCOUNT, REGION);
  }

  it('commits every resource of a first scan, one file each, and the scan record', async () => {
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));
    // Not a terminal: progress comes as plain lines, one per target.
    expect(run.stderr).toBe('collected 1/1: aws-caller-eu-west-1-ec2\n');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toEqual([]);
    const world = region();
    const files = git(trail, 'ls-files').split('\n').sort();
    expect(files).toEqual(
      expect.arrayContaining([
        '.statetrail/scan.json',
        ...instancesOf(world).map((i) => `${BASE}/instance/${i.InstanceId}.yaml`),
        ...world.securityGroups.map((g) => `${BASE}/securitygroup/${g.GroupId}.yaml`),
        ...world.vpcs.map((v) => `${BASE}/vpc/${v.VpcId}.yaml`),
        ...world.subnets.map((s) => `${BASE}/subnet/${s.SubnetId}.yaml`),
        ...world.routeTables.map((t) => `${BASE}/routetable/${t.RouteTableId}.yaml`),
      ]),
    );
    expect(files).toHaveLength(report.resources + 1);
    expect(report.added).toBe(report.resources);
    expect(commitCount(trail)).toBe(1);
    expect(git(trail, 'log', '-1', '--format=%s')).toBe(
      `scan: ${report.resources} added, 0 changed, 0 removed`,
    );
    const record = JSON.parse(await readFile(join(trail, '.statetrail/scan.json'), 'utf8'));
    const scopes = collectorsFor('ec2').map(
      (c) => `aws/${ACCOUNT}/${REGION}/${typeDirectory(c.resourceType)}`,
    );
    expect(record).toEqual({
      version: 1,
      format: FORMAT_VERSION,
      scopes: Object.fromEntries(scopes.sort().map((scope) => [scope, { complete: true }])),
    });
  });

  it('writes a 255-character key pair name, and keeps the scope of a nameless one incomplete with a warning', async () => {
    const long = `Key${'k'.repeat(252)}`;
    region().keyPairs.push(
      { KeyPairId: 'key-0a1b2c3d4e5f60001', KeyName: long, KeyType: 'rsa' },
      { KeyPairId: 'key-0a1b2c3d4e5f60002', KeyType: 'rsa' },
    );
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'malformed',
        operation: 'write trail file',
        message: expect.stringContaining(
          'AWS::EC2::KeyPair "" (arn:aws:ec2:eu-west-1:111111111111:key-pair/key-0a1b2c3d4e5f60002) not written',
        ),
      }),
    ]);
    const keyFiles = git(trail, 'ls-files', `${BASE}/keypair`).split('\n');
    const longFile = keyFiles.find((f) => f.includes('Keykkk'));
    expect(longFile?.split('/').at(-1)).toMatch(/^Keyk{230}~[0-9a-f]{16}\.yaml$/);
    expect(parse(await readFile(join(trail, longFile ?? ''), 'utf8')).resourceId).toBe(long);
    const record = JSON.parse(await readFile(join(trail, '.statetrail/scan.json'), 'utf8'));
    expect(record.scopes[`${BASE}/keypair`]).toEqual({ complete: false });
  });

  it('writes the SDK object as configuration inside the AWS Config-like envelope', async () => {
    await statetrail(simArgs(sim.url, trail));
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    const file = parse(
      await readFile(join(trail, `${BASE}/securitygroup/${web?.GroupId}.yaml`), 'utf8'),
    );
    expect(file).toMatchObject({
      schemaVersion: 1,
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: web?.GroupId,
      accountId: ACCOUNT,
      awsRegion: REGION,
      resourceName: 'web',
      configuration: { GroupId: web?.GroupId, GroupName: 'web', VpcId: web?.VpcId },
    });
    expect(file.arn).toBe(`arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${web?.GroupId}`);
  });

  it('makes no commit when nothing changed', async () => {
    await statetrail(simArgs(sim.url, trail));
    const run = await statetrail(simArgs(sim.url, trail));
    expect(run.code).toBe(0);
    expect(commitCount(trail)).toBe(1);
    expect(run.stdout).toContain('No change: nothing committed');
  });

  it('makes no commit when only volatile fields changed', async () => {
    await statetrail(simArgs(sim.url, trail));
    for (const instance of instancesOf(region())) {
      instance.State = { Code: 80, Name: 'stopped' };
      instance.LaunchTime = new Date('2030-01-01T00:00:00Z');
    }
    for (const subnet of region().subnets) subnet.AvailableIpAddressCount = 7;
    await statetrail(simArgs(sim.url, trail));
    expect(commitCount(trail)).toBe(1);
  });

  it('commits a changed security group as one commit touching exactly its file', async () => {
    await statetrail(simArgs(sim.url, trail));
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    web?.IpPermissions?.push({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'ssh by hand' }],
    });
    const run = await statetrail(simArgs(sim.url, trail));
    expect(run.code).toBe(0);
    expect(commitCount(trail)).toBe(2);
    expect(git(trail, 'show', '--name-status', '--format=', 'HEAD')).toBe(
      `M\t${BASE}/securitygroup/${web?.GroupId}.yaml`,
    );
    expect(git(trail, 'log', '-1', '--format=%B')).toContain(
      `${BASE}/securitygroup: 0 added, 1 changed, 0 removed`,
    );
    expect(git(trail, 'show', 'HEAD')).toContain('203.0.113.7/32');
  });

  it('removes the file of a resource that is gone from a scope that completed', async () => {
    await statetrail(simArgs(sim.url, trail));
    const gone = region().subnets.pop();
    await statetrail(simArgs(sim.url, trail));
    expect(git(trail, 'show', '--name-status', '--format=', 'HEAD')).toBe(
      `D\t${BASE}/subnet/${gone?.SubnetId}.yaml`,
    );
  });

  it('keeps the previous security-group files when DescribeSecurityGroups is denied', async () => {
    await statetrail(simArgs(sim.url, trail));
    const before = git(trail, 'ls-files', `${BASE}/securitygroup`);
    region().securityGroups.pop();
    region().subnets.pop();
    sim.faults.deny({ action: 'DescribeSecurityGroups' });
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.scopes).toContainEqual({ scope: `${BASE}/securitygroup`, complete: false });
    expect(report.scopes).toContainEqual({ scope: `${BASE}/subnet`, complete: true });
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'denied', operation: 'ec2:DescribeSecurityGroups' }),
    ]);
    expect(git(trail, 'ls-files', `${BASE}/securitygroup`)).toBe(before);
    // The incomplete scope is news once: the notification ledger records it with the scan.
    expect(git(trail, 'show', '--name-status', '--format=', 'HEAD').split('\n').sort()).toEqual([
      'A\t.statetrail/notified.json',
      expect.stringMatching(/^D\t.*\/subnet\//),
      'M\t.statetrail/scan.json',
    ]);
    const record = JSON.parse(await readFile(join(trail, '.statetrail/scan.json'), 'utf8'));
    expect(record.scopes[`${BASE}/securitygroup`]).toEqual({ complete: false });
  });

  it('keeps every previous file of a region whose EC2 calls are all denied', async () => {
    await statetrail(simArgs(sim.url, trail));
    const before = git(trail, 'ls-files', BASE);
    region().securityGroups.pop();
    region().subnets.pop();
    sim.faults.deny({ service: 'ec2', action: '*' });
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.scopes.length).toBeGreaterThan(10);
    expect(report.scopes.every((s: { complete: boolean }) => !s.complete)).toBe(true);
    expect(git(trail, 'ls-files', BASE)).toBe(before);
    expect(run.stderr).toContain('no scope could be scanned');
  });

  it('recovers within the retry budget when every call is throttled once', async () => {
    await statetrail(simArgs(sim.url, trail));
    const actions = [...new Set(sim.calls.map((c) => c.action))];
    expect(actions.length).toBeGreaterThan(15);
    sim.resetCalls();
    for (const action of actions) sim.faults.throttle({ action, count: 1 });
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).warnings).toEqual([]);
    expect(sim.calls.filter((c) => c.fault === 'throttle')).toHaveLength(actions.length);
    expect(commitCount(trail)).toBe(1);
  });

  it('exits 2 with --strict when a scope is incomplete, and says which', async () => {
    sim.faults.deny({ action: 'DescribeSecurityGroups' });
    const run = await statetrail(simArgs(sim.url, trail, '--strict'));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`incomplete: ${BASE}/securitygroup`);
  });

  it('completes when a few calls are throttled', async () => {
    sim.faults.throttle({ action: 'DescribeInstances', count: 2 });
    sim.faults.throttle({ action: 'DescribeSecurityGroups', count: 3 });
    sim.faults.throttle({ action: 'GetCallerIdentity', count: 1 });
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toEqual([]);
    expect(report.scopes.every((s: { complete: boolean }) => s.complete)).toBe(true);
  });

  it('always paginates with the largest page each API allows', async () => {
    await statetrail(simArgs(sim.url, trail));
    const calls = sim.calls.filter((c) => c.service === 'ec2');
    // Pageable calls say whether they were paginated; none may ask for everything at once.
    expect(calls.filter((c) => c.paginated === false)).toEqual([]);
    const pageSize = (action: string) =>
      calls.find((c) => c.action === action)?.params['MaxResults'];
    expect(pageSize('DescribeInstances')).toBe(1000);
    expect(pageSize('DescribeSecurityGroups')).toBe(1000);
    expect(pageSize('DescribeSecurityGroupRules')).toBe(1000);
    expect(pageSize('DescribeRouteTables')).toBe(100);
    expect(pageSize('DescribeEgressOnlyInternetGateways')).toBe(255);
    expect(pageSize('DescribeLaunchTemplates')).toBe(200);
  });

  it('reports a throttled-out collector as incomplete instead of crashing', async () => {
    sim.faults.throttle({ action: 'DescribeVpcs', count: 50 });
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'throttled', operation: 'ec2:DescribeVpcs' }),
    ]);
  });

  it('exits 2 and leaves the trail alone when the endpoint cannot be reached', async () => {
    await statetrail(simArgs(sim.url, trail));
    const head = git(trail, 'rev-parse', 'HEAD');
    const run = await statetrail(simArgs('http://127.0.0.1:9', trail));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('unreachable: sts:GetCallerIdentity');
    expect(run.stderr).toContain('no scope could be scanned');
    expect(git(trail, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('reports unknown credentials as denied, naming the call', async () => {
    const run = await statetrail(simArgs(sim.url, trail), {
      credentials: { ...SAMPLE_KEY, accessKeyId: 'AKIAUNKNOWN000000000' },
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('denied: sts:GetCallerIdentity');
  });

  it('keeps a canary credential out of the trail, the commit messages, the report and the logs', async () => {
    const canary = `ghp_${'C4n4ry'.repeat(6)}`;
    const [instance] = instancesOf(region());
    instance?.Tags?.push({ Key: 'deploy-token', Value: canary });
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    if (web) web.Description = `web servers (token ${canary})`;
    sim.faults.deny({ action: 'DescribeSubnets' });
    const env = { STATETRAIL_LOG_LEVEL: 'debug' };
    const runs = [
      await statetrail(simArgs(sim.url, trail), { env }),
      await statetrail(simArgs(sim.url, trail, '--format', 'json'), { env }),
    ];
    for (const run of runs) {
      expect(run.stdout).not.toContain(canary);
      expect(run.stderr).not.toContain(canary);
    }
    expect(runs[0]?.stderr).toContain('Collector failed');
    const everything = git(trail, 'log', '--all', '-p', '--format=%B');
    expect(everything).toContain('(redacted: credential-shaped value)');
    expect(everything).not.toContain(canary);
  });

  it('records files rewritten by a new output format in a format commit, apart from the scan', async () => {
    await statetrail(simArgs(sim.url, trail));
    // Make the trail look written by an older statetrail: format 1, one file in the old shape.
    const web = region().securityGroups.find((g) => g.GroupName === 'web');
    const webPath = `${BASE}/securitygroup/${web?.GroupId}.yaml`;
    const record = JSON.parse(await readFile(join(trail, '.statetrail/scan.json'), 'utf8'));
    await writeFile(join(trail, '.statetrail/scan.json'), JSON.stringify({ ...record, format: 1 }));
    await writeFile(
      join(trail, webPath),
      (await readFile(join(trail, webPath), 'utf8')).replace(/^schemaVersion: 1\n/m, ''),
    );
    git(
      trail,
      '-c',
      'user.name=old',
      '-c',
      'user.email=old@example.com',
      'commit',
      '-qam',
      'older statetrail',
    );
    const gone = region().subnets.pop();

    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'));

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rewritten: 1, changed: 0, removed: 1 });
    expect(git(trail, 'log', '-2', '--format=%s')).toBe(
      [
        'scan: 0 added, 0 changed, 1 removed',
        `format: 1 files rewritten (format 1 -> ${FORMAT_VERSION})`,
      ].join('\n'),
    );
    expect(git(trail, 'show', '--name-status', '--format=', 'HEAD~1').split('\n').sort()).toEqual([
      `M\t${webPath}`,
    ]);
    expect(git(trail, 'show', '--name-status', '--format=', 'HEAD').split('\n').sort()).toEqual([
      `D\t${BASE}/subnet/${gone?.SubnetId}.yaml`,
      'M\t.statetrail/scan.json',
    ]);
    // From then on the trail is in the new format: an unchanged rescan commits nothing.
    const head = git(trail, 'rev-parse', 'HEAD');
    await statetrail(simArgs(sim.url, trail));
    expect(git(trail, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('rejects a bad flag with exit 2 before touching anything', async () => {
    const run = await statetrail(['scan', '--trail', trail, '--region', 'nowhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'statetrail: --region nowhere: not an AWS region name (like eu-west-1) or all\n',
    );
    expect(sim.calls).toEqual([]);
    expect(existsSync(trail)).toBe(false);
  });
});
