import { DescribeVpcAttributeResult$, InstanceAttribute$ } from '@aws-sdk/client-ec2';
import { dryRunSucceeded, type Ec2CallContext, selectByIds } from './ec2-describe.js';
import type { Ec2Answer } from './ec2-handlers.js';
import type { SimVpcAttributes } from './ec2-network-world.js';
import { invalidParameterValue } from './errors.js';
import { instancesOf } from './world.js';

interface AttributeInput {
  Attribute?: string;
  DryRun?: boolean;
}

/**
 * DescribeInstanceAttribute: one attribute of one instance. `userData` answers the world's
 * base64 user data (an empty `<userData/>` when there is none, as EC2 does); a few other
 * attributes answer a new instance's defaults.
 */
export function describeInstanceAttribute(
  raw: Record<string, unknown>,
  ctx: Ec2CallContext,
): Ec2Answer {
  const input = raw as AttributeInput & { InstanceId?: string };
  if (input.DryRun) throw dryRunSucceeded();
  const id = input.InstanceId ?? '';
  const [instance] = selectByIds(
    instancesOf(ctx.ec2),
    [id],
    (i) => i.InstanceId,
    'InvalidInstanceID.NotFound',
    'instance ID',
  );
  const userData = ctx.ec2.userData[id];
  const answers: Record<string, object> = {
    userData: { UserData: userData === undefined ? {} : { Value: userData } },
    disableApiTermination: { DisableApiTermination: { Value: false } },
    disableApiStop: { DisableApiStop: { Value: false } },
    instanceInitiatedShutdownBehavior: { InstanceInitiatedShutdownBehavior: { Value: 'stop' } },
    instanceType: { InstanceType: { Value: instance?.InstanceType } },
  };
  const answer = answers[input.Attribute ?? ''];
  if (!answer)
    throw invalidParameterValue(
      `Value (${input.Attribute}) for parameter attribute is invalid. The sim answers ${Object.keys(answers).join(', ')}.`,
    );
  return { schema: InstanceAttribute$, output: { InstanceId: id, ...answer } };
}

const VPC_ATTRIBUTES: Readonly<Record<string, [keyof SimVpcAttributes, string]>> = {
  enableDnsSupport: ['enableDnsSupport', 'EnableDnsSupport'],
  enableDnsHostnames: ['enableDnsHostnames', 'EnableDnsHostnames'],
  enableNetworkAddressUsageMetrics: [
    'enableNetworkAddressUsageMetrics',
    'EnableNetworkAddressUsageMetrics',
  ],
};

/** DescribeVpcAttribute: one attribute of one VPC; a VPC without stored attributes has a new VPC's. */
export function describeVpcAttribute(raw: Record<string, unknown>, ctx: Ec2CallContext): Ec2Answer {
  const input = raw as AttributeInput & { VpcId?: string };
  if (input.DryRun) throw dryRunSucceeded();
  const id = input.VpcId ?? '';
  const [vpc] = selectByIds(ctx.ec2.vpcs, [id], (v) => v.VpcId, 'InvalidVpcID.NotFound', 'vpc ID');
  const attribute = VPC_ATTRIBUTES[input.Attribute ?? ''];
  if (!attribute)
    throw invalidParameterValue(
      `Value (${input.Attribute}) for parameter attribute is invalid. Unknown attribute.`,
    );
  const [name, member] = attribute;
  // A new VPC resolves DNS; only a default VPC also gives instances DNS hostnames.
  const stored = ctx.ec2.vpcAttributes[id] ?? {
    enableDnsSupport: true,
    enableDnsHostnames: vpc?.IsDefault === true,
    enableNetworkAddressUsageMetrics: false,
  };
  return {
    schema: DescribeVpcAttributeResult$,
    output: { VpcId: id, [member]: { Value: stored[name] } },
  };
}
