/**
 * `npm run bench [-- --n 20000 --instances 5000 --drift 100000 --kube 20000 --runs 5
 * --github 1000,10000[,100000] --steps 100000 --quick --only github]`: speed and memory figures, printed with their
 * ratios; the GitHub figures also go to bench/results.json (key `github`). `--quick` runs the
 * GitHub section at 1,000 files only; `--only NAME,...` runs only those sections
 * (`steps`: each pipeline step at `--steps` resources in a fresh process, against Lambda's limits). Targets live
 * here, not in timed unit tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCanonicalYamlBench, runCanonicalYamlBench } from './canonical-yaml.js';
import { formatDriftBench, runDriftBench } from './drift.js';
import { formatKubeDriftBench, runKubeDriftBench } from './drift-kube.js';
import { formatFunctionsBench, runFunctionsBench } from './functions.js';
import { formatGitHubBench, runGitHubBench } from './github.js';
import { formatScanBench, runScanBench } from './scan.js';
import { formatStartUpBench, runStartUpBench } from './start-up.js';
import { formatStepsBench, runStepsBench } from './steps.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    instances: { type: 'string', default: '5000' },
    drift: { type: 'string', default: '100000' },
    kube: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
    github: { type: 'string', default: '1000,10000' },
    quick: { type: 'boolean', default: false },
    steps: { type: 'string', default: '100000' },
    only: { type: 'string' },
  },
});

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);
const only = values.only?.split(',').map((name) => name.trim());
const wanted = (name: string) => only === undefined || only.includes(name);
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '..');
if (wanted('start-up')) print(formatStartUpBench(runStartUpBench(root, runs), runs));
if (wanted('functions')) print(formatFunctionsBench(await runFunctionsBench(root, runs), runs));
if (wanted('yaml')) print(formatCanonicalYamlBench(runCanonicalYamlBench(Number(values.n))));
if (wanted('scan')) print(formatScanBench(await runScanBench(Number(values.instances))));
if (wanted('drift')) print(formatDriftBench(runDriftBench(Number(values.drift))));
if (wanted('steps')) print(formatStepsBench(await runStepsBench(root, Number(values.steps))));
if (wanted('kube')) print(formatKubeDriftBench(runKubeDriftBench(Number(values.kube))));
if (wanted('github')) {
  const sizes = values.quick ? [1000] : values.github.split(',').map(Number);
  const github = await runGitHubBench(sizes);
  print(formatGitHubBench(github));
  const file = resolve(import.meta.dirname, 'results.json');
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No results yet.
  }
  results.github = { measuredAt: new Date().toISOString(), quick: values.quick, ...github };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
