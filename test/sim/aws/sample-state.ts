import { type AwsWorld, ec2Region } from './world.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

/**
 * A Terraform state (format 4) that codifies the sample world's first VPC and its `web` security
 * group as they are now: the demo's and the review tests' "managed" resources.
 */
export function sampleState(world: AwsWorld): string {
  const region = ec2Region(world, ACCOUNT, REGION);
  const vpc = region.vpcs[0];
  const web = region.securityGroups.find((g) => g.GroupName === 'web');
  const resource = (type: string, name: string, attributes: Record<string, unknown>) => ({
    mode: 'managed',
    type,
    name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [{ schema_version: 1, attributes, sensitive_attributes: [] }],
  });
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial: 7,
    lineage: 'b9b7a3c2-0000-4000-8000-000000000002',
    outputs: {},
    resources: [
      resource('aws_vpc', 'main', {
        id: vpc?.VpcId,
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${vpc?.VpcId}`,
        cidr_block: vpc?.CidrBlock,
        tags: Object.fromEntries((vpc?.Tags ?? []).map((t) => [t.Key, t.Value])),
      }),
      resource('aws_security_group', 'web', {
        id: web?.GroupId,
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${web?.GroupId}`,
        name: 'web',
        description: web?.Description,
        vpc_id: web?.VpcId,
      }),
    ],
  });
}
