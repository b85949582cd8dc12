import { KubeConfig } from '@kubernetes/client-node';

/** An EKS cluster as DescribeCluster describes it, plus a bearer token for it. */
export interface EksKubeConfigOptions {
  /** The cluster name, used as the kubeconfig cluster, user and context name. */
  readonly name: string;
  /** The API server URL (`cluster.endpoint`). */
  readonly endpoint: string;
  /** Base64 PEM of the cluster CA, as `cluster.certificateAuthority.data` returns it. */
  readonly certificateAuthorityData: string;
  /** A token from `eksBearerToken`; it is static, so build a new KubeConfig when it is renewed. */
  readonly token: string;
}

/** A KubeConfig whose current context is the EKS cluster, authenticated with a bearer token. */
export function eksKubeConfig(options: EksKubeConfigOptions): KubeConfig {
  const { name, endpoint, certificateAuthorityData, token } = options;
  const kc = new KubeConfig();
  kc.loadFromClusterAndUser(
    { name, server: endpoint, caData: certificateAuthorityData, skipTLSVerify: false },
    { name, token },
  );
  return kc;
}
