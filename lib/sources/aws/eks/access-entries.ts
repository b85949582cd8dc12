import {
  type AssociatedAccessPolicy,
  DescribeAccessEntryCommand,
  paginateListAccessEntries,
  paginateListAssociatedAccessPolicies,
} from '@aws-sdk/client-eks';
import { ACCESS_POLICIES } from '../../../snapshot/normalize/eks-access-entry.js';
import { defineClusterChildCollector, type Supplement } from './define-cluster-child-collector.js';
import { EKS_PAGE_SIZE, type EksRun, listWith } from './eks-run.js';

/**
 * EKS access entries: ListAccessEntries, DescribeAccessEntry, and ListAssociatedAccessPolicies
 * under `supplementaryConfiguration.AccessPolicies`; id `cluster:principalArn` (as Terraform,
 * which splits it at the first colon).
 */
export const accessEntryCollector = defineClusterChildCollector({
  resourceType: 'AWS::EKS::AccessEntry',
  listOperation: 'ListAccessEntries',
  describeOperation: 'DescribeAccessEntry',
  paginate: (client, clusterName) =>
    paginateListAccessEntries({ client, pageSize: EKS_PAGE_SIZE }, { clusterName }),
  keys: (page) => page.accessEntries,
  isNone: isConfigMapOnly,
  describe: async (client, clusterName, principalArn: string) =>
    (await client.send(new DescribeAccessEntryCommand({ clusterName, principalArn }))).accessEntry,
  supplement: readAccessPolicies,
  identify: (entry, clusterName, principalArn) => ({
    id: `${clusterName}:${principalArn}`,
    arn: entry.accessEntryArn,
    name: entry.principalArn ?? principalArn,
    tags: entry.tags,
  }),
});

/**
 * True for EKS's answer on a cluster whose authentication mode is `CONFIG_MAP`: it has no access
 * entries (only the aws-auth ConfigMap), which is an empty list, not a failed read.
 */
export function isConfigMapOnly(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return (
    name === 'InvalidRequestException' &&
    typeof message === 'string' &&
    message.includes('authentication mode')
  );
}

// A failed read leaves the entry itself known: it is written, with its policies marked unreadable.
async function readAccessPolicies(
  run: EksRun,
  clusterName: string,
  principalArn: string,
): Promise<Supplement | 'gone'> {
  const listed = await listWith(
    run,
    'ListAssociatedAccessPolicies',
    () =>
      paginateListAssociatedAccessPolicies(
        { client: run.client, pageSize: EKS_PAGE_SIZE },
        { clusterName, principalArn },
      ),
    (page): readonly AssociatedAccessPolicy[] | undefined => page.associatedAccessPolicies,
    'unreadable',
  );
  if (listed.gone) return 'gone';
  if (listed.failed) return { unreadable: [ACCESS_POLICIES] };
  return { supplementaryConfiguration: { [ACCESS_POLICIES]: listed.items } };
}
