import {
  DescribeInstanceAttributeCommand,
  type EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import type { AwsCollectorContext } from '../../collector.js';
import type { Supplements } from './define-ec2-collector.js';
import { readEach, readFailureWarnings } from './reads.js';
import { noKeyWarning, userDataFingerprint, userDataPolicy } from './user-data.js';

/**
 * Instance user data, read only when fingerprints are asked for: DescribeInstances never returns
 * it and DescribeInstanceAttribute takes one instance per call (research 2.2: at 100k instances
 * this is the scan's real cost). Only `hmac-sha256:<hex>` of the decoded bytes is kept; `null`
 * when the instance has none.
 */
export async function readInstanceUserData(
  instances: readonly Instance[],
  context: AwsCollectorContext,
  client: EC2Client,
): Promise<Supplements<Instance>> {
  const policy = userDataPolicy(context);
  if (policy.kind === 'skip') return { of: () => ({}), warnings: [] };
  if (policy.kind === 'no-key')
    return { of: () => ({ unreadable: ['UserData'] }), warnings: [noKeyWarning(context)] };
  const outcomes = await readEach(instances, async (instance) => {
    context.countCall('ec2');
    const out = await client.send(
      new DescribeInstanceAttributeCommand({
        InstanceId: instance.InstanceId ?? '',
        Attribute: 'userData',
      }),
    );
    const value = out.UserData?.Value;
    return value ? userDataFingerprint(policy.key, value) : null;
  });
  const byInstance = new Map(instances.map((instance, i) => [instance, outcomes[i]]));
  return {
    of: (instance) => {
      const outcome = byInstance.get(instance);
      return outcome?.ok
        ? { supplementaryConfiguration: { UserData: outcome.value } }
        : { unreadable: ['UserData'] };
    },
    warnings: readFailureWarnings(
      context,
      'DescribeInstanceAttribute',
      'AWS::EC2::Instance',
      outcomes,
    ),
  };
}
