import { SecurityGroup, Subnet, Vpc } from 'aws-cdk-lib/aws-ec2';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Deployment } from '../config/deployment.js';
import type { ScannerFunctionVpc } from './scanner-function.js';

/**
 * The environment that names a function's secrets by ARN (never their values): `github` for the
 * functions that open the trail, `hmac` for the one that fingerprints secrets.
 */
export function deployedEnvironment(
  deployment: Deployment | undefined,
  secret: 'github' | 'hmac',
): Record<string, string> {
  if (!deployment) return {};
  if (secret === 'hmac') {
    const arn = deployment.deploy.hmacKeySecretArn;
    return arn ? { STATETRAIL_HMAC_KEY_SECRET_ARN: arn } : {};
  }
  return {
    STATETRAIL_GITHUB_SECRET_ARN: deployment.github.secretArn,
    ...(deployment.github.apiUrl ? { GITHUB_API_URL: deployment.github.apiUrl } : {}),
  };
}

/** The configured log retention (the schema admits only CloudWatch's periods). */
export function retentionOf(deployment: Deployment | undefined): RetentionDays {
  return (deployment?.deploy.logRetentionDays ?? 30) as RetentionDays;
}

/**
 * The collect function's VPC from the config, imported by id (no lookup, so synth stays
 * offline): the subnets and security groups it runs in to reach private EKS endpoints.
 */
export function collectVpc(
  scope: Construct,
  deployment: Deployment | undefined,
): { vpc?: ScannerFunctionVpc } {
  const config = deployment?.deploy.vpc;
  if (!config) return {};
  return {
    vpc: {
      vpc: Vpc.fromVpcAttributes(scope, 'CollectVpc', {
        vpcId: config.vpcId,
        availabilityZones: config.subnetIds.map((_id, index) => `az-${index}`),
        privateSubnetIds: config.subnetIds,
      }),
      subnets: config.subnetIds.map((id) => Subnet.fromSubnetId(scope, `CollectSubnet${id}`, id)),
      securityGroups: config.securityGroupIds.map((id) =>
        SecurityGroup.fromSecurityGroupId(scope, `CollectSecurityGroup${id}`, id, {
          mutable: false,
        }),
      ),
    },
  };
}
