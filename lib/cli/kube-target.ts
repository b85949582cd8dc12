import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeTarget } from '../model/index.js';
import { KubeConfigError } from '../wiring/errors.js';
import { loadKubeConfig } from '../wiring/kube-config.js';
import { CliError } from './errors.js';

/** Loads the kubeconfig a flag names; a problem with it is a CLI error naming the flag. */
function loadForCli(file: string | undefined, context: string | undefined): KubeConfig {
  try {
    return loadKubeConfig(file, context);
  } catch (error) {
    if (!(error instanceof KubeConfigError)) throw error;
    const flagged = /^(kubeconfig|context) /.test(error.message)
      ? `--${error.message}`
      : error.message;
    throw new CliError(flagged, { cause: error });
  }
}

/** The target of the selected cluster, named in the trail after the kubeconfig's cluster entry. */
export function kubeTarget(file: string | undefined, context: string | undefined): KubeTarget {
  const kc = loadForCli(file, context);
  const cluster = kc.getCurrentCluster()?.name ?? kc.getCurrentContext();
  return {
    kind: 'k8s',
    cluster,
    ...(file ? { kubeconfig: file } : {}),
    context: kc.getCurrentContext(),
  };
}
