import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { startTfeSim, type TfeFault, type TfeSim } from '../sim/tfe/server.js';
import { commitCount, freshTrailDir, git, simArgs, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const HOST = 'app.terraform.io';
const LOCATION = `tfe://${HOST}/acme/network`;
const TOKEN = `canary-${'HcpT0k3n'.repeat(3)}.atlasv1.${'z'.repeat(40)}`;
const ENV = { TF_TOKEN_app_terraform_io: TOKEN, STATETRAIL_LOG_LEVEL: 'debug' };

describe('drift against an HCP Terraform workspace (CLI)', () => {
  let aws: AwsSim;
  let tfe: TfeSim;
  let trail: string;
  let dir: string;
  let stateFile: string;
  let config: string;

  beforeAll(async () => {
    aws = await startAwsSim(sampleWorld());
    trail = await freshTrailDir();
    dir = await mkdtemp(join(tmpdir(), 'tfe-drift-'));
    await statetrail(simArgs(aws.url, trail));
    const world = ec2Region(aws.world, ACCOUNT, REGION);
    const vpc = world.vpcs[0];
    const web = world.securityGroups.find((g) => g.GroupName === 'web');
    const state = JSON.stringify({
      version: 4,
      terraform_version: '1.9.5',
      serial: 12,
      lineage: 'c0ffee00-0000-4000-8000-000000000001',
      outputs: {},
      resources: [
        [
          'aws_vpc',
          'main',
          {
            id: vpc?.VpcId,
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${vpc?.VpcId}`,
            cidr_block: vpc?.CidrBlock,
          },
        ],
        [
          'aws_security_group',
          'web',
          {
            id: web?.GroupId,
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${web?.GroupId}`,
            name: 'web',
            description: 'not what the cloud has',
            vpc_id: web?.VpcId,
          },
        ],
        [
          'aws_instance',
          'gone',
          {
            id: 'i-0000000000000dead',
            arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0000000000000dead`,
            instance_type: 't3.micro',
          },
        ],
      ].map(([type, name, attributes]) => ({
        mode: 'managed',
        type,
        name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 1, attributes, sensitive_attributes: [] }],
      })),
    });
    stateFile = join(dir, 'network.tfstate');
    await writeFile(stateFile, state);
    tfe = await startTfeSim({
      organization: 'acme',
      token: TOKEN,
      workspaces: [{ name: 'network', state }, { name: 'empty' }],
    });
    config = join(dir, 'statetrail.yaml');
    await writeFile(config, `terraform:\n  hosts:\n    ${HOST}:\n      address: ${tfe.url}\n`);
  });
  afterAll(async () => {
    await Promise.all([aws.close(), tfe.close()]);
  });
  afterEach(() => {
    tfe.faults.length = 0;
  });

  const drift = (state: string, env: Record<string, string> = ENV) =>
    statetrail(
      ['drift', '--snapshot', trail, '--config', config, '--state', state, '--format', 'json'],
      { env },
    );

  it('gives the same report as the same state read from a file', async () => {
    const fromFile = await drift(stateFile);
    const fromWorkspace = await drift(LOCATION);
    expect(fromWorkspace.code).toBe(1);
    expect(fromWorkspace.code).toBe(fromFile.code);
    const report = JSON.parse(fromWorkspace.stdout);
    expect(report.missing).toEqual([
      expect.objectContaining({ address: 'aws_instance.gone', state: LOCATION }),
    ]);
    expect(report.changed).toEqual([
      expect.objectContaining({ address: 'aws_security_group.web' }),
    ]);
    // The one difference: which location the missing instance's state is.
    expect(fromWorkspace.stdout.replaceAll(LOCATION, stateFile)).toBe(fromFile.stdout);
    expect(`${fromWorkspace.stdout}${fromWorkspace.stderr}`).not.toContain(TOKEN);
  });

  it('reads the workspace within a scan too, and commits the observation', async () => {
    const scanTrail = await freshTrailDir();
    const run = await statetrail(
      simArgs(aws.url, scanTrail, '--config', config, '--state', LOCATION, '--format', 'json'),
      { env: ENV },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.stateErrors).toEqual([]);
    expect(report.drift.missing).toEqual([expect.objectContaining({ state: LOCATION })]);
    const record = JSON.parse(
      await readFile(join(scanTrail, '.statetrail/terraform.json'), 'utf8'),
    );
    expect(Object.keys(record.states)).toEqual([LOCATION]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
  });

  const faults: [string, TfeFault | undefined, string, RegExp][] = [
    [
      'a refused token',
      { route: 'workspace', status: 401, body: `{"detail":"${TOKEN}"}` },
      LOCATION,
      /refused the token for tfe:\/\/app\.terraform\.io\/acme\/network/,
    ],
    ['a denied state', { route: 'state-version', status: 403 }, LOCATION, /read state versions/],
    [
      'an unknown workspace',
      undefined,
      `tfe://${HOST}/acme/nope`,
      /No workspace acme\/nope on app\.terraform\.io/,
    ],
    [
      'a workspace without state',
      undefined,
      `tfe://${HOST}/acme/empty`,
      /acme\/empty .* has no state yet/,
    ],
    [
      'throttling past the deadline',
      { route: 'workspace', status: 429, times: 1, headers: { 'retry-after': '3600' } },
      LOCATION,
      /kept throttling .* \(429\)/,
    ],
    [
      'a server that keeps failing',
      { route: 'download', status: 500, times: 10 },
      LOCATION,
      /HCP Terraform failed for tfe:\/\/app\.terraform\.io\/acme\/network \(HTTP 500/,
    ],
    [
      'a malformed answer',
      { route: 'state-version', status: 200, body: 'not json' },
      LOCATION,
      /malformed JSON/,
    ],
    [
      'a malformed state',
      { route: 'archive', status: 200, body: '{"version": 3}' },
      LOCATION,
      /tfe:\/\/app\.terraform\.io\/acme\/network/,
    ],
  ];

  it.each(faults)(
    'exits 2 on %s, naming the location, the trail unchanged and no token shown',
    async (_, fault, location, message) => {
      const head = git(trail, 'rev-parse', 'HEAD');
      if (fault) tfe.faults.push({ ...fault });
      const run = await drift(location);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
      expect(git(trail, 'rev-parse', 'HEAD')).toBe(head);
      expect(git(trail, 'status', '--porcelain')).toBe('');
    },
  );

  it('exits 2 naming TF_TOKEN_<host> when no token is set', async () => {
    const run = await drift(LOCATION, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set TF_TOKEN_app_terraform_io');
  });

  it('keeps the trail as it was when a scan cannot read the workspace', async () => {
    const scanTrail = await freshTrailDir();
    const args = simArgs(
      aws.url,
      scanTrail,
      '--config',
      config,
      '--state',
      LOCATION,
      '--format',
      'json',
    );
    await statetrail(args, { env: ENV });
    const head = git(scanTrail, 'rev-parse', 'HEAD');
    const commits = commitCount(scanTrail);
    tfe.faults.push({ route: 'workspace', status: 401 });
    const run = await statetrail(args, { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`refused the token for ${LOCATION}`);
    expect(git(scanTrail, 'rev-parse', 'HEAD')).toBe(head);
    expect(commitCount(scanTrail)).toBe(commits);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
  });
});
