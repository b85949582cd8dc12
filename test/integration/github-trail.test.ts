import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { type GitHubSim, startGitHubSim } from '../sim/github/server.js';
import { freshTrailDir, git, simArgs, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const BASE = `aws/${ACCOUNT}/${REGION}/ec2`;

describe('statetrail scan --trail github:OWNER/REPO against the simulated GitHub', () => {
  let aws: AwsSim;
  let github: GitHubSim;
  let env: Record<string, string>;

  beforeAll(async () => {
    aws = await startAwsSim(sampleWorld());
  });
  afterAll(async () => {
    await aws.close();
  });
  beforeEach(async () => {
    aws.world.accounts = sampleWorld().accounts;
    github = await startGitHubSim();
    env = { GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url };
    return () => github.close();
  });

  const scan = (...extra: string[]) =>
    statetrail(simArgs(aws.url, 'github:acme/trail', ...extra), { env });
  const remote = (...args: string[]) => github.repo.store.git(args).trim();

  it('commits the same tree as the local trail for the same scan', async () => {
    const run = await scan();
    expect(run.code, run.stderr).toBe(0);
    const local = await freshTrailDir();
    expect((await statetrail(simArgs(aws.url, local))).code).toBe(0);
    expect(remote('rev-parse', 'main^{tree}')).toBe(git(local, 'rev-parse', 'main^{tree}'));
    // The same message but for the scan's own id.
    const withoutId = (message: string) => message.replace(/^Statetrail-Scan: .*$/m, '');
    expect(withoutId(remote('log', '-1', '--format=%B', 'main'))).toBe(
      withoutId(git(local, 'log', '-1', '--format=%B')),
    );
  });

  it('writes nothing to GitHub when nothing changed, in a handful of GET calls', async () => {
    await scan();
    const head = remote('rev-parse', 'main');
    github.resetCalls();
    const run = await scan();
    expect(run.code).toBe(0);
    expect(github.writes()).toEqual([]);
    // Repository, branch, root tree, .statetrail tree, scan record.
    expect(github.calls.length).toBeLessThanOrEqual(5);
    expect(remote('rev-parse', 'main')).toBe(head);
  });

  it('commits exactly the one changed file of a hand-made change', async () => {
    await scan();
    const web = ec2Region(aws.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    web?.IpPermissions?.push({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'ssh by hand' }],
    });
    github.resetCalls();
    expect((await scan()).code).toBe(0);
    expect(remote('show', '--name-status', '--format=', 'main')).toBe(
      `M\t${BASE}/securitygroup/${web?.GroupId}.yaml`,
    );
    // One tree, one commit, one ref update.
    expect(github.writes().map((c) => c.method)).toEqual(['POST', 'POST', 'PATCH']);
  });

  it('recovers from a concurrent writer: the scan lands on top and nothing is lost', async () => {
    await scan();
    const web = ec2Region(aws.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    if (web) web.Description = 'changed by hand';
    const { store } = github.repo;
    github.faults.push({
      method: 'PATCH',
      path: /\/git\/refs\/heads\/main$/,
      before: () => {
        const head = store.ref('refs/heads/main') ?? '';
        const readme = store.writeBlob(Buffer.from('# trail\n'));
        const root = store.readTree(store.readCommit(head)?.tree ?? '') ?? [];
        const tree = store.writeTree([...root, { name: 'README.md', mode: '100644', sha: readme }]);
        const person = 'Jo <jo@example.com> 1 +0000';
        const theirs = store.writeCommit({
          tree,
          parents: [head],
          author: person,
          committer: person,
          message: 'docs',
        });
        store.setRef('refs/heads/main', theirs);
      },
    });
    const run = await scan();
    expect(run.code, run.stderr).toBe(0);
    expect(remote('log', '--format=%s', '-2', 'main')).toBe(
      'scan: 0 added, 1 changed, 0 removed\ndocs',
    );
    expect(remote('ls-tree', '--name-only', 'main')).toContain('README.md');
    expect(remote('show', '--name-only', '--format=', 'main')).toBe(
      `${BASE}/securitygroup/${web?.GroupId}.yaml`,
    );
  });

  it('lets two overlapping scans both finish with one commit and no error', async () => {
    await scan();
    const web = ec2Region(aws.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    if (web) web.Description = 'changed by hand';
    const before = Number(remote('rev-list', '--count', 'main'));
    const runs = await Promise.all([scan(), scan()]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(Number(remote('rev-list', '--count', 'main'))).toBe(before + 1);
  });

  it('refuses a public repository and names the fix, exit 2, nothing written', async () => {
    github.repo.private = false;
    const run = await scan();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/acme\/trail.*public/);
    expect(github.writes()).toEqual([]);
  });

  it('asks for a credential when none is given', async () => {
    const run = await statetrail(simArgs(aws.url, 'github:acme/trail'), { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GITHUB_TOKEN');
  });
});
