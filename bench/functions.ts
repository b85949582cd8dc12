import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE_BANNER } from '../infra/constructs/scanner-function.js';

/** One function's bundle and the time its module takes to initialise in a fresh process. */
export interface FunctionFigure {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Median over the runs: from `import()` called to the module evaluated (the Lambda init phase's share). */
  readonly initMs: number;
}

/** Well under half a second of module init per function, the issue's target. */
export const INIT_TARGET_MS = 500;

/** What the handlers check at cold start; values that reach nothing (no call is made at init). */
const INIT_ENV = {
  STAGING_BUCKET: 'bench-staging',
  STATETRAIL_TRAIL: 'github:acme/trail',
  GITHUB_TOKEN: 'bench-token',
  LEASE_TABLE: 'bench-leases',
  STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:111111111111:stateMachine:bench',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

/**
 * Bundles every `functions/*.ts` entry as the ScannerFunction construct does (ESM, minified, the
 * SDK inside, for Node 22) and times each bundle's module initialisation in a new Node process.
 */
export async function runFunctionsBench(root: string, runs: number): Promise<FunctionFigure[]> {
  const out = mkdtempSync(join(tmpdir(), 'statetrail-bundles-'));
  try {
    const entries = readdirSync(join(root, 'functions')).filter((f) => f.endsWith('.ts'));
    const figures: FunctionFigure[] = [];
    for (const entry of entries.sort()) {
      const name = entry.replace(/\.ts$/, '');
      const outfile = join(out, `${name}.mjs`);
      await build({
        entryPoints: [join(root, 'functions', entry)],
        outfile,
        bundle: true,
        minify: true,
        platform: 'node',
        target: 'node22',
        format: 'esm',
        mainFields: ['module', 'main'],
        banner: { js: LAMBDA_BUNDLE_BANNER },
        logLevel: 'error',
      });
      const bytes = statSync(outfile).size;
      const gzipBytes = gzipSync(readFileSync(outfile)).length;
      const times = Array.from({ length: runs }, () => initTime(outfile));
      figures.push({ name, bytes, gzipBytes, initMs: median(times) });
    }
    return figures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function initTime(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...INIT_ENV, PATH: process.env['PATH'] ?? '' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`init of ${file} failed: ${run.stderr.slice(0, 500)}`);
  return Number(run.stdout);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The figures as a table, each init against the target. */
export function formatFunctionsBench(figures: FunctionFigure[], runs: number): string[] {
  return [
    `Lambda bundles (esbuild, minified, SDK inside) and module init, median of ${runs} (target < ${INIT_TARGET_MS} ms):`,
    ...figures.map(
      (f) =>
        `  ${f.name.padEnd(10)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KiB (${(f.gzipBytes / 1024).toFixed(0)} KiB gzip)  init ${f.initMs.toFixed(0).padStart(4)} ms  ${f.initMs < INIT_TARGET_MS ? 'ok' : 'OVER'}`,
    ),
  ];
}
