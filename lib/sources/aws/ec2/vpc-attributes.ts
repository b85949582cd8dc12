import {
  DescribeVpcAttributeCommand,
  type DescribeVpcAttributeResult,
  type EC2Client,
  type Vpc,
  type VpcAttributeName,
} from '@aws-sdk/client-ec2';
import type { AwsCollectorContext } from '../../collector.js';
import type { Supplements } from './define-ec2-collector.js';
import { readEach, readFailureWarnings } from './reads.js';

// The API name of each attribute and the supplementary key (the output member) it is stored under.
const ATTRIBUTES: readonly (readonly [VpcAttributeName, keyof DescribeVpcAttributeResult])[] = [
  ['enableDnsSupport', 'EnableDnsSupport'],
  ['enableDnsHostnames', 'EnableDnsHostnames'],
  ['enableNetworkAddressUsageMetrics', 'EnableNetworkAddressUsageMetrics'],
];

class MissingAttributeValueError extends Error {
  override readonly name = 'MissingAttributeValueError';
}

/**
 * The VPC attributes DescribeVpcs leaves out. DescribeVpcAttribute takes one VPC and one
 * attribute per call and has no batch form, so this is 3 calls per VPC, concurrency-limited.
 * A failed read lists the attribute in `unreadable`; it is never left out silently.
 */
export async function readVpcAttributes(
  vpcs: readonly Vpc[],
  context: AwsCollectorContext,
  client: EC2Client,
): Promise<Supplements<Vpc>> {
  const reads = vpcs.flatMap((vpc) =>
    ATTRIBUTES.map(([attribute, key]) => ({ vpc, attribute, key })),
  );
  const outcomes = await readEach(reads, async ({ vpc, attribute, key }) => {
    context.countCall('ec2');
    const out = await client.send(
      new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId ?? '', Attribute: attribute }),
    );
    const value = (out[key] as { Value?: boolean } | undefined)?.Value;
    // An answer without the value says nothing about it: unreadable, not false.
    if (value === undefined) throw new MissingAttributeValueError();
    return value;
  });
  const byVpc = new Map<Vpc, { values: Record<string, boolean>; unreadable: string[] }>();
  reads.forEach(({ vpc, key }, i) => {
    const entry = byVpc.get(vpc) ?? { values: {}, unreadable: [] };
    byVpc.set(vpc, entry);
    const outcome = outcomes[i];
    if (outcome?.ok) entry.values[key] = outcome.value;
    else entry.unreadable.push(key);
  });
  return {
    of: (vpc) => {
      const entry = byVpc.get(vpc);
      if (!entry) return {};
      return {
        ...(Object.keys(entry.values).length > 0
          ? { supplementaryConfiguration: entry.values }
          : {}),
        unreadable: entry.unreadable,
      };
    },
    warnings: readFailureWarnings(context, 'DescribeVpcAttribute', 'AWS::EC2::VPC', outcomes),
  };
}
