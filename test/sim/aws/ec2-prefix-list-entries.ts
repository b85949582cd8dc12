import { GetManagedPrefixListEntriesResult$ } from '@aws-sdk/client-ec2';
import {
  type DescribeInput,
  dryRunSucceeded,
  type Ec2CallContext,
  queryKey,
} from './ec2-describe.js';
import type { Ec2Answer } from './ec2-handlers.js';
import { notFound } from './errors.js';
import { pageOf } from './paging.js';

/** GetManagedPrefixListEntries: one list's entries, MaxResults 1-100. */
export function getManagedPrefixListEntries(
  raw: Record<string, unknown>,
  ctx: Ec2CallContext,
): Ec2Answer {
  const input = raw as DescribeInput & { PrefixListId?: string };
  if (input.DryRun) throw dryRunSucceeded();
  const id = input.PrefixListId ?? '';
  if (!ctx.ec2.managedPrefixLists.some((l) => l.PrefixListId === id))
    throw notFound('InvalidPrefixListID.NotFound', 'prefix list ID', [id]);
  const page = pageOf(ctx.ec2.prefixListEntries[id] ?? [], input, queryKey(ctx, raw), {
    min: 1,
    max: 100,
  });
  return {
    schema: GetManagedPrefixListEntriesResult$,
    output: { Entries: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) },
    paginated: page.paginated,
  };
}
