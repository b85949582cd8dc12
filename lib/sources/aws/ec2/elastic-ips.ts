import { type Address, DescribeAddressesCommand } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn, singlePage } from './define-ec2-collector.js';

/**
 * Elastic IPs. DescribeAddresses has no paging at all (no MaxResults, no NextToken: the API
 * answers every address at once, and accounts hold few), so this is one call per scan. The id is
 * the allocation id, as in Terraform's `aws_eip`; its association is configuration and stays.
 */
export const elasticIpCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::EIP',
  operation: 'DescribeAddresses',
  pages: (client) => singlePage(() => client.send(new DescribeAddressesCommand({}))),
  items: (page) => page.Addresses ?? [],
  identify: (address: Address, context) => {
    const id = address.AllocationId ?? address.PublicIp ?? '';
    return { id, arn: ec2Arn(context, 'elastic-ip', id), tags: address.Tags };
  },
});
