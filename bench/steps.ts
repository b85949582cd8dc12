/**
 * Each pipeline step at N resources in its own Node process: wall time, CPU time and peak RSS
 * against Lambda's limits and the memory the scanner stack gives the step's function.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { awsScope, type PlannedTarget, type ScanResult } from '../lib/model/index.js';
import { stagingKeys } from '../lib/pipeline/keys.js';
import type { Plan } from '../lib/pipeline/plan.js';
import { generateWorld } from '../test/sim/aws/generate-world.js';
import { startAwsSim } from '../test/sim/aws/server.js';
import { benchPair } from './drift.js';

/** Lambda's hard limits: 15 minutes and 10,240 MB. */
export const LAMBDA_LIMITS = { timeoutMs: 15 * 60_000, memoryMb: 10_240 } as const;

/** The memory (MB) and timeout the scanner stack configures (infra/stacks/scanner-stack.ts). */
export const STEP_FUNCTIONS = {
  collect: { memoryMb: 1024, timeoutMs: 4 * 60_000 },
  drift: { memoryMb: 1024, timeoutMs: 10 * 60_000 },
  commit: { memoryMb: 1024, timeoutMs: 10 * 60_000 },
} as const;

/** Lambda gives one full vCPU at 1,769 MB, and CPU in proportion below it. */
export const MB_PER_VCPU = 1769;

/** One step measured in a fresh process. */
export interface StepFigure {
  readonly step: string;
  readonly fn: keyof typeof STEP_FUNCTIONS;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** CPU time of the processes it ran and waited for (git, for the local trail). */
  readonly childCpuMs: number;
  readonly peakRssMb: number;
  /** What the step reported (counts), for the reader to check it did the work. */
  readonly detail: string;
}

/** What the steps bench measured at one size. */
export interface StepsBenchResult {
  readonly n: number;
  readonly targets: number;
  readonly managed: number;
  /** One collect target's staged document. */
  readonly collectTargetBytes: number;
  readonly collectTargetResources: number;
  /** The drift step's staged output (report, Terraform record, codify). */
  readonly driftBytes: number;
  /** A process that loads the same modules and runs nothing. */
  readonly baselineRssMb: number;
  readonly steps: StepFigure[];
}

const REGION = 'eu-west-1';
/** Resources per collect target: one account's EC2 in one region. */
const PER_TARGET = 10_000;
const PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

function accountOf(target: number): string {
  return String(200000000000 + target);
}

/** Whether resource i is in the Terraform state (four in five are), and drifted (1 in 50 of those). */
export function isManaged(i: number): boolean {
  return i % 5 !== 4;
}

function isDrifted(i: number): boolean {
  return i % 50 === 0;
}

/**
 * Stages a synthetic scan of n resources as plan and collect would (one target per 10,000: one
 * account's EC2 in eu-west-1), and writes a Terraform state managing four in five of them.
 */
export function stageSyntheticScan(dir: string, scanId: string, n: number) {
  const staging = join(dir, 'staging');
  const targets = Math.max(1, Math.ceil(n / PER_TARGET));
  const planned: PlannedTarget[] = [];
  const stateResources: unknown[] = [];
  let firstTargetBytes = 0;
  let firstTargetResources = 0;
  for (let t = 0; t < targets; t++) {
    const account = accountOf(t);
    const key = `aws-${account}-${REGION}-ec2`;
    planned.push({
      key,
      target: {
        kind: 'aws',
        account: { roleArn: `arn:aws:iam::${account}:role/statetrail` },
        region: REGION,
        service: 'ec2',
        options: { userData: 'skip', keepVolatile: false },
      },
    });
    const result: ScanResult = {
      resources: [],
      kubeRecords: [],
      warnings: [],
      scopes: ['AWS::EC2::Instance', 'AWS::EC2::SecurityGroup', 'AWS::EC2::Subnet'].map((type) => ({
        scope: awsScope(account, REGION, type),
        complete: true,
      })),
      calls: { sts: 1, ec2: 3 },
    };
    for (let i = t * PER_TARGET; i < Math.min(n, (t + 1) * PER_TARGET); i++) {
      const [resource, instance] = benchPair(i, account);
      result.resources.push(resource);
      if (!isManaged(i)) continue;
      const attributes = isDrifted(i)
        ? { ...instance.attributes, tags: { ...resource.tags, team: 'drifted' } }
        : instance.attributes;
      stateResources.push({
        mode: 'managed',
        type: instance.type,
        name: `r${i}`,
        provider: PROVIDER,
        instances: [{ schema_version: 0, attributes }],
      });
    }
    const file = join(staging, ...stagingKeys.collect(scanId, key).split('/'));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify(result));
    if (t === 0) {
      firstTargetBytes = statSync(file).size;
      firstTargetResources = result.resources.length;
    }
  }
  const plan: Plan = { version: 1, scanId, targets: planned, warnings: [], calls: {} };
  writeFileSync(join(staging, ...stagingKeys.plan(scanId).split('/')), JSON.stringify(plan));
  const state = {
    version: 4,
    terraform_version: '1.9.0',
    serial: 1,
    lineage: 'bench',
    outputs: {},
    resources: stateResources,
  };
  writeFileSync(join(dir, 'bench.tfstate'), JSON.stringify(state));
  return {
    targets,
    managed: stateResources.length,
    collectTargetBytes: firstTargetBytes,
    collectTargetResources: firstTargetResources,
  };
}

