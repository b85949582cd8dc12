import { type CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { AccountRef } from '../model/index.js';
import type { LookupEvents } from './lookup.js';

/** LookupEvents' largest page. */
export const LOOKUP_PAGE_SIZE = 50;

/** The LookupEvents port over the SDK: one call per page, by `ResourceName`, 50 events a page. */
export function cloudTrailLookup(
  client: (account: AccountRef, region: string) => CloudTrailClient,
): LookupEvents {
  return async (request) => {
    const answer = await client(request.account, request.region).send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: request.resourceName }],
        StartTime: request.start,
        EndTime: request.end,
        MaxResults: LOOKUP_PAGE_SIZE,
        ...(request.nextToken && { NextToken: request.nextToken }),
      }),
    );
    return {
      events: (answer.Events ?? []).map((event) => ({
        ...(event.CloudTrailEvent !== undefined && { CloudTrailEvent: event.CloudTrailEvent }),
        ...(event.ReadOnly !== undefined && { ReadOnly: event.ReadOnly }),
      })),
      ...(answer.NextToken && { nextToken: answer.NextToken }),
    };
  };
}
