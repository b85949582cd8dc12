import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConfig } from '../config/schema.js';
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

/**
 * The target of one configured cluster. Its trail name is the config's `name`, else the
 * kubeconfig's cluster entry name (what `kubectl config view` shows under `clusters`), else the
 * context name; the plan refuses two targets that would share one `k8s/<cluster>/` directory.
 */
export function kubeTarget(cluster: ClusterConfig): KubeTarget {
  const { kubeconfig: file, context, name, requestTimeoutSeconds } = cluster;
  const kc = loadForCli(file, context);
  return {
    kind: 'k8s',
    cluster: name ?? kc.getCurrentCluster()?.name ?? kc.getCurrentContext(),
    ...(file ? { kubeconfig: file } : {}),
    context: kc.getCurrentContext(),
    ...(requestTimeoutSeconds !== undefined && {
      requestTimeoutMs: Math.max(1, Math.round(requestTimeoutSeconds * 1000)),
    }),
  };
}
