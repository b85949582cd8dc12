import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gitBlobSha } from '../lib/snapshot/blob-hash.js';
import { createGitHubClient } from '../lib/trail/github/client.js';
import { GitHubTrail } from '../lib/trail/github/github-trail.js';
import type { FileChange } from '../lib/trail/trail-store.js';
import { type GitHubSim, startGitHubSim } from '../test/sim/github/server.js';

/** One measured scenario of the GitHub benchmark. */
export interface GitHubBenchRow {
  readonly files: number;
  readonly scenario: string;
  /** HTTP calls (GitHub); git: the smart-HTTP requests a clone or push would make (see the notes). */
  readonly calls: number | null;
  readonly writes: number | null;
  /** Request + response body bytes (GitHub); git: pack bytes transferred. */
  readonly bytes: number;
  readonly wallMs: number;
}

/** What the GitHub benchmark measured, with the ratios it prints. */
export interface GitHubBenchResult {
  readonly rows: readonly GitHubBenchRow[];
  readonly ratios: readonly {
    readonly files: number;
    readonly noChangeCallsVsClone: number;
    readonly noChangeBytesVsClone: number;
    readonly changeWallVsClonePush: number;
  }[];
}

const SCOPES = 10;
const SCAN_RECORD = '.statetrail/scan.json';
// A clone over smart HTTP (protocol v2) is GET info/refs, POST ls-refs, POST fetch; a push is
// GET info/refs, POST receive-pack. The local file:// clone below has no HTTP to count.
const CLONE_REQUESTS = 3;
const PUSH_REQUESTS = 2;

function scopeDir(scope: number): string {
  return `aws/${String(100000000000 + scope)}/eu-west-1/ec2`;
}

