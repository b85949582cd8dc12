import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Resource, ScanWarning } from '../../../model/index.js';
import { normalizeResource } from '../../../snapshot/normalize/chain.js';
import type { AwsCollector, AwsCollectorContext, CollectorOutput } from '../../collector.js';
import { buildArn } from '../arn.js';
import { classifyAwsError } from '../errors.js';
import { type SdkTag, tagRecord } from '../tags.js';

/** What a paginated EC2 list item gives the envelope. */
export interface Ec2Identity {
  readonly id: string;
  /** The ARN, when the API does not return one itself: `<type>/<id>` is enough. */
  readonly arn: string;
  readonly name?: string | undefined;
  readonly tags?: readonly SdkTag[] | undefined;
}

/** The parts one EC2 collector declares; paging, counting, normalizing and failures are shared. */
export interface Ec2CollectorSpec<TPage, TItem extends object> {
  readonly resourceType: string;
  /** The API operation, for warnings and call counts. */
  readonly operation: string;
  /** The largest page the API allows. */
  readonly pageSize: number;
  paginate(client: EC2Client, pageSize: number): AsyncIterable<TPage>;
  items(page: TPage): readonly TItem[];
  identify(item: TItem, context: AwsCollectorContext): Ec2Identity;
}

/** Builds a collector that lists one EC2 type with its paginator, always with MaxResults. */
export function defineEc2Collector<TPage, TItem extends object>(
  spec: Ec2CollectorSpec<TPage, TItem>,
): AwsCollector {
  return {
    resourceType: spec.resourceType,
    service: 'ec2',
    async collect(context): Promise<CollectorOutput> {
      const client = context.aws.ec2(context.account, context.region);
      const resources: Resource[] = [];
      const warnings: ScanWarning[] = [];
      let complete = true;
      try {
        for await (const page of spec.paginate(client, spec.pageSize)) {
          context.countCall('ec2');
          for (const item of spec.items(page)) resources.push(toResource(spec, item, context));
        }
      } catch (error) {
        complete = false;
        const { code, reason } = classifyAwsError(error);
        context.logger.warn('Collector failed', {
          resourceType: spec.resourceType,
          operation: spec.operation,
          code,
          reason,
        });
        warnings.push({
          code,
          target: context.target,
          operation: `ec2:${spec.operation}`,
          message: `ec2:${spec.operation} ${code} in ${context.accountId}/${context.region} (${reason}); previous ${spec.resourceType} files kept`,
        });
      }
      return { resources, warnings, complete };
    },
  };
}

function toResource<TPage, TItem extends object>(
  spec: Ec2CollectorSpec<TPage, TItem>,
  item: TItem,
  context: AwsCollectorContext,
): Resource {
  const identity = spec.identify(item, context);
  const tags = tagRecord(identity.tags);
  const name = identity.name ?? tags['Name'];
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
  });
}

/** The ARN of an EC2 resource of the `<kind>/<id>` form. */
export function ec2Arn(context: AwsCollectorContext, kind: string, id: string): string {
  return buildArn('ec2', context.region, context.accountId, `${kind}/${id}`);
}
