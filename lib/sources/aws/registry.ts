import type { AwsService } from '../../model/index.js';
import type { AwsCollector } from '../collector.js';
import { instanceCollector } from './ec2/instances.js';
import { securityGroupCollector } from './ec2/security-groups.js';
import { subnetCollector } from './ec2/subnets.js';
import { vpcCollector } from './ec2/vpcs.js';

/** Every AWS collector, by CloudFormation type. Adding a type = a file and a line here. */
export const awsCollectors: ReadonlyMap<string, AwsCollector> = new Map(
  [instanceCollector, securityGroupCollector, vpcCollector, subnetCollector].map((c) => [
    c.resourceType,
    c,
  ]),
);

/** The collectors of one service, in registry order. */
export function collectorsFor(service: AwsService): AwsCollector[] {
  return [...awsCollectors.values()].filter((c) => c.service === service);
}
