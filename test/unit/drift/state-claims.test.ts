import { describe, expect, it } from 'vitest';
import { readStateClaims } from '../../../lib/drift/state-claims.js';
import type { Resource } from '../../../lib/model/schema.js';
import { SENSITIVE, type StateInstance } from '../../../lib/terraform/state-instance.js';

const ROLE = 'arn:aws:iam::111111111111:role/node';

function instance(type: string, attributes: Record<string, unknown>, deposed?: string) {
  return {
    state: 'prod.tfstate',
    lineage: 'l-1',
    serial: 1,
    address: `${type}.this`,
    type,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    attributes,
    tainted: false,
    ...(deposed === undefined ? {} : { deposed }),
  } satisfies StateInstance;
}

function resource(resourceType: string, resourceId: string, accountId = '111111111111'): Resource {
  return {
    schemaVersion: 1,
    resourceType,
    resourceId,
    accountId,
    awsRegion: 'eu-west-1',
    tags: {},
    configuration: {},
  };
}

const NODE_GROUP = instance('aws_eks_node_group', {
  arn: 'arn:aws:eks:eu-west-1:111111111111:nodegroup/prod/general/u-1',
  cluster_name: 'prod',
  node_role_arn: ROLE,
});

describe('Function: readStateClaims', () => {
  it("names the owner of an instance's root and launch-time volumes", () => {
    const claims = readStateClaims([
      instance('aws_instance', {
        arn: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-1',
        root_block_device: [{ volume_id: 'vol-root' }],
        ebs_block_device: [{ volume_id: 'vol-data' }],
      }),
    ]);
    expect(claims.claimedBy(resource('AWS::EC2::Volume', 'vol-root'))).toBe('aws_instance.this');
    expect(claims.claimedBy(resource('AWS::EC2::Volume', 'vol-data'))).toBe('aws_instance.this');
    expect(claims.claimedBy(resource('AWS::EC2::Volume', 'vol-other'))).toBeUndefined();
  });

  it('claims a resource of the named type only', () => {
    const claims = readStateClaims([instance('aws_vpc', { default_security_group_id: 'sg-1' })]);
    expect(claims.claimedBy(resource('AWS::EC2::SecurityGroup', 'sg-1'))).toBe('aws_vpc.this');
    expect(claims.claimedBy(resource('AWS::EC2::NetworkAcl', 'sg-1'))).toBeUndefined();
  });

  it("keeps a claim in its owner's account: the same cluster name elsewhere is not claimed", () => {
    const claims = readStateClaims([NODE_GROUP]);
    const id = `prod:${ROLE}`;
    expect(claims.claimedBy(resource('AWS::EKS::AccessEntry', id))).toBe('aws_eks_node_group.this');
    expect(claims.claimedBy(resource('AWS::EKS::AccessEntry', id, '222222222222'))).toBeUndefined();
  });

  it('ignores deposed objects, masked values and types that make nothing', () => {
    const claims = readStateClaims([
      instance('aws_instance', { root_block_device: [{ volume_id: 'vol-old' }] }, 'd-1'),
      instance('aws_nat_gateway', { allocation_id: SENSITIVE }),
      instance('aws_subnet', { default_security_group_id: 'sg-2' }),
    ]);
    expect(claims.claimedBy(resource('AWS::EC2::Volume', 'vol-old'))).toBeUndefined();
    expect(claims.claimedBy(resource('AWS::EC2::EIP', SENSITIVE))).toBeUndefined();
    expect(claims.claimedBy(resource('AWS::EC2::SecurityGroup', 'sg-2'))).toBeUndefined();
  });
});
