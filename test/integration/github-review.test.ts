import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleState } from '../sim/aws/sample-state.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { type GitHubSim, startGitHubSim } from '../sim/github/server.js';
import { freshTrailDir, simArgs, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const BRANCH = 'statetrail/drift/aws-111111111111-eu-west-1';
const PRUNE_BRANCH = 'statetrail/prune/aws-111111111111-eu-west-1';
const ACCEPTED = '.statetrail/accepted/aws%2F111111111111%2Feu-west-1.yaml';
const CANARY = `ghp_${'Zq9'.repeat(12)}`;

describe('drift pull requests and the dashboard on the simulated GitHub', () => {
  let aws: AwsSim;
  let github: GitHubSim;
  let env: Record<string, string>;
  let state: string;

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
    const dir = await mkdtemp(join(tmpdir(), 'review-it-'));
    state = join(dir, 'main.tfstate');
    await writeFile(state, sampleState(aws.world));
    return () => github.close();
  });

  const scan = async () => {
    const run = await statetrail(simArgs(aws.url, 'github:acme/trail', '--state', state), { env });
    expect(run.code, run.stderr).toBeLessThan(2);
    return run;
  };
  const web = () => {
    const group = ec2Region(aws.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    if (!group) throw new Error('no web group');
    return group;
  };
  const dashboard = () =>
    github.review.issues.find((i) => i.title === 'statetrail: drift dashboard');
  const openPulls = () => github.review.pulls.filter((p) => p.state === 'open');
  const ref = (name: string) => github.repo.store.ref(`refs/heads/${name}`);
  /** Baseline, then a hand-made change seen on two consecutive scans: one PR. */
  const persistentDrift = async (description = 'changed by hand') => {
    await scan();
    web().Description = description;
    await scan();
    await scan();
  };

  it('makes the first scan a baseline: the dashboard, and no PR even for drift already there', async () => {
    web().Description = 'drifted before statetrail came';
    await scan();
    await scan();
    await scan();
    expect(github.review.pulls).toEqual([]);
    expect(dashboard()?.labels).toEqual(['statetrail']);
    expect(dashboard()?.body).toContain('```mermaid');
    expect(dashboard()?.body).toMatch(/<!-- statetrail-state: [A-Za-z0-9+/=]+ -->/);
  });

  it('keeps one dashboard when two first scans create it at once: the newer closes itself', async () => {
    // The other first scan creates its dashboard between this scan's lookup and its own create.
    github.faults.push({
      method: 'POST',
      path: /\/issues$/,
      before: () => {
        github.review.issues.push({
          number: github.review.nextNumber(),
          title: 'statetrail: drift dashboard',
          body: 'the other scan',
          state: 'open',
          labels: ['statetrail'],
          updatedAt: github.review.now(),
        });
      },
    });
    await scan();
    const dashboards = github.review.issues.filter(
      (i) => i.title === 'statetrail: drift dashboard',
    );
    expect(dashboards.map((i) => i.state)).toEqual(['open', 'closed']);
    const [kept, duplicate] = dashboards;
    expect(kept?.body).toMatch(/<!-- statetrail-state: [A-Za-z0-9+/=]+ -->/);
    expect(
      github.review.comments.filter((c) => c.issue === duplicate?.number).map((c) => c.body),
    ).toEqual([
      `Duplicate of #${kept?.number}: two scans created this issue at once; that one is kept.`,
    ]);
    // The next scan finds the kept one and leaves everything as it is.
    const issues = github.review.issues.length;
    await scan();
    expect(github.review.issues).toHaveLength(issues);
    expect(github.review.issues.filter((i) => i.state === 'open')).toHaveLength(1);
  });

  it('opens one PR for drift that persisted two scans, with the acceptance entry and labels', async () => {
    await scan();
    web().Description = 'changed by hand';
    await scan();
    expect(github.review.pulls).toEqual([]);
    const run = await scan();
    expect(openPulls()).toHaveLength(1);
    const pull = openPulls()[0];
    expect(run.stdout).toContain(`Review: opened #${pull?.number}, updated none, closed none`);
    expect(pull?.head).toBe(BRANCH);
    expect(pull?.labels).toEqual(['statetrail', 'drift']);
    expect(pull?.body).toContain('changed by hand');
    expect(pull?.body).toMatch(/\/commit\/[0-9a-f]{40}\)/);
    const file = github.repo.store.git([
      'show',
      `${BRANCH}:.statetrail/accepted/aws%2F111111111111%2Feu-west-1.yaml`,
    ]);
    expect(file).toContain('attribute: description');
    expect(file).toMatch(/fingerprint: "?sha256:[0-9a-f]{64}/);
    expect(dashboard()?.body).toContain(`/pull/${pull?.number})`);
  });

  it('writes nothing to GitHub when the same drift is seen again', async () => {
    await persistentDrift();
    github.resetCalls();
    await scan();
    expect(github.writes()).toEqual([]);
    // The trail's reads, then the review's: repository, branch, dashboard, the PR and its
    // reviews and commits.
    expect(
      github.calls.filter((c) => !c.path.includes('/git/') && !c.path.includes('/contents/'))
        .length,
    ).toBeLessThanOrEqual(6);
    expect(openPulls()).toHaveLength(1);
  });

  it('updates the same PR when the drift changes, on top of its branch', async () => {
    await persistentDrift();
    const [pull] = openPulls();
    const before = ref(BRANCH);
    web().Description = 'changed again';
    await scan();
    expect(openPulls().map((p) => p.number)).toEqual([pull?.number]);
    expect(pull?.body).toContain('changed again');
    expect(github.repo.store.isAncestor(before ?? '', ref(BRANCH) ?? '')).toBe(true);
    expect(
      github.repo.store.git([
        'show',
        `${BRANCH}:.statetrail/accepted/aws%2F111111111111%2Feu-west-1.yaml`,
      ]),
    ).toContain('fingerprint');
  });

  it('closes the PR with a comment and deletes its branch when the drift is gone', async () => {
    const original = web().Description;
    await persistentDrift();
    const [pull] = openPulls();
    web().Description = original;
    await scan();
    expect(openPulls()).toEqual([]);
    expect(github.review.comments.filter((c) => c.issue === pull?.number)).toHaveLength(1);
    expect(ref(BRANCH)).toBeUndefined();
  });

  it('suppresses drift once its PR is merged, and opens nothing more', async () => {
    await persistentDrift();
    const [pull] = openPulls();
    github.review.merge(pull?.number ?? 0, 'octocat');
    await scan();
    await scan();
    expect(openPulls()).toEqual([]);
    expect(github.review.pulls).toHaveLength(1);
    expect(ref(BRANCH)).toBeUndefined();
    expect(dashboard()?.body).toContain('| description | no expiry |');
  });

  it('proposes removing an accepted entry once its drift is reverted, and merging removes it', async () => {
    const original = web().Description;
    await persistentDrift();
    const [pull] = openPulls();
    github.review.merge(pull?.number ?? 0, 'octocat');
    await scan();
    expect(openPulls()).toEqual([]);
    const accepted = () => github.repo.store.git(['show', `main:${ACCEPTED}`]);
    expect(accepted()).toContain('attribute: description');
    web().Description = original;
    await scan();
    const [prune] = openPulls();
    expect(prune?.head).toBe(PRUNE_BRANCH);
    expect(prune?.labels).toEqual(['statetrail', 'prune']);
    expect(prune?.body).toContain('the drift is gone');
    expect(github.repo.store.git(['show', `${PRUNE_BRANCH}:${ACCEPTED}`])).not.toContain(
      'description',
    );
    github.resetCalls();
    await scan();
    expect(github.writes()).toEqual([]);
    github.review.merge(prune?.number ?? 0, 'octocat');
    await scan();
    expect(accepted()).not.toContain('description');
    expect(openPulls()).toEqual([]);
    expect(ref(PRUNE_BRANCH)).toBeUndefined();
  });

  it('proposes no prune while every accepted entry still applies', async () => {
    await persistentDrift();
    github.review.merge(openPulls()[0]?.number ?? 0, 'octocat');
    await scan();
    await scan();
    expect(github.review.pulls).toHaveLength(1);
    expect(ref(PRUNE_BRANCH)).toBeUndefined();
  });

  it('snoozes exactly the drift of a PR closed unmerged, until it changes', async () => {
    await persistentDrift();
    const [pull] = openPulls();
    github.review.close(pull?.number ?? 0);
    await scan();
    await scan();
    expect(github.review.pulls).toHaveLength(1);
    expect(dashboard()?.body).toMatch(
      /### Snoozed drift\n\n.*\n\n\| Scope .*\n.*\n\| `aws\/111111111111\/eu-west-1` \| aws\\_security\\_group\.web \| description \|/,
    );
    web().Description = 'a new value';
    await scan();
    await scan();
    expect(openPulls()).toHaveLength(1);
    expect(openPulls()[0]?.number).not.toBe(pull?.number);
  });

  it('never adds new drift to a PR someone approved', async () => {
    await persistentDrift();
    const [pull] = openPulls();
    github.review.approve(pull?.number ?? 0, 'octocat');
    const body = pull?.body;
    const head = ref(BRANCH);
    web().Tags = [...(web().Tags ?? []), { Key: 'Owner', Value: 'someone' }];
    web().Description = 'changed after approval';
    await scan();
    await scan();
    expect(openPulls()).toHaveLength(1);
    expect(pull?.body).toBe(body);
    expect(ref(BRANCH)).toBe(head);
    expect(dashboard()?.body).toMatch(/\/pull\/\d+\) \| 1 \|/);
  });

  it('never resets or rewrites a branch a person pushed to', async () => {
    await persistentDrift();
    const { store } = github.repo;
    const head = ref(BRANCH) ?? '';
    const person = 'Jo <jo@example.com> 1 +0000';
    const theirs = store.writeCommit({
      tree: store.readCommit(head)?.tree ?? '',
      parents: [head],
      author: person,
      committer: person,
      message: 'reason filled in by hand',
    });
    store.setRef(`refs/heads/${BRANCH}`, theirs);
    web().Description = 'changed once more';
    await scan();
    await scan();
    expect(ref(BRANCH)).toBe(theirs);
    expect(dashboard()?.body).toContain('pushed to by a person: left alone');
  });

  it('opens one PR, never two, when two scans overlap at the moment it opens', async () => {
    await scan();
    web().Description = 'changed by hand';
    await scan();
    await Promise.all([scan(), scan()]);
    await scan();
    expect(github.review.pulls).toHaveLength(1);
    expect(dashboard()?.body).toContain(`/pull/${github.review.pulls[0]?.number})`);
    expect(github.review.issues).toHaveLength(1);
  });

  it('does no review on a local trail', async () => {
    const run = await statetrail(simArgs(aws.url, await freshTrailDir(), '--state', state));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).not.toContain('Review');
  });

  it('keeps a secret-shaped value out of PR bodies, comments and the dashboard', async () => {
    await persistentDrift(`token ${CANARY}`);
    const texts = [
      ...github.review.pulls.map((p) => p.body),
      ...github.review.comments.map((c) => c.body),
      ...github.review.issues.map((i) => i.body),
    ];
    expect(openPulls()).toHaveLength(1);
    for (const text of texts) expect(text).not.toContain(CANARY);
  });
});
