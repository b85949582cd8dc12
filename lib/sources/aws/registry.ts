import type { AwsService } from '../../model/index.js';
import type { AwsCollector } from '../collector.js';
import { egressOnlyInternetGatewayCollector } from './ec2/egress-only-internet-gateways.js';
import { elasticIpCollector } from './ec2/elastic-ips.js';
import { instanceCollector } from './ec2/instances.js';
import { internetGatewayCollector } from './ec2/internet-gateways.js';
import { keyPairCollector } from './ec2/key-pairs.js';
import { launchTemplateCollector } from './ec2/launch-templates.js';
import { natGatewayCollector } from './ec2/nat-gateways.js';
import { networkAclCollector } from './ec2/network-acls.js';
import { networkInterfaceCollector } from './ec2/network-interfaces.js';
import { prefixListCollector } from './ec2/prefix-lists.js';
import { routeTableCollector } from './ec2/route-tables.js';
import { securityGroupCollector } from './ec2/security-groups.js';
import { subnetCollector } from './ec2/subnets.js';
import { volumeCollector } from './ec2/volumes.js';
import { vpcEndpointCollector } from './ec2/vpc-endpoints.js';
import { vpcPeeringConnectionCollector } from './ec2/vpc-peering-connections.js';
import { vpcCollector } from './ec2/vpcs.js';
import { accessEntryCollector } from './eks/access-entries.js';
import { addonCollector } from './eks/addons.js';
import { clusterCollector } from './eks/clusters.js';
import { fargateProfileCollector } from './eks/fargate-profiles.js';
import { identityProviderConfigCollector } from './eks/identity-provider-configs.js';
import { nodegroupCollector } from './eks/nodegroups.js';
import { podIdentityAssociationCollector } from './eks/pod-identity-associations.js';
import { bucketCollector } from './s3/buckets.js';

/** Every AWS collector, by CloudFormation type. Adding a type = a file and a line here. */
export const awsCollectors: ReadonlyMap<string, AwsCollector> = new Map(
  [
    instanceCollector,
    securityGroupCollector,
    vpcCollector,
    subnetCollector,
    routeTableCollector,
    networkAclCollector,
    internetGatewayCollector,
    egressOnlyInternetGatewayCollector,
    natGatewayCollector,
    elasticIpCollector,
    volumeCollector,
    networkInterfaceCollector,
    launchTemplateCollector,
    keyPairCollector,
    vpcEndpointCollector,
    vpcPeeringConnectionCollector,
    prefixListCollector,
    clusterCollector,
    nodegroupCollector,
    addonCollector,
    fargateProfileCollector,
    accessEntryCollector,
    podIdentityAssociationCollector,
    identityProviderConfigCollector,
    bucketCollector,
  ].map((c) => [c.resourceType, c]),
);

/** The collectors of one service, in registry order. */
export function collectorsFor(service: AwsService): AwsCollector[] {
  return [...awsCollectors.values()].filter((c) => c.service === service);
}