/** ~1 KB of YAML per instance; `edition` changes it for the 1% change. */
function instanceYaml(index: number, edition: number): string {
  const id = `i-${index.toString(16).padStart(17, '0')}`;
  const tags = Array.from(
    { length: 8 },
    (_, t) => `    - Key: tag-${t}\n      Value: value-${t}-${index}`,
  );
  return [
    'apiVersion: statetrail/v1',
    'kind: AWS::EC2::Instance',
    `id: ${id}`,
    'spec:',
    `  InstanceId: ${id}`,
    '  InstanceType: t3.medium',
    `  ImageId: ami-${(index * 7919).toString(16).padStart(17, '0')}`,
    `  PrivateIpAddress: 10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    `  SubnetId: subnet-${(index % 60).toString(16).padStart(17, '0')}`,
    `  VpcId: vpc-${(index % 10).toString(16).padStart(17, '0')}`,
    '  Monitoring: disabled',
    `  Edition: ${edition}`,
    '  SecurityGroups:',
    `    - GroupId: sg-${(index % 997).toString(16).padStart(17, '0')}`,
    '      GroupName: default',
    '  Tags:',
    ...tags,
    '',
  ].join('\n');
}

function trailFiles(count: number, changedEdition: (index: number) => number): FileChange[] {
  const files: FileChange[] = [];
  // Grouped by scope, in path order as a scan's diff hands them to the trail.
  const perScope = Math.ceil(count / SCOPES);
  for (let index = 0; index < count; index += 1) {
    const name = `i-${String(index).padStart(7, '0')}.yaml`;
    const path = `${scopeDir(Math.floor(index / perScope))}/instance/${name}`;
    files.push({
      path,
      content: new Uint8Array(Buffer.from(instanceYaml(index, changedEdition(index)))),
    });
  }
  return files;
}

const unchanged = () => 0;
const onePercent = (index: number) => (index % 100 === 0 ? 1 : 0);

async function measureGitHub(sim: GitHubSim, count: number, rows: GitHubBenchRow[]): Promise<void> {
  // A fresh client and trail per step, as each scan is a fresh process.
  const freshTrail = () =>
    new GitHubTrail({
      api: createGitHubClient({
        auth: { kind: 'token', token: sim.token },
        baseUrl: sim.url,
        writeIntervalMs: 0,
        waitUnitMs: 0,
      }),
      owner: sim.repo.owner,
      repo: sim.repo.name,
    });
  const measure = async (scenario: string, step: (trail: GitHubTrail) => Promise<void>) => {
    const trail = freshTrail();
    sim.resetCalls();
    const start = performance.now();
    await step(trail);
    const wallMs = performance.now() - start;
    rows.push({
      files: count,
      scenario,
      calls: sim.calls.length,
      writes: sim.writes().length,
      bytes: sim.calls.reduce((sum, call) => sum + call.bytes + call.responseBytes, 0),
      wallMs,
    });
  };
  const query = (files: readonly FileChange[]) => ({
    expected: new Map(
      files.map((file) => [file.path, gitBlobSha(file.content ?? new Uint8Array())]),
    ),
    complete: Array.from({ length: SCOPES }, (_, scope) => scopeDir(scope)),
    paths: [SCAN_RECORD],
  });
  const base = trailFiles(count, unchanged);
  let head: string | null = null;
  await measure('statetrail first commit', async (trail) => {
    const manifest = await trail.readManifest(query(base));
    head = await trail.writeCommit({
      expectedHead: manifest.head,
      changes: base,
      message: 'bench: first',
    });
  });
  await measure('statetrail no-change read', async (trail) => {
    const manifest = await trail.readManifest(query(base));
    if (manifest.head !== head || manifest.files.size !== count) {
      throw new Error('The no-change read did not see the first commit');
    }
  });
  const next = trailFiles(count, onePercent);
  const changed = next.filter((_, index) => onePercent(index) === 1);
  await measure('statetrail 1% change', async (trail) => {
    const manifest = await trail.readManifest(query(next));
    await trail.writeCommit({
      expectedHead: manifest.head,
      changes: changed,
      message: 'bench: 1%',
    });
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.invalid',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    },
  });
}

/** Bytes of the pack `git push` would send: the objects HEAD has that the remote lacks. */
function pushPackBytes(work: string, remoteHead: string | null): number {
  const range = remoteHead ? `HEAD ^${remoteHead}` : 'HEAD';
  const pack = execFileSync(
    'sh',
    ['-c', `git rev-list --objects ${range} | git pack-objects --stdout --quiet | wc -c`],
    { cwd: work, encoding: 'utf8' },
  );
  return Number(pack.trim());
}

function packBytes(repo: string): number {
  const stats = git(repo, 'count-objects', '-v');
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(stats)?.[1] ?? 0);
  return (field('size-pack') + field('size')) * 1024;
}

function writeFiles(work: string, files: readonly FileChange[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const path = join(work, file.path);
    const dir = dirname(path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, file.content ?? '');
  }
}

/** kube-backup's mechanism: clone, write the files, commit, push, each timed. */
function measureGit(root: string, count: number, rows: GitHubBenchRow[]): void {
  const bare = join(root, 'remote.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  const timed = (scenario: string, calls: number | null, bytes: () => number, step: () => void) => {
    const start = performance.now();
    step();
    const wallMs = performance.now() - start;
    rows.push({ files: count, scenario, calls, writes: null, bytes: bytes(), wallMs });
  };
  const round = (label: string, files: readonly FileChange[], push: boolean) => {
    const work = join(root, label);
    rmSync(work, { recursive: true, force: true });
    timed(
      `git clone (${label})`,
      CLONE_REQUESTS,
      () => packBytes(join(work, '.git')),
      () => {
        git(root, 'clone', '--quiet', '--no-local', `file://${bare}`, work);
      },
    );
    if (!push) return;
    let remoteHead: string | null = null;
    try {
      remoteHead = git(work, 'rev-parse', '--verify', '-q', 'HEAD^{commit}').trim() || null;
    } catch {
      // The empty repository of the first round has no head.
    }
    let changedBytes = 0;
    timed(
      `git write files (${label})`,
      null,
      () => 0,
      () => writeFiles(work, files),
    );
    timed(
      `git add + commit (${label})`,
      null,
      () => 0,
      () => {
        git(work, 'add', '-A');
        git(work, 'commit', '--quiet', '-m', `bench: ${label}`);
      },
    );
    changedBytes = pushPackBytes(work, remoteHead);
    timed(
      `git push (${label})`,
      PUSH_REQUESTS,
      () => changedBytes,
      () => {
        git(work, 'push', '--quiet', 'origin', 'HEAD:main');
      },
    );
  };
  // git clone of an empty repository only warns; the first round starts from it.
  round('first', trailFiles(count, unchanged), true);
  round('no-change', [], false);
  round(
    '1% change',
    trailFiles(count, onePercent).filter((_, i) => onePercent(i) === 1),
    true,
  );
}

