/**
 * One pipeline step in this process, for bench/steps.ts: `steps-child.ts STEP DIR SCAN_ID` prints
 * its wall time, CPU time and peak RSS as one JSON line. Only the step's own modules are loaded (as
 * its Lambda bundle holds only them), before the clock starts; STEP `none` loads nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Loads what a step needs and returns it ready to run; it resolves to a line of counts. */
async function prepare(step: string, dir: string, scanId: string): Promise<() => Promise<string>> {
  if (step === 'none') return async () => 'nothing';
  const { silentLogger, systemClock } = await import('../lib/model/index.js');
  const { DirStagingStore } = await import('../lib/pipeline/dir-staging-store.js');
  const staging = new DirStagingStore({ root: join(dir, 'staging') });
  if (step === 'collect') {
    const { collect } = await import('../lib/pipeline/collect.js');
    const { createAwsClientFactory } = await import('../lib/sources/aws/client-factory.js');
    const { generatedAccessKeyId } = await import('../test/sim/aws/generate-world.js');
    const url = process.env['STEPS_SIM_URL'] ?? '';
    const aws = createAwsClientFactory({
      endpoints: { ec2: url, sts: url },
      credentials: { accessKeyId: generatedAccessKeyId(0), secretAccessKey: 'x' },
    });
    const planned = {
      key: 'aws-caller-eu-west-1-ec2',
      target: {
        kind: 'aws' as const,
        account: {},
        region: 'eu-west-1',
        service: 'ec2' as const,
        options: { userData: 'skip' as const, keepVolatile: false },
      },
    };
    return async () => {
      const output = await collect({ scanId, planned }, { staging, aws, logger: silentLogger });
      return `${output.resources} resources, ${output.warnings} warnings`;
    };
  }
  const { LocalGitTrail } = await import('../lib/trail/local-git-trail.js');
  const trail = new LocalGitTrail({ dir: join(dir, 'trail') });
  if (step === 'drift') {
    const { drift } = await import('../lib/pipeline/drift.js');
    return async () => {
      const output = await drift(
        { scanId, states: [{ location: join(dir, 'bench.tfstate') }] },
        { staging, trail, logger: silentLogger, clock: systemClock },
      );
      const { summary } = output.report;
      return `${summary.changed} changed, ${summary.unmanaged} unmanaged, ${output.errors.length} errors`;
    };
  }
  if (step === 'commit') {
    const { commit } = await import('../lib/pipeline/commit.js');
    return async () => {
      const output = await commit({ scanId }, { staging, trail, logger: silentLogger });
      return `${output.added} added, ${output.changed} changed, commit ${output.commit ? 'made' : 'none'}`;
    };
  }
  throw new Error(`unknown step ${step}`);
}

const [step = '', dir = '', scanId = ''] = process.argv.slice(2);
const run = await prepare(step, dir, scanId);
const cpu = process.cpuUsage();
const start = performance.now();
const detail = await run();
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
// Fields 16 and 17 of /proc/self/stat: the CPU ticks of children waited for (git), 100 a second.
const stat = readFileSync('/proc/self/stat', 'utf8');
const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
const childCpuMs = (Number(fields[13]) + Number(fields[14])) * 10;
// VmHWM, not getrusage's maxRSS: that one starts from the parent's RSS at fork (Linux keeps the
// old memory's high-water mark across exec), and the parent holds the simulated world.
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
const peakRssMb = Number(hwm?.[1]) / 1024;
process.stdout.write(
  `${JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000, childCpuMs, peakRssMb, detail })}\n`,
);
