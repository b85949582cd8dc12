import { KubeConfig } from '@kubernetes/client-node';
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

/** The target of the selected cluster, named in the trail after the kubeconfig's cluster entry. */
export function kubeTarget(file: string | undefined, context: string | undefined): KubeTarget {
  const kc = loadKubeConfig(file, context);
  const cluster = kc.getCurrentCluster()?.name ?? kc.getCurrentContext();
  return {
    kind: 'k8s',
    cluster,
    ...(file ? { kubeconfig: file } : {}),
    context: kc.getCurrentContext(),
  };
}
