import { type Instance, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';
import { readInstanceUserData } from './instance-user-data.js';

// DescribeInstances MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/** EC2 instances, from DescribeInstances pages of 1000 (reservations flattened), user data only as a fingerprint on request. */
export const instanceCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::Instance',
  operation: 'DescribeInstances',
  pages: (client) => paginateDescribeInstances({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.Reservations?.flatMap((r) => r.Instances ?? []) ?? [],
  identify: (instance: Instance, context) => {
    const id = instance.InstanceId ?? '';
    return { id, arn: ec2Arn(context, 'instance', id), tags: instance.Tags };
  },
  supplement: readInstanceUserData,
});
