/**
 * `npm run bench [-- --n 20000 --instances 5000 --drift 100000 --kube 20000]`: speed and memory figures, printed with their
 * ratios. Targets live here, not in timed unit tests.
 */
import { parseArgs } from 'node:util';
import { formatCanonicalYamlBench, runCanonicalYamlBench } from './canonical-yaml.js';
import { formatDriftBench, runDriftBench } from './drift.js';
import { formatKubeDriftBench, runKubeDriftBench } from './drift-kube.js';
import { formatScanBench, runScanBench } from './scan.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    instances: { type: 'string', default: '5000' },
    drift: { type: 'string', default: '100000' },
    kube: { type: 'string', default: '20000' },
  },
});

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);
print(formatCanonicalYamlBench(runCanonicalYamlBench(Number(values.n))));
print(formatScanBench(await runScanBench(Number(values.instances))));
print(formatDriftBench(runDriftBench(Number(values.drift))));
print(formatKubeDriftBench(runKubeDriftBench(Number(values.kube))));
