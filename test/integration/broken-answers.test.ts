import { cp } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/run-cli.js';
import { ANSWER_SHAPES } from '../../lib/sources/aws/answer-shapes.js';
import type { BrokenAnswer, Faults } from '../sim/aws/faults.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { sampleWorld } from '../sim/aws/world.js';
import { freshTrailDir, git, SAMPLE_KEY } from './scan-helpers.js';

const SERVICES = ['ec2', 'eks', 's3'] as const;

/**
 * The operations a scan calls, in the order one waits for another: an operation of a later
 * layer is only called when the earlier ones answered. Operations of one layer do not depend on
 * each other, so one scan breaks all of them at once and each still meets its fault.
 */
// EC2's per-resource reads, made after their type's list.
const EC2_READS: ReadonlySet<string> = new Set([
  'DescribeVpcAttribute',
  'DescribeSecurityGroupRules',
  'DescribeLaunchTemplateVersions',
  'GetManagedPrefixListEntries',
]);

const LAYERS: readonly (readonly string[])[] = [
  [
    ...[...ANSWER_SHAPES.entries()]
      .filter(([op, shape]) => shape.root === `${op}Response` && op.startsWith('Describe'))
      .map(([op]) => op)
      .filter(
        (op) =>
          !EC2_READS.has(op) && op !== 'DescribeRegions' && op !== 'DescribeInstanceAttribute',
      ),
  ],
  // A scan in which no scope at all could be read is an error (exit 2): the EC2 lists are
  // broken apart from the other services' lists, so some scope always completes.
  ['ListClusters', 'ListBuckets'],
  [
    ...EC2_READS,
    'DescribeCluster',
    'ListNodegroups',
    'ListAddons',
    'ListFargateProfiles',
    'ListAccessEntries',
    'ListIdentityProviderConfigs',
    'ListPodIdentityAssociations',
    ...[...ANSWER_SHAPES.keys()].filter(
      (op) =>
        op.startsWith('GetBucket') || op.startsWith('GetPublic') || op.startsWith('GetObject'),
    ),
  ],
  [
    'DescribeNodegroup',
    'DescribeAddon',
    'DescribeFargateProfile',
    'DescribeAccessEntry',
    'DescribeIdentityProviderConfig',
    'DescribePodIdentityAssociation',
  ],
  ['ListAssociatedAccessPolicies'],
];

// Short enough that a server that never answers costs little; the SDK ends the call itself.
const HANG_TIMEOUT_MS = 250;
const ATTEMPTS = 2;

/** Every way an answer can break, and how the sim is told to break it for one operation. */
const FAULTS: Readonly<Record<string, (faults: Faults, action: string) => void>> = {
  html: (f, action) => f.broken({ action, answer: 'html' satisfies BrokenAnswer }),
  empty: (f, action) => f.broken({ action, answer: 'empty' }),
  foreign: (f, action) => f.broken({ action, answer: 'foreign' }),
  bare: (f, action) => f.broken({ action, answer: 'bare' }),
  truncated: (f, action) => f.malformed({ action, count: 1000 }),
  reset: (f, action) => f.reset({ action }),
  timeout: (f, action) => f.hang({ action }),
  '5xx': (f, action) => f.fail({ action, count: 1000, status: 503 }),
  throttle: (f, action) => f.throttle({ action, count: 1000 }),
  denied: (f, action) => f.deny({ action }),
};

async function scan(url: string, trail: string, timeoutMs?: number) {
  const endpoints = [...SERVICES, 'sts'].flatMap((s) => ['--endpoint', `${s}=${url}`]);
  const argv = ['scan', '--trail', trail, '--region', 'eu-west-1'];
  let stderr = '';
  const code = await runCli([...argv, ...endpoints], {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: process.cwd(),
    clock: { now: () => new Date('2026-11-22T10:00:00Z') },
    aws: {
      credentials: SAMPLE_KEY,
      retry: { maxAttempts: ATTEMPTS, backoffMs: () => 0 },
      ...(timeoutMs === undefined ? {} : { requestTimeoutMs: timeoutMs }),
    },
  });
  return { code, stderr };
}

function files(trail: string): string[] {
  return git(trail, 'ls-tree', '-r', '--name-only', 'HEAD', 'aws').split('\n').filter(Boolean);
}

describe('statetrail scan when AWS answers are broken', () => {
  let sim: AwsSim;
  let goodTrail: string;
  let goodFiles: string[];
  let called: string[];

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    goodTrail = await freshTrailDir();
    const run = await scan(sim.url, goodTrail);
    expect(run.code, run.stderr).toBe(0);
    goodFiles = files(goodTrail);
    called = [...new Set(sim.calls.filter((c) => c.service !== 'sts').map((c) => c.action))].sort();
  }, 60_000);
  afterAll(async () => {
    await sim.close();
  });

  it('breaks, layer by layer, every operation a good scan calls, each with a declared shape', () => {
    expect(LAYERS.flat().sort()).toEqual(called);
    // DescribeRegions is discovery's (`--region all`), DescribeInstanceAttribute reads user data
    // only when fingerprints are asked for: neither is part of this scan.
    const declared = [...ANSWER_SHAPES.keys()].filter(
      (op) => op !== 'DescribeRegions' && op !== 'DescribeInstanceAttribute',
    );
    expect(called).toEqual(declared.sort());
  });

  it.each(Object.keys(FAULTS))(
    'never removes a file because of a %s answer, and still exits 0 or 1',
    async (kind) => {
      const inject = FAULTS[kind];
      if (!inject) throw new Error(`unknown fault ${kind}`);
      const removed: string[] = [];
      for (const layer of LAYERS) {
        const trail = await freshTrailDir();
        await cp(goodTrail, trail, { recursive: true });
        sim.faults.clear();
        sim.resetCalls();
        for (const operation of layer) inject(sim.faults, operation);
        const run = await scan(sim.url, trail, kind === 'timeout' ? HANG_TIMEOUT_MS : undefined);
        sim.faults.clear();
        expect([0, 1], `${kind} ${layer.join(',')}: ${run.stderr}`).toContain(run.code);
        const broken = new Set(sim.calls.filter((c) => c.fault !== undefined).map((c) => c.action));
        expect(
          [...layer].filter((op) => !broken.has(op)),
          `${kind}: not reached`,
        ).toEqual([]);
        const after = new Set(files(trail));
        for (const file of goodFiles) if (!after.has(file)) removed.push(file);
      }
      expect(removed).toEqual([]);
    },
    60_000,
  );
});
