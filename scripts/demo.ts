/**
 * `npm run demo`: the main job on the embedded default, offline. Starts the simulated AWS world,
 * scans it into a fresh local trail with the real CLI, changes one security group in the
 * simulation, scans again, and shows the trail's history and the second commit's diff.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAwsSim } from '../test/sim/aws/server.js';
import { ec2Region, sampleWorld } from '../test/sim/aws/world.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

function banner(text: string): void {
  process.stdout.write(`\n\x1b[1m== ${text}\x1b[0m\n`);
}

/** Runs the real CLI as a child process; asynchronously, since the sim answers from this one. */
function statetrail(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  process.stdout.write(`$ statetrail ${args.join(' ')}\n`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'lib', 'cli', 'main.ts'), ...args],
    { stdio: 'inherit', env },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 2));
  });
}

function git(trail: string, ...args: string[]): void {
  process.stdout.write(`$ git ${args.join(' ')}\n`);
  process.stdout.write(
    execFileSync('git', ['-C', trail, '--no-pager', ...args], { encoding: 'utf8' }),
  );
}

const sim = await startAwsSim(sampleWorld());
try {
  const trail = join(await mkdtemp(join(tmpdir(), 'statetrail-demo-')), 'trail');
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'AKIASIMSAMPLE0000001',
    AWS_SECRET_ACCESS_KEY: 'demo-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    // The SDK's notice about Node 20 support is not part of the demo.
    NODE_NO_WARNINGS: '1',
  };
  const args = ['scan', '--trail', trail, '--region', REGION];
  for (const service of ['ec2', 'sts', 's3', 'eks'])
    args.push('--endpoint', `${service}=${sim.url}`);

  banner(`Simulated AWS account ${ACCOUNT} (${REGION}) at ${sim.url}; trail at ${trail}`);
  banner('First scan: everything is new');
  if ((await statetrail(args, env)) !== 0) throw new Error('first scan failed');

  banner('Second scan, nothing changed: no commit');
  if ((await statetrail(args, env)) !== 0) throw new Error('second scan failed');

  const web = ec2Region(sim.world, ACCOUNT, REGION).securityGroups.find(
    (g) => g.GroupName === 'web',
  );
  if (!web) throw new Error('the sample world has no web security group');
  banner(`Someone opens SSH on ${web.GroupId} (web) by hand`);
  web.IpPermissions = [
    ...(web.IpPermissions ?? []),
    {
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'temporary ssh' }],
    },
  ];

  banner('Third scan: one commit, one file');
  if ((await statetrail(args, env)) !== 0) throw new Error('third scan failed');

  banner('The trail');
  git(trail, 'log', '--stat=100', '--format=%n%h %ad %s', '--date=iso');
  banner('The diff of the second commit');
  git(trail, 'show', '--format=%h %s', 'HEAD');
} finally {
  await sim.close();
}
