import type { AwsService } from '../../model/index.js';

/**
 * The resource types each AWS service's collectors export, in registry order. Kept apart from the
 * registry so that code which only names scopes (gathering a scan, the drift command) does not
 * load the collectors and with them the AWS SDK; a unit test keeps it equal to the registry.
 */
export const RESOURCE_TYPES_BY_SERVICE: Readonly<Record<AwsService, readonly string[]>> = {
  ec2: [
    'AWS::EC2::Instance',
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::VPC',
    'AWS::EC2::Subnet',
    'AWS::EC2::RouteTable',
    'AWS::EC2::NetworkAcl',
    'AWS::EC2::InternetGateway',
    'AWS::EC2::EgressOnlyInternetGateway',
    'AWS::EC2::NatGateway',
    'AWS::EC2::EIP',
    'AWS::EC2::Volume',
    'AWS::EC2::NetworkInterface',
    'AWS::EC2::LaunchTemplate',
    'AWS::EC2::KeyPair',
    'AWS::EC2::VPCEndpoint',
    'AWS::EC2::VPCPeeringConnection',
    'AWS::EC2::PrefixList',
  ],
  eks: [
    'AWS::EKS::Cluster',
    'AWS::EKS::Nodegroup',
    'AWS::EKS::Addon',
    'AWS::EKS::FargateProfile',
    'AWS::EKS::AccessEntry',
    'AWS::EKS::PodIdentityAssociation',
    'AWS::EKS::IdentityProviderConfig',
  ],
  s3: ['AWS::S3::Bucket'],
};
