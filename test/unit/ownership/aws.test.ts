import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lib/model/index.js';
import { ownershipOf } from '../../../lib/ownership/aws.js';

function resource(
  resourceType: string,
  tags: Record<string, string>,
  configuration: Record<string, unknown> = {},
): Resource {
  return {
    schemaVersion: 1,
    resourceType,
    resourceId: 'x-1',
    accountId: '111111111111',
    awsRegion: 'eu-west-1',
    tags,
    configuration,
  };
}

describe('Function: ownershipOf', () => {
  it.each([
    [
      'a CloudFormation stack member',
      resource('AWS::EC2::SecurityGroup', { 'aws:cloudformation:stack-name': 'web-prod' }),
      { manager: 'cloudformation', managedBy: 'CloudFormation stack web-prod' },
    ],
    [
      'an EKS managed node group instance (before its Auto Scaling group)',
      resource('AWS::EC2::Instance', {
        'aws:autoscaling:groupName': 'eks-ng-1',
        'eks:cluster-name': 'prod',
        'eks:nodegroup-name': 'general',
      }),
      { manager: 'eks', managedBy: 'EKS managed node group prod/general' },
    ],
    [
      'a Karpenter node',
      resource('AWS::EC2::Instance', {
        'karpenter.sh/nodepool': 'default',
        'aws:autoscaling:groupName': 'ignored',
      }),
      { manager: 'karpenter', managedBy: 'Karpenter node pool default' },
    ],
    [
      'a launch template Karpenter made for a node class',
      resource('AWS::EC2::LaunchTemplate', {
        'karpenter.k8s.aws/cluster': 'prod',
        'karpenter.k8s.aws/ec2nodeclass': 'default',
      }),
      { manager: 'karpenter', managedBy: 'Karpenter node class default' },
    ],
    [
      'the security group of a classic load balancer the Kubernetes cloud provider made',
      resource(
        'AWS::EC2::SecurityGroup',
        { 'kubernetes.io/cluster/prod': 'owned' },
        { GroupName: 'k8s-elb-a1b2c3d4e5f6' },
      ),
      {
        manager: 'load-balancer-controller',
        managedBy: 'Kubernetes cloud provider of cluster prod',
      },
    ],
    [
      'an address a load balancer holds',
      resource('AWS::EC2::EIP', {}, { ServiceManaged: 'nlb' }),
      { manager: 'aws-service', managedBy: 'AWS service nlb' },
    ],
    [
      'an endpoint a service made in the VPC',
      resource('AWS::EC2::VPCEndpoint', {}, { RequesterManaged: true }),
      { manager: 'aws-service', managedBy: 'AWS service (requester-managed endpoint)' },
    ],
    [
      'an Auto Scaling group instance',
      resource('AWS::EC2::Instance', { 'aws:autoscaling:groupName': 'web-asg' }),
      { manager: 'autoscaling', managedBy: 'Auto Scaling group web-asg' },
    ],
    [
      'an EBS CSI volume',
      resource('AWS::EC2::Volume', {
        'ebs.csi.aws.com/cluster': 'true',
        'kubernetes.io/cluster/prod': 'owned',
        'kubernetes.io/created-for/pvc/name': 'data-db-0',
        'kubernetes.io/created-for/pvc/namespace': 'db',
      }),
      { manager: 'ebs-csi', managedBy: 'EBS CSI driver of cluster prod for PVC db/data-db-0' },
    ],
    [
      'a load-balancer-controller security group',
      resource('AWS::EC2::SecurityGroup', {
        'elbv2.k8s.aws/cluster': 'prod',
        'ingress.k8s.aws/stack': 'shop/web',
      }),
      {
        manager: 'load-balancer-controller',
        managedBy: 'AWS Load Balancer Controller of cluster prod (shop/web)',
      },
    ],
    [
      'the EKS cluster security group',
      resource(
        'AWS::EC2::SecurityGroup',
        { 'kubernetes.io/cluster/prod': 'owned', 'aws:eks:cluster-name': 'prod' },
        { GroupName: 'eks-cluster-sg-prod-123' },
      ),
      { manager: 'eks', managedBy: 'EKS cluster prod' },
    ],
    [
      'a requester-managed interface',
      resource(
        'AWS::EC2::NetworkInterface',
        {},
        { RequesterManaged: true, RequesterId: 'amazon-elb' },
      ),
      { manager: 'aws-service', managedBy: 'AWS service amazon-elb' },
    ],
    [
      'a NAT gateway interface',
      resource('AWS::EC2::NetworkInterface', {}, { InterfaceType: 'nat_gateway' }),
      { manager: 'aws-service', managedBy: 'AWS service (nat_gateway interface)' },
    ],
    [
      'an EKS control-plane interface',
      resource(
        'AWS::EC2::NetworkInterface',
        {},
        { InterfaceType: 'interface', Description: 'Amazon EKS prod' },
      ),
      { manager: 'eks', managedBy: 'EKS cluster prod' },
    ],
    [
      'the default VPC',
      resource('AWS::EC2::VPC', {}, { IsDefault: true }),
      { manager: 'aws-default', managedBy: 'AWS default VPC' },
    ],
    [
      'a default subnet',
      resource('AWS::EC2::Subnet', {}, { DefaultForAz: true }),
      { manager: 'aws-default', managedBy: 'AWS default subnet' },
    ],
    [
      "a VPC's default security group",
      resource('AWS::EC2::SecurityGroup', {}, { GroupName: 'default', VpcId: 'vpc-1' }),
      { manager: 'aws-default', managedBy: 'AWS default security group of vpc-1' },
    ],
    [
      "a VPC's default network ACL",
      resource('AWS::EC2::NetworkAcl', {}, { IsDefault: true, VpcId: 'vpc-1' }),
      { manager: 'aws-default', managedBy: 'AWS default network ACL of vpc-1' },
    ],
    [
      "a VPC's main route table",
      resource('AWS::EC2::RouteTable', {}, { VpcId: 'vpc-1', Associations: [{ Main: true }] }),
      { manager: 'aws-default', managedBy: 'AWS main route table of vpc-1' },
    ],
  ])('recognizes %s', (_name, input, expected) => {
    expect(ownershipOf(input)).toEqual(expected);
  });

  it.each([
    ['a plain instance', resource('AWS::EC2::Instance', { Name: 'web-1' })],
    ['a user security group', resource('AWS::EC2::SecurityGroup', {}, { GroupName: 'web' })],
    [
      'a user interface',
      resource('AWS::EC2::NetworkInterface', {}, { InterfaceType: 'interface' }),
    ],
    ['a non-default VPC', resource('AWS::EC2::VPC', {}, { IsDefault: false })],
    ['an address a user allocated', resource('AWS::EC2::EIP', {}, { Domain: 'vpc' })],
    ['a user endpoint', resource('AWS::EC2::VPCEndpoint', {}, { RequesterManaged: false })],
  ])('leaves %s to Terraform or nobody', (_name, input) => {
    expect(ownershipOf(input)).toBeUndefined();
  });
});
