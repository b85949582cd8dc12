import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import type { KubeConfig } from '@kubernetes/client-node';
import type { AccountRef, Clock } from '../../model/index.js';
import { KubeError } from '../../model/kube-errors.js';
import type { AwsClientFactory } from '../aws/client-factory.js';
import { eksKubeConfig } from './eks-kubeconfig.js';
import { eksBearerToken } from './eks-token.js';

/** An EKS cluster to reach. */
export interface EksClusterRef {
  readonly account: AccountRef;
  readonly region: string;
  readonly name: string;
}

/**
 * A KubeConfig for an EKS cluster: endpoint and CA from DescribeCluster, and a fresh
 * aws-iam-authenticator token signed with the same credentials the AWS scan uses for that account.
 * Tokens live 15 minutes; one collect run builds its own.
 */
export async function eksClusterKubeConfig(
  cluster: EksClusterRef,
  deps: { readonly aws: AwsClientFactory; readonly clock: Clock },
): Promise<KubeConfig> {
  const client = deps.aws.eks(cluster.account, cluster.region);
  const { cluster: described } = await client.send(
    new DescribeClusterCommand({ name: cluster.name }),
  );
  const endpoint = described?.endpoint;
  const certificateAuthorityData = described?.certificateAuthority?.data;
  if (!endpoint || !certificateAuthorityData) {
    throw new KubeError(`EKS cluster ${cluster.name} has no endpoint or certificate yet`);
  }
  const credentials = await client.config.credentials();
  const token = await eksBearerToken({
    cluster: cluster.name,
    region: cluster.region,
    credentials,
    now: deps.clock.now(),
  });
  return eksKubeConfig({ name: cluster.name, endpoint, certificateAuthorityData, token });
}
