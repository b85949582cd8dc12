import type { EKSClient } from '@aws-sdk/client-eks';
import type { Resource } from '../../../model/index.js';
import type { AwsCollector, CollectorOutput } from '../../collector.js';
import {
  describeWith,
  type EksRecord,
  type EksRun,
  eksResource,
  listWith,
  startEksRun,
} from './eks-run.js';
import { listClusterNames } from './list-clusters.js';

/** Extra reads of one object: supplementary configuration and the reads that failed. */
export interface Supplement {
  readonly supplementaryConfiguration?: Record<string, unknown>;
  readonly unreadable?: readonly string[];
}

/** The parts one per-cluster EKS collector declares; listing, limits, counting and failures are shared. */
export interface ClusterChildSpec<TPage, TKey, TItem extends object> {
  readonly resourceType: string;
  /** The List and Describe operations, for warnings. */
  readonly listOperation: string;
  readonly describeOperation: string;
  /** One cluster's list pages, through the SDK paginator with pages of 100. */
  paginate(client: EKSClient, clusterName: string): AsyncIterable<TPage>;
  keys(page: TPage): readonly TKey[] | undefined;
  /** A List error that says the cluster cannot hold this type at all: complete and empty. */
  isNone?(error: unknown): boolean;
  describe(client: EKSClient, clusterName: string, key: TKey): Promise<TItem | undefined>;
  /** Reads beyond Describe; `gone` when they found the object deleted meanwhile. */
  supplement?(run: EksRun, clusterName: string, key: TKey): Promise<Supplement | 'gone'>;
  /** The envelope of one described object. */
  identify(item: TItem, clusterName: string, key: TKey): Omit<EksRecord, 'configuration'>;
}

/**
 * Builds a collector of one per-cluster EKS type: ListClusters, then for each cluster the type's
 * List pages and one Describe per item, all under the run's concurrency limit. A cluster or item
 * deleted between List and Describe is skipped; any other failure makes the type incomplete.
 */
export function defineClusterChildCollector<TPage, TKey, TItem extends object>(
  spec: ClusterChildSpec<TPage, TKey, TItem>,
): AwsCollector {
  return {
    resourceType: spec.resourceType,
    service: 'eks',
    async collect(context): Promise<CollectorOutput> {
      const run = startEksRun(context, spec.resourceType);
      const clusters = await listClusterNames(run);
      const perCluster = await Promise.all(clusters.map((name) => collectCluster(run, spec, name)));
      return run.finish(perCluster.flat());
    },
  };
}

async function collectCluster<TPage, TKey, TItem extends object>(
  run: EksRun,
  spec: ClusterChildSpec<TPage, TKey, TItem>,
  clusterName: string,
): Promise<Resource[]> {
  const listed = await listWith(
    run,
    spec.listOperation,
    () => spec.paginate(run.client, clusterName),
    (page) => spec.keys(page),
    'incomplete',
    spec.isNone,
  );
  const resources = await Promise.all(
    listed.items.map(async (key) => {
      const item = await describeWith(run, spec.describeOperation, () =>
        spec.describe(run.client, clusterName, key),
      );
      if (item === undefined) return undefined;
      const extra = spec.supplement ? await spec.supplement(run, clusterName, key) : {};
      if (extra === 'gone') return undefined;
      return eksResource(run, {
        ...spec.identify(item, clusterName, key),
        configuration: item,
        ...extra,
      });
    }),
  );
  return resources.filter((r) => r !== undefined);
}
