/**
 * `npm run demo`: the main job on the embedded default, offline. Starts the simulated AWS world,
 * scans it into a fresh local trail with the real CLI, changes one security group in the
 * simulation, scans again, and shows the trail's history and the second commit's diff. Then the
 * same loop on the simulated GitHub with a Terraform state: the baseline, a hand-made change that
 * persists into a drift PR, the dashboard, the merge that accepts it, and a PR that closes itself
 * when its drift is reverted.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleState } from '../test/sim/aws/sample-state.js';
import { type AwsSim, startAwsSim } from '../test/sim/aws/server.js';
import { ec2Region, sampleWorld } from '../test/sim/aws/world.js';
import { type GitHubSim, startGitHubSim } from '../test/sim/github/server.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

function banner(text: string): void {
  process.stdout.write(`\n\x1b[1m== ${text}\x1b[0m\n`);
}

/**
 * Runs the real CLI as a child process; asynchronously, since the sim answers from this one. With
 * `summaryOnly`, the drift table after the scan summary is left out (the dashboard shows it).
 */
function statetrail(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  summaryOnly = false,
): Promise<number> {
  process.stdout.write(`$ statetrail ${args.join(' ')}\n`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'lib', 'cli', 'main.ts'), ...args],
    { stdio: ['ignore', summaryOnly ? 'pipe' : 'inherit', 'inherit'], env },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (summaryOnly) process.stdout.write(`${output.split(/\n(?=Found \d+ resource)/)[0]}\n`);
      resolve(code ?? 2);
    });
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

  sim.world.accounts = sampleWorld().accounts;
  await gitHubLoop(sim, env, args);
} finally {
  await sim.close();
}

function show(title: string, text: string | undefined): void {
  banner(title);
  process.stdout.write(`${(text ?? '(none)').replace(/<!-- statetrail-state: [^>]*-->/, '')}\n`);
}

/** The review loop on the simulated GitHub: drift PR, dashboard, merge, self-closing PR. */
async function gitHubLoop(aws: AwsSim, env: NodeJS.ProcessEnv, awsArgs: string[]): Promise<void> {
  const github: GitHubSim = await startGitHubSim({ owner: 'acme', repo: 'trail' });
  try {
    const state = join(await mkdtemp(join(tmpdir(), 'statetrail-demo-state-')), 'main.tfstate');
    await writeFile(state, sampleState(aws.world));
    const ghEnv = { ...env, GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url };
    const args = [
      ...awsArgs.filter((_, i, all) => all[i - 1] !== '--trail' && all[i] !== '--trail'),
      '--trail',
      'github:acme/trail',
      '--state',
      state,
    ];
    const scan = async (what: string) => {
      banner(what);
      const code = await statetrail(args, ghEnv, true);
      if (code > 1) throw new Error(`${what} failed`);
    };
    const web = ec2Region(aws.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    if (!web) throw new Error('the sample world has no web security group');
    const original = web.Description;
    const dashboard = () =>
      github.review.issues.find((i) => i.title === 'statetrail: drift dashboard')?.body;
    const open = () => github.review.pulls.filter((p) => p.state === 'open');

    banner(`Now on the simulated GitHub at ${github.url}: trail github:acme/trail, with a state`);
    await scan('First scan of the estate: a baseline (the dashboard, no PR storm)');
    banner(`Someone edits the description of ${web.GroupId} (web, codified in Terraform) by hand`);
    web.Description = 'edited in the console';
    await scan('Next scan: the drift is seen once (it may be a terraform apply in progress)');
    await scan('Next scan: it persisted, so one drift PR opens for the scope');
    show('The drift PR body', open()[0]?.body);
    show('The dashboard issue', dashboard());

    const pull = open()[0];
    if (!pull) throw new Error('no drift PR was opened');
    banner(
      `octocat merges PR #${pull.number}: the entry in .statetrail/accepted/ accepts the value`,
    );
    github.review.merge(pull.number, 'octocat');
    await scan('Next scan: the accepted drift no longer alarms');

    banner('Someone changes it again, and it persists: a new PR');
    web.Description = 'edited again';
    await scan('Scan: seen once');
    await scan('Scan: persisted, PR opened');
    banner('They revert their change');
    web.Description = 'edited in the console';
    await scan('Scan: the drift is gone, the bot closes its PR with a comment');
    const closed = github.review.pulls.at(-1);
    show(
      `PR #${closed?.number} is ${closed?.state}; its comment`,
      github.review.comments.filter((c) => c.issue === closed?.number).at(-1)?.body,
    );
    banner('The hand-made value is reverted for good: its accepted entry no longer applies');
    web.Description = original;
    await scan('Scan: the accepted drift is gone, a prune PR proposes removing its entry');
    const prune = open().find((p) => p.head.startsWith('statetrail/prune/'));
    if (!prune) throw new Error('no prune PR was opened');
    show('The prune PR body', prune.body);
    github.review.merge(prune.number, 'octocat');
    await scan('Next scan after the prune PR is merged: nothing more to do');
    banner('The trail on GitHub');
    process.stdout.write(github.repo.store.git(['--no-pager', 'log', '--format=%h %s', 'main']));
  } finally {
    await github.close();
  }
}
