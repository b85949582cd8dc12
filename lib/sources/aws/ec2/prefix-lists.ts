import {
  type EC2Client,
  type ManagedPrefixList,
  type PrefixListEntry,
  paginateDescribeManagedPrefixLists,
  paginateGetManagedPrefixListEntries,
} from '@aws-sdk/client-ec2';
import type { AwsCollectorContext } from '../../collector.js';
import { defineEc2Collector, ec2Arn, type Supplements } from './define-ec2-collector.js';
import { readEach, readFailureWarnings } from './reads.js';

// DescribeManagedPrefixLists and GetManagedPrefixListEntries MaxResults: 1-100.
const PAGE_SIZE = 100;

/**
 * Each list's entries. DescribeManagedPrefixLists does not return them and
 * GetManagedPrefixListEntries takes one list per call (paginated), so the API forces a read per
 * list; concurrency-limited, a failed one leaves `Entries` unreadable.
 */
export async function readPrefixListEntries(
  lists: readonly ManagedPrefixList[],
  context: AwsCollectorContext,
  client: EC2Client,
): Promise<Supplements<ManagedPrefixList>> {
  const outcomes = await readEach(lists, async (list) => {
    const entries: PrefixListEntry[] = [];
    for await (const page of paginateGetManagedPrefixListEntries(
      { client, pageSize: PAGE_SIZE },
      { PrefixListId: list.PrefixListId ?? '' },
    )) {
      context.countCall('ec2');
      entries.push(...(page.Entries ?? []));
    }
    return entries;
  });
  const byList = new Map(lists.map((list, i) => [list, outcomes[i]]));
  return {
    of: (list) => {
      const outcome = byList.get(list);
      return outcome?.ok
        ? { supplementaryConfiguration: { Entries: outcome.value } }
        : { unreadable: ['Entries'] };
    },
    warnings: readFailureWarnings(
      context,
      'GetManagedPrefixListEntries',
      'AWS::EC2::PrefixList',
      outcomes,
    ),
  };
}

/**
 * Customer-managed prefix lists with their entries, from DescribeManagedPrefixLists pages of 100.
 * AWS-managed lists (OwnerId `AWS`: S3, DynamoDB, CloudFront...) are AWS's, the same in every
 * account, and not collected.
 */
export const prefixListCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::PrefixList',
  operation: 'DescribeManagedPrefixLists',
  pages: (client) => paginateDescribeManagedPrefixLists({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.PrefixLists ?? [],
  keep: (list: ManagedPrefixList) => list.OwnerId !== 'AWS' && list.State !== 'delete-complete',
  identify: (list: ManagedPrefixList, context) => {
    const id = list.PrefixListId ?? '';
    return {
      id,
      arn: list.PrefixListArn ?? ec2Arn(context, 'prefix-list', id),
      name: list.PrefixListName,
      tags: list.Tags,
    };
  },
  supplement: readPrefixListEntries,
});
