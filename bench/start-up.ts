import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One start-up figure: the median wall time of `runs` runs of one command line. */
export interface StartUpFigure {
  readonly label: string;
  readonly medianMs: number;
  /** The target for the installed CLI; absent for the clone form (npm + tsx add their own). */
  readonly targetMs?: number;
}

const TARGET_MS = 500;

/**
 * Times `--help` and `--version` of the built CLI (`node dist/lib/cli/main.js`, building it first
 * when dist is older than lib/) and of the clone form (`npm run --silent statetrail`, via tsx).
 */
export function runStartUpBench(root: string, runs: number): StartUpFigure[] {
  const main = join(root, 'dist/lib/cli/main.js');
  if (!existsSync(main) || statSync(main).mtimeMs < newestSource(join(root, 'lib'))) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  const figures: StartUpFigure[] = [];
  for (const flag of ['--help', '--version']) {
    figures.push({
      label: `node dist/lib/cli/main.js ${flag}`,
      medianMs: median(runs, () => time(process.execPath, [main, flag], root)),
      targetMs: TARGET_MS,
    });
  }
  for (const flag of ['--help', '--version']) {
    figures.push({
      label: `npm run --silent statetrail -- ${flag}`,
      medianMs: median(runs, () =>
        time('npm', ['run', '--silent', 'statetrail', '--', flag], root),
      ),
    });
  }
  return figures;
}

/** The figures as lines, each built one with pass or fail against its target. */
export function formatStartUpBench(figures: readonly StartUpFigure[], runs: number): string[] {
  return [
    `start-up (median of ${runs} runs)`,
    ...figures.map((f) => {
      const verdict =
        f.targetMs === undefined
          ? ''
          : f.medianMs < f.targetMs
            ? '  pass (< 500 ms)'
            : '  FAIL (>= 500 ms)';
      return `  ${f.label.padEnd(44)} ${f.medianMs.toFixed(0).padStart(5)} ms${verdict}`;
    }),
  ];
}

function time(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd, stdio: 'ignore' });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${child.status}`);
  return ms;
}

function median(runs: number, sample: () => number): number {
  const samples = Array.from({ length: runs }, sample).sort((a, b) => a - b);
  const mid = Math.floor(samples.length / 2);
  return samples.length % 2 === 1
    ? (samples[mid] ?? 0)
    : ((samples[mid - 1] ?? 0) + (samples[mid] ?? 0)) / 2;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
