import { paginateListClusters } from '@aws-sdk/client-eks';
import { EKS_PAGE_SIZE, type EksRun, listWith } from './eks-run.js';

/**
 * The names of the region's EKS clusters, from ListClusters pages of 100. Each collector lists
 * them itself: one page per type and region is cheaper than sharing a list across collectors,
 * which would need state outside the run (and would couple their failures).
 */
export async function listClusterNames(run: EksRun): Promise<string[]> {
  const listed = await listWith(
    run,
    'ListClusters',
    () => paginateListClusters({ client: run.client, pageSize: EKS_PAGE_SIZE }, {}),
    (page) => page.clusters,
  );
  // ListClusters has no parent that could vanish: a not-found answer is a failure, never "none".
  if (listed.gone) run.fail('ListClusters', { name: 'ResourceNotFoundException' }, 'incomplete');
  return listed.items;
}