/** A scan's plan and collect results staged again under another scan id (an unchanged rescan). */
function restage(dir: string, from: string, to: string): void {
  cpSync(join(dir, 'staging', 'scans', from), join(dir, 'staging', 'scans', to), {
    recursive: true,
    filter: (source) => !/(commit|announce)\.json$/.test(source),
  });
}

/** What the child prints: its own wall and CPU time, git's CPU time, its peak RSS. */
interface ChildFigure {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly childCpuMs: number;
  readonly peakRssMb: number;
  readonly detail: string;
}

async function runChild(
  root: string,
  args: { dir: string; step: string; scanId: string; simUrl?: string },
): Promise<ChildFigure> {
  const child = join(root, 'bench', 'steps-child.ts');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', child, args.step, args.dir, args.scanId],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, STEPS_SIM_URL: args.simUrl ?? '' },
    },
  );
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as ChildFigure;
}

/**
 * One real collect of a 10,000-instance target (plus 2,000 security groups, 60 subnets) through
 * the SDK against the simulated EC2, in a child process; the simulator runs in this one.
 */
async function measureCollect(root: string, dir: string): Promise<StepFigure> {
  const world = generateWorld({
    seed: 7,
    instances: PER_TARGET,
    securityGroups: PER_TARGET / 5,
    vpcs: 10,
    subnets: 60,
  });
  const sim = await startAwsSim(world);
  try {
    const figure = await runChild(root, { dir, step: 'collect', scanId: 'c1', simUrl: sim.url });
    return { step: 'collect (one target)', fn: 'collect', ...figure };
  } finally {
    await sim.close();
  }
}

/**
 * Stages n resources and runs drift, the first commit and an unchanged rescan's commit, each in a
 * fresh process, and one real collect of a 10,000-instance target.
 */
export async function runStepsBench(root: string, n: number): Promise<StepsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'statetrail-steps-'));
  try {
    const staged = stageSyntheticScan(dir, 's1', n);
    const baseline = await runChild(root, { dir, step: 'none', scanId: 's1' });
    const steps: StepFigure[] = [await measureCollect(root, dir)];
    const measure = async (
      step: string,
      fn: keyof typeof STEP_FUNCTIONS,
      kind: string,
      scanId: string,
    ) => {
      steps.push({ step, fn, ...(await runChild(root, { dir, step: kind, scanId })) });
    };
    await measure('drift', 'drift', 'drift', 's1');
    const driftBytes = statSync(join(dir, 'staging', ...stagingKeys.drift('s1').split('/'))).size;
    await measure('commit (first scan)', 'commit', 'commit', 's1');
    restage(dir, 's1', 's2');
    await measure('commit (unchanged rescan)', 'commit', 'commit', 's2');
    return { n, ...staged, driftBytes, baselineRssMb: baseline.peakRssMb, steps };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `OK` when a figure is within its limit, `OVER` when not, with the ratio. */
export function against(value: number, limit: number): string {
  const ratio = value / limit;
  return `${ratio.toFixed(2)}x ${ratio <= 1 ? 'OK' : 'OVER'}`;
}

/** The bench's lines: each step against Lambda's limits and its function's configuration. */
export function formatStepsBench(result: StepsBenchResult): string[] {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const lines = [
    `steps at ${result.n} resources (${result.targets} collect targets, ${result.managed} in the Terraform state), each in a fresh process (tsx; an idle one peaks at ${result.baselineRssMb.toFixed(0)} MiB):`,
    `  staged: one collect target ${mb(result.collectTargetBytes)} MiB for ${result.collectTargetResources} resources; drift.json ${mb(result.driftBytes)} MiB`,
  ];
  for (const s of result.steps) {
    const fn = STEP_FUNCTIONS[s.fn];
    // At its configured memory a function gets this share of a vCPU: CPU time stretches by it.
    const lambdaMs = s.cpuMs * Math.max(1, MB_PER_VCPU / fn.memoryMb);
    lines.push(
      `  ${s.step.padEnd(26)} wall ${(s.wallMs / 1000).toFixed(1).padStart(6)} s  CPU ${(s.cpuMs / 1000).toFixed(1).padStart(6)} s (+ git ${(s.childCpuMs / 1000).toFixed(1)} s)  peak RSS ${s.peakRssMb.toFixed(0).padStart(5)} MiB  (${s.detail})`,
      `    memory: / ${fn.memoryMb} MB configured ${against(s.peakRssMb, fn.memoryMb)}, / ${LAMBDA_LIMITS.memoryMb} MB Lambda ${against(s.peakRssMb, LAMBDA_LIMITS.memoryMb)}`,
      `    time (CPU at ${fn.memoryMb} MB ~${(lambdaMs / 1000).toFixed(1)} s): / ${fn.timeoutMs / 60_000} min configured ${against(lambdaMs, fn.timeoutMs)}, / 15 min Lambda ${against(lambdaMs, LAMBDA_LIMITS.timeoutMs)}`,
    );
  }
  return lines;
}
