import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { gitBlobSha } from '../../../lib/snapshot/blob-hash.js';
import { TrailConflictError, TrailUnavailableError } from '../../../lib/trail/errors.js';
import {
  createGitHubClient,
  type GitHubAuth,
  gitHubAuthFromEnv,
  parseGitHubTrail,
} from '../../../lib/trail/github/client.js';
import { GitHubTrail } from '../../../lib/trail/github/github-trail.js';
import { type GitHubSim, type GitHubSimOptions, startGitHubSim } from '../../sim/github/server.js';
import { describeTrailStoreContract } from './contract.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const sims: GitHubSim[] = [];

async function sim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const started = await startGitHubSim(options);
  sims.push(started);
  return started;
}

function trailOn(github: GitHubSim, extra: { auth?: GitHubAuth; timeLeft?: () => number } = {}) {
  const api = createGitHubClient({
    auth: extra.auth ?? { kind: 'token', token: github.token },
    baseUrl: github.url,
    waitUnitMs: 0,
    writeIntervalMs: 0,
    ...(extra.timeLeft ? { timeLeft: extra.timeLeft } : {}),
  });
  return new GitHubTrail({ api, owner: github.repo.owner, repo: github.repo.name });
}

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

describeTrailStoreContract('GitHubTrail', async () => trailOn(await sim()));

/** A trail with one commit of `count` files in each of two scopes. */
async function seeded(count: number) {
  const github = await sim();
  const trail = trailOn(github);
  const files = new Map<string, Uint8Array>();
  for (const scope of ['aws/1/eu-west-1/ec2/vpc', 'aws/1/eu-west-1/ec2/subnet']) {
    for (let i = 0; i < count; i++) files.set(`${scope}/r-${i}.yaml`, bytes(`id: ${scope}-${i}\n`));
  }
  const head = await trail.writeCommit({
    expectedHead: null,
    message: 'scan: seed',
    changes: [...files].map(([path, content]) => ({ path, content })),
  });
  const expected = new Map([...files].map(([path, content]) => [path, gitBlobSha(content)]));
  github.resetCalls();
  return { github, trail, head, expected, files };
}

