import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KubeSim } from '../../../sim/k8s/server.js';

const run = promisify(execFile);

/** Runs the real kubectl against a sim, with its own kubeconfig, HOME and a fresh cache. */
export interface Kubectl {
  (...args: string[]): Promise<string>;
  dispose(): Promise<void>;
}

/** A kubectl bound to one sim; async, because the sim answers from this very process. */
export async function kubectlFor(sim: KubeSim): Promise<Kubectl> {
  const dir = await mkdtemp(join(tmpdir(), 'statetrail-kubectl-'));
  const config = join(dir, 'config');
  await writeFile(config, sim.kubeconfig());
  let n = 0;
  const kubectl = async (...args: string[]) => {
    n++;
    const { stdout } = await run(
      'kubectl',
      [
        '--kubeconfig',
        config,
        '--cache-dir',
        join(dir, `cache-${n}`),
        '--request-timeout=10s',
        ...args,
      ],
      { env: { PATH: process.env.PATH ?? '/usr/bin', HOME: dir }, maxBuffer: 32 * 1024 * 1024 },
    );
    return stdout;
  };
  return Object.assign(kubectl, { dispose: () => rm(dir, { recursive: true, force: true }) });
}
