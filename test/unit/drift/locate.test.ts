import { describe, expect, it } from 'vitest';
import { type Location, locate } from '../../../lib/drift/locate.js';
import type { StateInstance } from '../../../lib/terraform/state-instance.js';

function instance(
  attributes: Record<string, unknown>,
  scopeHint?: StateInstance['scopeHint'],
): StateInstance {
  return {
    state: 'main.tfstate',
    lineage: 'l',
    serial: 1,
    address: 'aws_vpc.main',
    type: 'aws_vpc',
    provider: 'aws',
    attributes,
    tainted: false,
    ...(scopeHint === undefined ? {} : { scopeHint }),
  };
}

const HINT = { accountId: '999999999999', region: 'us-east-1' };

describe('locate', () => {
  it.each<{
    name: string;
    attributes: Record<string, unknown>;
    hint?: StateInstance['scopeHint'];
    resourceType?: string;
    expected: Location;
  }>([
    {
      name: 'reads account and region from the ARN',
      attributes: { arn: 'arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-1', owner_id: '222222222222' },
      hint: HINT,
      expected: { accountId: '111111111111', region: 'eu-west-1' },
    },
    {
      name: 'keeps the colons of an ARN resource part out of the fields',
      attributes: { arn: 'arn:aws-cn:logs:cn-north-1:111111111111:log-group:/a:*' },
      expected: { accountId: '111111111111', region: 'cn-north-1' },
    },
    {
      name: 'falls back to the owner id and region attribute when the ARN has neither',
      attributes: { arn: 'arn:aws:s3:::bucket', owner_id: '222222222222', region: 'eu-central-1' },
      expected: { accountId: '222222222222', region: 'eu-central-1' },
    },
    {
      name: 'ignores an owner id that is not an account id',
      attributes: { owner_id: 'amazon' },
      hint: HINT,
      expected: HINT,
    },
    {
      name: 'ignores a value too short to be an ARN',
      attributes: { arn: 'arn:aws:ec2:eu-west-1:111111111111' },
      hint: HINT,
      expected: HINT,
    },
    {
      name: 'ignores a string that is not an ARN',
      attributes: { arn: 'urn:aws:ec2:eu-west-1:111111111111:vpc/vpc-1' },
      expected: { accountId: undefined, region: undefined },
    },
    {
      name: 'uses the config hint when the attributes say nothing',
      attributes: { arn: '' },
      hint: { region: 'ap-south-1' },
      expected: { accountId: undefined, region: 'ap-south-1' },
    },
    {
      name: 'puts S3 buckets in global, whatever the ARN says',
      attributes: { arn: 'arn:aws:s3:::bucket', region: 'eu-west-1' },
      hint: HINT,
      resourceType: 'AWS::S3::Bucket',
      expected: { accountId: '999999999999', region: 'global' },
    },
  ])('$name', ({ attributes, hint, resourceType, expected }) => {
    expect(locate(instance(attributes, hint), resourceType ?? 'AWS::EC2::VPC')).toEqual(expected);
  });
});