describe('Class: GitHubTrail', () => {
  afterEach(() => {
    for (const s of sims) s.faults.length = 0;
  });

  it('reads an unchanged trail in three GET calls, whatever its size, and writes nothing', async () => {
    const { github, head, expected } = await seeded(300);
    // A new adapter, as a new Lambda invocation has: it checks the repository once.
    const trail = trailOn(github);
    const manifest = await trail.readManifest({
      expected,
      complete: ['aws/1/eu-west-1/ec2/vpc', 'aws/1/eu-west-1/ec2/subnet'],
    });
    expect(manifest.head).toBe(head);
    expect(manifest.files).toEqual(expected);
    expect(github.calls.map((c) => `${c.method} ${c.path.replace(/[0-9a-f]{40}/, 'SHA')}`)).toEqual(
      [
        'GET /repos/acme/trail',
        'GET /repos/acme/trail/git/ref/heads/main',
        'GET /repos/acme/trail/git/trees/SHA',
      ],
    );
  });

  it('reads only the path down to the scope where one file changed', async () => {
    const { github, trail, expected } = await seeded(50);
    const changed = new Map(expected);
    changed.set('aws/1/eu-west-1/ec2/subnet/r-3.yaml', gitBlobSha(bytes('changed\n')));
    const manifest = await trail.readManifest({ expected: changed, complete: [] });
    expect(manifest.files.get('aws/1/eu-west-1/ec2/subnet/r-3.yaml')).toBe(
      expected.get('aws/1/eu-west-1/ec2/subnet/r-3.yaml'),
    );
    const trees = github.calls.filter((c) => c.path.includes('/git/trees/'));
    // root, aws, aws/1, aws/1/eu-west-1, .../ec2, .../subnet: the vpc scope is never read.
    expect(trees).toHaveLength(6);
  });

  it('commits 5,000 changed files in ceil(5000/100) + 3 write calls or fewer', async () => {
    const github = await sim();
    const trail = trailOn(github);
    const head = await trail.writeCommit({
      expectedHead: null,
      message: 'scan: seed',
      changes: [{ path: 'seed.yaml', content: bytes('x\n') }],
    });
    github.resetCalls();
    const changes = Array.from({ length: 5000 }, (_, i) => ({
      path: `aws/1/r/ec2/instance/i-${String(i).padStart(5, '0')}.yaml`,
      content: bytes(`id: i-${i}\n`),
    }));
    const next = await trail.writeCommit({
      expectedHead: head,
      message: 'scan: 5000 added',
      changes,
    });
    expect(github.writes().length).toBeLessThanOrEqual(Math.ceil(5000 / 100) + 3);
    const listed = github.repo.store.git(['ls-tree', '-r', '--name-only', next]).trim().split('\n');
    expect(listed).toHaveLength(5001);
    expect(github.repo.store.git(['log', '--format=%s', 'main'])).toBe(
      'scan: 5000 added\nscan: seed\nstatetrail: start the trail\n',
    );
  });

  it('starts an empty repository and leaves no trace of the start in the first tree', async () => {
    const github = await sim();
    const trail = trailOn(github);
    expect((await trail.readManifest()).head).toBeNull();
    const head = await trail.writeCommit({
      expectedHead: null,
      message: 'scan: 1 added',
      changes: [{ path: 'aws/1/r/ec2/vpc/vpc-1.yaml', content: bytes('a: 1\n') }],
    });
    expect(github.repo.store.git(['ls-tree', '-r', '--name-only', head]).trim()).toBe(
      'aws/1/r/ec2/vpc/vpc-1.yaml',
    );
    expect(github.repo.store.git(['rev-parse', 'main']).trim()).toBe(head);
  });

  it('refuses a public repository before writing anything', async () => {
    const github = await sim({ private: false });
    const trail = trailOn(github);
    await expect(
      trail.writeCommit({
        expectedHead: null,
        message: 'scan',
        changes: [{ path: 'a.yaml', content: bytes('1\n') }],
      }),
    ).rejects.toThrow(/public/);
    await expect(trail.readManifest()).rejects.toBeInstanceOf(TrailUnavailableError);
    expect(github.writes()).toEqual([]);
    expect(github.repo.store.branches()).toEqual([]);
  });

  it('turns a concurrent writer (422 not a fast forward) into a conflict and keeps the other commit', async () => {
    const { github, trail, head } = await seeded(2);
    let theirs = '';
    github.faults.push({
      method: 'PATCH',
      path: /\/git\/refs\/heads\/main$/,
      before: () => {
        const { store } = github.repo;
        const tree = store.readCommit(head)?.tree ?? '';
        theirs = store.writeCommit({
          tree,
          parents: [head],
          author: 'Jo <jo@example.com> 1 +0000',
          committer: 'Jo <jo@example.com> 1 +0000',
          message: 'by hand',
        });
        store.setRef('refs/heads/main', theirs);
      },
    });
    await expect(
      trail.writeCommit({
        expectedHead: head,
        message: 'scan',
        changes: [{ path: 'b.yaml', content: bytes('2\n') }],
      }),
    ).rejects.toBeInstanceOf(TrailConflictError);
    expect(github.repo.store.ref('refs/heads/main')).toBe(theirs);
  });

  it('falls back to reading level by level when GitHub truncates a recursive listing', async () => {
    const { github, trail, expected, files } = await seeded(30);
    github.repo.truncateTreesOver = 10;
    const manifest = await trail.readManifest();
    expect(manifest.files.size).toBe(files.size);
    expect(manifest.files).toEqual(expected);
  });

  it('retries a 502 and waits out a secondary rate limit that fits in the time left', async () => {
    const { github, trail, head } = await seeded(1);
    github.faults.push(
      {
        method: 'GET',
        path: /\/git\/ref\/heads\/main$/,
        status: 502,
        body: { message: 'Bad gateway' },
      },
      {
        method: 'GET',
        path: /\/git\/trees\//,
        status: 403,
        body: { message: 'You have exceeded a secondary rate limit. Please wait.' },
        headers: { 'retry-after': '2' },
      },
    );
    const manifest = await trail.readManifest();
    expect(manifest.head).toBe(head);
    expect(github.calls.filter((c) => c.status >= 400).map((c) => c.status)).toEqual([502, 403]);
  });

  it('retries a request that timed out, and fails clearly when GitHub never answers a write', async () => {
    const { github, head } = await seeded(1);
    const api = createGitHubClient({
      auth: { kind: 'token', token: github.token },
      baseUrl: github.url,
      waitUnitMs: 0,
      writeIntervalMs: 0,
      requestTimeoutMs: 1000,
    });
    const trail = new GitHubTrail({ api, owner: github.repo.owner, repo: github.repo.name });
    github.faults.push({ method: 'GET', path: /\/git\/ref\/heads\/main$/, hang: true });
    expect((await trail.readManifest()).head).toBe(head);
    expect(
      github.calls.filter((c) => c.path.endsWith('/git/ref/heads/main')).map((c) => c.status),
    ).toEqual([0, 200]);

    github.faults.push({
      method: 'PATCH',
      path: /\/git\/refs\/heads\/main$/,
      hang: true,
      times: 10,
    });
    await expect(
      trail.writeCommit({
        expectedHead: head,
        message: 'scan',
        changes: [{ path: 'b.yaml', content: bytes('2\n') }],
      }),
    ).rejects.toThrow(/timeout/);
    // The ref never moved: the trail is still at its previous commit.
    expect(github.repo.store.ref('refs/heads/main')).toBe(head);
  });

  it('gives up on a rate limit whose wait would run past the deadline', async () => {
    const { github } = await seeded(1);
    const trail = trailOn(github, { timeLeft: () => 30_000 });
    github.faults.push({
      method: 'GET',
      path: /\/git\/ref\/heads\/main$/,
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit.' },
      headers: { 'retry-after': '600' },
      times: 5,
    });
    // With 0 ms per second in tests the wait is free; the deadline check uses GitHub's seconds.
    await expect(trail.readManifest()).rejects.toMatchObject({ status: 403 });
  });

  it('authenticates as a GitHub App with a signed JWT and its installation token', async () => {
    const github = await sim();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    github.registerApp({
      appId: 4242,
      installationId: 77,
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    const trail = trailOn(github, {
      auth: {
        kind: 'app',
        appId: '4242',
        installationId: '77',
        privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      },
    });
    await trail.writeCommit({
      expectedHead: null,
      message: 'scan',
      changes: [{ path: 'a.yaml', content: bytes('1\n') }],
    });
    expect(github.issuedTokens).toHaveLength(1);
    const used = new Set(
      github.calls.filter((c) => c.path.startsWith('/repos/')).map((c) => c.auth),
    );
    expect(used).toEqual(new Set([`token ${github.issuedTokens[0]?.token}`]));
    // GitHub signs commits made as the App only when they carry no author: they show as Verified.
    expect(github.repo.store.git(['log', '-1', '--format=%an', 'main']).trim()).toBe(
      'statetrail-sim[bot]',
    );
  });
});

describe('GitHub trail location and credentials', () => {
  it('parses github:OWNER/REPO[@BRANCH]', () => {
    expect(parseGitHubTrail('github:acme/trail')).toEqual({ owner: 'acme', repo: 'trail' });
    expect(parseGitHubTrail('github:acme/infra.trail@observations/main')).toEqual({
      owner: 'acme',
      repo: 'infra.trail',
      branch: 'observations/main',
    });
    expect(parseGitHubTrail('./trail')).toBeUndefined();
    expect(parseGitHubTrail('github:acme')).toBeUndefined();
  });

  it('takes a token or a complete GitHub App from the environment, and names what is missing', () => {
    expect(gitHubAuthFromEnv({ GITHUB_TOKEN: 't' })).toEqual({ kind: 'token', token: 't' });
    expect(
      gitHubAuthFromEnv({
        STATETRAIL_GITHUB_APP_ID: '1',
        STATETRAIL_GITHUB_APP_PRIVATE_KEY: 'line1\\nline2',
        STATETRAIL_GITHUB_APP_INSTALLATION_ID: '2',
        GITHUB_TOKEN: 'ignored',
      }),
    ).toEqual({ kind: 'app', appId: '1', privateKey: 'line1\nline2', installationId: '2' });
    expect(() => gitHubAuthFromEnv({ STATETRAIL_GITHUB_APP_ID: '1' })).toThrow(/INSTALLATION_ID/);
    expect(() => gitHubAuthFromEnv({})).toThrow(/GITHUB_TOKEN/);
  });
});
