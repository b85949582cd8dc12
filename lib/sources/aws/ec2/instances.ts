import { type Instance, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

/** EC2 instances, from DescribeInstances pages of 1000 (reservations flattened). */
export const instanceCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::Instance',
  operation: 'DescribeInstances',
  pageSize: 1000,
  paginate: (client, pageSize) => paginateDescribeInstances({ client, pageSize }, {}),
  items: (page) => page.Reservations?.flatMap((r) => r.Instances ?? []) ?? [],
  identify: (instance: Instance, context) => {
    const id = instance.InstanceId ?? '';
    return { id, arn: ec2Arn(context, 'instance', id), tags: instance.Tags };
  },
});
