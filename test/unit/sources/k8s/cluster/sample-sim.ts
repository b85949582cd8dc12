import { KubeConfig } from '@kubernetes/client-node';
import { sampleCluster } from '../../../../sim/k8s/sample.js';
import { type KubeSim, startKubeSim } from '../../../../sim/k8s/server.js';

/** The simulated sample cluster and a client config for it, as a user's kubeconfig gives it. */
export async function sampleSim(): Promise<{ sim: KubeSim; kc: KubeConfig }> {
  const sim = await startKubeSim(sampleCluster());
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  return { sim, kc };
}
