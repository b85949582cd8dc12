/**
 * `npm run bench [-- --n 20000 --instances 5000 --drift 100000 --kube 20000 --runs 5]`: speed and memory figures, printed with their
 * ratios. Targets live here, not in timed unit tests.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCanonicalYamlBench, runCanonicalYamlBench } from './canonical-yaml.js';
import { formatDriftBench, runDriftBench } from './drift.js';
import { formatKubeDriftBench, runKubeDriftBench } from './drift-kube.js';
import { formatScanBench, runScanBench } from './scan.js';
import { formatStartUpBench, runStartUpBench } from './start-up.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    instances: { type: 'string', default: '5000' },
    drift: { type: 'string', default: '100000' },
    kube: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
  },
});

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);
const runs = Number(values.runs);
print(formatStartUpBench(runStartUpBench(resolve(import.meta.dirname, '..'), runs), runs));
print(formatCanonicalYamlBench(runCanonicalYamlBench(Number(values.n))));
print(formatScanBench(await runScanBench(Number(values.instances))));
print(formatDriftBench(runDriftBench(Number(values.drift))));
print(formatKubeDriftBench(runKubeDriftBench(Number(values.kube))));
