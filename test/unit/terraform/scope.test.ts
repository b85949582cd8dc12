import { describe, expect, it } from 'vitest';
import { instanceScope } from '../../../lib/terraform/scope.js';
import type { StateInstance, StateScopeHint } from '../../../lib/terraform/state-instance.js';

function instance(
  type: string,
  attributes: Record<string, unknown>,
  scopeHint?: StateScopeHint,
): StateInstance {
  return {
    state: 's.tfstate',
    lineage: 'l',
    serial: 1,
    address: `${type}.x`,
    type,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    attributes,
    tainted: false,
    ...(scopeHint ? { scopeHint } : {}),
  };
}

const HINT = { accountId: '999999999999', region: 'us-east-1' };

describe('instanceScope', () => {
  it('takes account and region from the arn', () => {
    const arn = 'arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-1';
    expect(instanceScope(instance('aws_subnet', { arn }, HINT))).toEqual({
      accountId: '123456789012',
      region: 'eu-west-1',
    });
  });

  it('takes an arn-shaped id when there is no arn attribute', () => {
    const id = 'arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/web/1';
    expect(instanceScope(instance('aws_lb', { id }))).toEqual({
      accountId: '123456789012',
      region: 'eu-west-2',
    });
  });

  it('puts an arn with no region (IAM) in the global region', () => {
    const arn = 'arn:aws:iam::123456789012:role/eks';
    expect(instanceScope(instance('aws_iam_role', { arn }))).toEqual({
      accountId: '123456789012',
      region: 'global',
    });
  });

  it('puts S3 buckets and their sub-resources in the global region of the hinted account', () => {
    const bucket = instance(
      'aws_s3_bucket',
      { arn: 'arn:aws:s3:::logs', region: 'eu-west-1' },
      HINT,
    );
    expect(instanceScope(bucket)).toEqual({ accountId: '999999999999', region: 'global' });
    expect(instanceScope(instance('aws_s3_bucket_acl', { bucket: 'logs' }))).toEqual({
      accountId: undefined,
      region: 'global',
    });
  });

  it('takes the account from owner_id and the region from the hint without an arn', () => {
    const table = instance('aws_route_table', { owner_id: '123456789012' }, HINT);
    expect(instanceScope(table)).toEqual({ accountId: '123456789012', region: 'us-east-1' });
  });

  it('takes the region from the region attribute (AWS provider 6) before the hint', () => {
    const tag = instance('aws_ec2_tag', { region: 'eu-west-1' }, HINT);
    expect(instanceScope(tag)).toEqual({ accountId: '999999999999', region: 'eu-west-1' });
  });

  it('leaves both unknown when nothing says', () => {
    expect(instanceScope(instance('aws_security_group_rule', { id: 'sgrule-1' }))).toEqual({
      accountId: undefined,
      region: undefined,
    });
  });

  describe('the cases the drift engine matches by', () => {
    it.each<{
      name: string;
      attributes: Record<string, unknown>;
      hint?: StateInstance['scopeHint'];
      resourceType?: string;
      expected: ReturnType<typeof instanceScope>;
    }>([
      {
        name: 'reads account and region from the ARN',
        attributes: {
          arn: 'arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-1',
          owner_id: '222222222222',
        },
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
        attributes: {
          arn: 'arn:aws:s3:::bucket',
          owner_id: '222222222222',
          region: 'eu-central-1',
        },
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
      const type = resourceType === 'AWS::S3::Bucket' ? 'aws_s3_bucket' : 'aws_vpc';
      expect(instanceScope(instance(type, attributes, hint))).toEqual(expected);
    });
  });
});
