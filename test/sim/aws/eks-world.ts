import type {
  AccessEntry,
  Addon,
  AssociatedAccessPolicy,
  Cluster,
  FargateProfile,
  Nodegroup,
  OidcIdentityProviderConfig,
  PodIdentityAssociation,
} from '@aws-sdk/client-eks';
import type { AwsWorld } from './world.js';

/**
 * The EKS estate of one account in one region. Objects are held in the SDK's output shapes (what
 * `DescribeClusterCommand` returns, Dates included), so tests compare a collector's records with
 * the world directly and mutate it between scans.
 */
export interface EksRegionWorld {
  clusters: SimEksCluster[];
}

/** One cluster and everything EKS lists under it. */
export interface SimEksCluster {
  cluster: Cluster;
  nodegroups: Nodegroup[];
  addons: Addon[];
  fargateProfiles: FargateProfile[];
  accessEntries: SimAccessEntry[];
  podIdentityAssociations: PodIdentityAssociation[];
  /** EKS has one identity provider type, OIDC. */
  identityProviderConfigs: OidcIdentityProviderConfig[];
}

/** An access entry with the access policies associated to it. */
export interface SimAccessEntry {
  entry: AccessEntry;
  policies: AssociatedAccessPolicy[];
}

/** A region without clusters. */
export function emptyEksRegion(): EksRegionWorld {
  return { clusters: [] };
}

/** The EKS region of an account, created empty on first use so tests can push into it. */
export function eksRegion(world: AwsWorld, accountId: string, region: string): EksRegionWorld {
  const account = world.accounts[accountId];
  if (!account) throw new Error(`No account ${accountId} in the simulated world`);
  account.eks ??= {};
  account.eks[region] ??= emptyEksRegion();
  return account.eks[region];
}

/** A cluster of the world by name; throws when there is none (a test's mistake). */
export function eksCluster(
  world: AwsWorld,
  accountId: string,
  region: string,
  name: string,
): SimEksCluster {
  const found = eksRegion(world, accountId, region).clusters.find((c) => c.cluster.name === name);
  if (!found) throw new Error(`No EKS cluster ${name} in ${accountId}/${region}`);
  return found;
}
