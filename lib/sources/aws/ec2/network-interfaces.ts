import { type NetworkInterface, paginateDescribeNetworkInterfaces } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeNetworkInterfaces MaxResults: 5-1000.
const PAGE_SIZE = 1000;

/**
 * Whether an ENI is one a user made (CreateNetworkInterface, or an instance's own interface).
 * Left out: ENIs another service creates and deletes on its own schedule (research 2.6), which
 * churn with Lambda scaling, load balancers and endpoints and that nobody can codify as
 * `aws_network_interface`: `RequesterManaged` ones (a service made it in the user's VPC),
 * `Operator.Managed` ones (a service operates it), and every `InterfaceType` other than plain
 * `interface` (`natGateway`, `vpc_endpoint`, `lambda`, `network_load_balancer`, `trunk`, ...).
 * The filter is applied here rather than with API filters, so the rule reads in one place.
 */
export function isUserNetworkInterface(eni: NetworkInterface): boolean {
  return (
    (eni.InterfaceType ?? 'interface') === 'interface' &&
    eni.RequesterManaged !== true &&
    eni.Operator?.Managed !== true
  );
}

/** User-made network interfaces, from DescribeNetworkInterfaces pages of 1000. */
export const networkInterfaceCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::NetworkInterface',
  operation: 'DescribeNetworkInterfaces',
  pages: (client) => paginateDescribeNetworkInterfaces({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.NetworkInterfaces ?? [],
  keep: isUserNetworkInterface,
  identify: (eni: NetworkInterface, context) => {
    const id = eni.NetworkInterfaceId ?? '';
    return { id, arn: ec2Arn(context, 'network-interface', id), tags: eni.TagSet };
  },
});
