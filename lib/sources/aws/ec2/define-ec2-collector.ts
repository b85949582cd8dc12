import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Resource, ScanWarning } from '../../../model/index.js';
import { normalizeResource } from '../../../snapshot/normalize/chain.js';
import type { AwsCollector, AwsCollectorContext, CollectorOutput } from '../../collector.js';
import { buildArn } from '../arn.js';
import { type SdkTag, tagRecord } from '../tags.js';
import { ec2Warning } from './warnings.js';

/** What a paginated EC2 list item gives the envelope. */
export interface Ec2Identity {
  readonly id: string;
  /** The ARN, when the API does not return one itself: `<type>/<id>` is enough. */
  readonly arn: string;
  readonly name?: string | undefined;
  readonly tags?: readonly SdkTag[] | undefined;
}

/** What extra reads add to one resource: supplementary configuration, and reads that failed. */
export interface Supplement {
  readonly supplementaryConfiguration?: Record<string, unknown>;
  /** Names of reads that failed: unknown, never absent. */
  readonly unreadable?: readonly string[];
}

/** The extra reads of every listed item, and the warnings they gave. */
export interface Supplements<TItem> {
  of(item: TItem): Supplement;
  readonly warnings: readonly ScanWarning[];
}

/** The parts one EC2 collector declares; paging, counting, normalizing and failures are shared. */
export interface Ec2CollectorSpec<TPage, TItem extends object> {
  readonly resourceType: string;
  /** The API operation, for warnings and call counts. */
  readonly operation: string;
  /** The list call's pages, each asked for with the API's largest MaxResults. */
  pages(client: EC2Client): AsyncIterable<TPage>;
  items(page: TPage): readonly TItem[];
  /** Which listed items are collected (the rest belong to AWS or are gone); all when absent. */
  keep?(item: TItem): boolean;
  identify(item: TItem, context: AwsCollectorContext): Ec2Identity;
  /** Reads the API does not put in the list answer; never throws (failures become `unreadable`). */
  supplement?(
    items: readonly TItem[],
    context: AwsCollectorContext,
    client: EC2Client,
  ): Promise<Supplements<TItem>>;
}

/** Builds a collector that lists one EC2 type page by page, then adds its extra reads. */
export function defineEc2Collector<TPage, TItem extends object>(
  spec: Ec2CollectorSpec<TPage, TItem>,
): AwsCollector {
  return {
    resourceType: spec.resourceType,
    service: 'ec2',
    async collect(context): Promise<CollectorOutput> {
      const client = context.aws.ec2(context.account, context.region);
      const items: TItem[] = [];
      const warnings: ScanWarning[] = [];
      let complete = true;
      try {
        for await (const page of spec.pages(client)) {
          context.countCall('ec2');
          for (const item of spec.items(page)) if (spec.keep?.(item) ?? true) items.push(item);
        }
      } catch (error) {
        complete = false;
        const consequence = `previous ${spec.resourceType} files kept`;
        warnings.push(ec2Warning(context, spec.operation, error, consequence, spec.resourceType));
      }
      // Items of a list cut short still get their extra reads: a file written without them
      // would look like every extra setting had been removed.
      const supplements =
        spec.supplement && items.length > 0
          ? await spec.supplement(items, context, client)
          : undefined;
      warnings.push(...(supplements?.warnings ?? []));
      const resources = items.map((item) =>
        toResource(spec, item, context, supplements?.of(item) ?? {}),
      );
      return { resources, warnings, complete };
    },
  };
}

function toResource<TPage, TItem extends object>(
  spec: Ec2CollectorSpec<TPage, TItem>,
  item: TItem,
  context: AwsCollectorContext,
  supplement: Supplement,
): Resource {
  const identity = spec.identify(item, context);
  const tags = tagRecord(identity.tags);
  const name = identity.name ?? tags['Name'];
  const { supplementaryConfiguration, unreadable } = supplement;
  return normalizeResource({
    schemaVersion: 1,
    resourceType: spec.resourceType,
    resourceId: identity.id,
    accountId: context.accountId,
    awsRegion: context.region,
    arn: identity.arn,
    ...(name === undefined ? {} : { resourceName: name }),
    tags,
    configuration: item as Record<string, unknown>,
    ...(supplementaryConfiguration ? { supplementaryConfiguration } : {}),
    ...(unreadable && unreadable.length > 0 ? { unreadable: [...unreadable] } : {}),
  });
}

/** The ARN of an EC2 resource of the `<kind>/<id>` form. */
export function ec2Arn(context: AwsCollectorContext, kind: string, id: string): string {
  return buildArn('ec2', context.region, context.accountId, `${kind}/${id}`);
}

/** The one "page" of an API that has no paging (DescribeAddresses, DescribeKeyPairs). */
export async function* singlePage<TPage>(call: () => Promise<TPage>): AsyncIterable<TPage> {
  yield await call();
}
