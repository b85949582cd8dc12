import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConfig } from '../config/schema.js';
import type { KubeTarget } from '../model/index.js';
import { CliError } from './errors.js';

/**
 * Loads a kubeconfig as kubectl does (a file, else KUBECONFIG or ~/.kube/config) and selects the
 * context; a missing file or unknown context is a CLI error naming it.
 */
export function loadKubeConfig(file: string | undefined, context: string | undefined): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (file) kc.loadFromFile(file);
    else kc.loadFromDefault();
  } catch (error) {
    throw new CliError(`--kubeconfig ${file ?? '(default)'}: cannot read it`, { cause: error });
  }
  if (context) {
    if (!kc.getContexts().some((c) => c.name === context)) {
      throw new CliError(`--context ${context}: no such context in the kubeconfig`);
    }
    kc.setCurrentContext(context);
  }
  if (!kc.getCurrentCluster()) {
    throw new CliError('The kubeconfig has no current context with a cluster; give --context');
  }
  return kc;
}

/**
 * The target of one configured cluster. Its trail name is the config's `name`, else the
 * kubeconfig's cluster entry name (what `kubectl config view` shows under `clusters`), else the
 * context name; the plan refuses two targets that would share one `k8s/<cluster>/` directory.
 */
export function kubeTarget(cluster: ClusterConfig): KubeTarget {
  const { kubeconfig: file, context, name, requestTimeoutSeconds } = cluster;
  const kc = loadKubeConfig(file, context);
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