/**
 * The GitHub trail adapter against the simulated GitHub (same process, no rate limits:
 * writeIntervalMs 0, waitUnitMs 0) and kube-backup's clone + commit + push with real git over
 * file://, at each trail size.
 */
export async function runGitHubBench(sizes: readonly number[]): Promise<GitHubBenchResult> {
  const rows: GitHubBenchRow[] = [];
  for (const count of sizes) {
    const sim = await startGitHubSim();
    const root = mkdtempSync(join(tmpdir(), 'statetrail-bench-git-'));
    try {
      await measureGitHub(sim, count, rows);
      measureGit(root, count, rows);
    } finally {
      await sim.close();
      rmSync(root, { recursive: true, force: true });
    }
  }
  const ratios = sizes.map((files) => {
    const row = (scenario: string) => {
      const found = rows.find((r) => r.files === files && r.scenario === scenario);
      if (!found) throw new Error(`No ${scenario} row at ${files} files`);
      return found;
    };
    const read = row('statetrail no-change read');
    const clone = row('git clone (no-change)');
    const change = row('statetrail 1% change');
    const gitChange = [
      'git clone (1% change)',
      'git write files (1% change)',
      'git add + commit (1% change)',
      'git push (1% change)',
    ]
      .map((scenario) => row(scenario).wallMs)
      .reduce((a, b) => a + b, 0);
    return {
      files,
      noChangeCallsVsClone: (read.calls ?? 0) / CLONE_REQUESTS,
      noChangeBytesVsClone: read.bytes / clone.bytes,
      changeWallVsClonePush: change.wallMs / gitChange,
    };
  });
  return { rows, ratios };
}

function kib(bytes: number): string {
  return bytes >= 10 * 2 ** 20
    ? `${(bytes / 2 ** 20).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The lines `npm run bench` prints for the GitHub benchmark. */
export function formatGitHubBench(result: GitHubBenchResult): string[] {
  const cell = (value: number | null) => (value === null ? '-' : String(value));
  return [
    'GitHub trail vs clone + commit + push (simulated GitHub in this process, no rate limits:',
    '  writeIntervalMs 0, waitUnitMs 0; git: real git over file://, --no-local clone; git calls',
    `  = the smart-HTTP requests it would make: clone ${CLONE_REQUESTS}, push ${PUSH_REQUESTS}; git bytes = pack size)`,
    `  ${'files'.padStart(7)}  ${'scenario'.padEnd(32)} ${'calls'.padStart(6)} ${'writes'.padStart(6)} ${'bytes'.padStart(11)} ${'wall ms'.padStart(8)}`,
    ...result.rows.map(
      (row) =>
        `  ${String(row.files).padStart(7)}  ${row.scenario.padEnd(32)} ${cell(row.calls).padStart(6)} ${cell(row.writes).padStart(6)} ${kib(row.bytes).padStart(11)} ${row.wallMs.toFixed(0).padStart(8)}`,
    ),
    ...result.ratios.map(
      (ratio) =>
        `  ${String(ratio.files).padStart(7)}  no-change read: ${ratio.noChangeCallsVsClone.toFixed(1)}x a clone's requests, 1/${Math.round(1 / ratio.noChangeBytesVsClone)} of its bytes; 1% change: ${ratio.changeWallVsClonePush.toFixed(2)}x the wall time of clone + commit + push`,
    ),
  ];
}
