import { KubeConfig } from '@kubernetes/client-node';
import type { Clock, KubeTarget } from '../model/index.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import { eksClusterKubeConfig } from '../sources/k8s/eks-access.js';
import { KubeConfigError } from './errors.js';

/**
 * Loads a kubeconfig as kubectl does (a file, else KUBECONFIG or ~/.kube/config) and selects the
 * context; a missing file, an unknown context or no cluster is a KubeConfigError naming it.
 */
export function loadKubeConfig(file: string | undefined, context: string | undefined): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (file) kc.loadFromFile(file);
    else kc.loadFromDefault();
  } catch (error) {
    throw new KubeConfigError(`kubeconfig ${file ?? '(default)'}: cannot read it`, {
      cause: error,
    });
  }
  if (context) {
    if (!kc.getContexts().some((c) => c.name === context)) {
      throw new KubeConfigError(`context ${context}: no such context in the kubeconfig`);
    }
    kc.setCurrentContext(context);
  }
  if (!kc.getCurrentCluster()) {
    throw new KubeConfigError(
      'The kubeconfig has no current context with a cluster; give --context',
    );
  }
  return kc;
}

/** Turns a Kubernetes target into the credentials to reach it. */
export type KubeConfigResolver = (target: KubeTarget) => Promise<KubeConfig>;

/**
 * The resolver every step uses: an EKS target gets endpoint, CA and a fresh IAM token through the
 * scan's own AWS clients; any other target its kubeconfig file and context.
 */
export function kubeConfigResolver(deps: {
  readonly aws: AwsClientFactory;
  readonly clock: Clock;
}): KubeConfigResolver {
  return async (target) =>
    target.eks
      ? eksClusterKubeConfig(target.eks, deps)
      : loadKubeConfig(target.kubeconfig, target.context);
}
