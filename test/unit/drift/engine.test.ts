import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../../lib/drift/engine.js';
import type { Resource } from '../../../lib/model/schema.js';
import type { StateInstance } from '../../../lib/terraform/state-instance.js';

const EU = { accountId: '111111111111', awsRegion: 'eu-west-1' };
const US = { accountId: '111111111111', awsRegion: 'us-east-1' };

function vpc(where: { accountId: string; awsRegion: string }, type = 'AWS::EC2::VPC'): Resource {
  return {
    schemaVersion: 1,
    resourceType: type,
    resourceId: 'vpc-1',
    ...where,
    tags: {},
    configuration: { CidrBlock: '10.0.0.0/16' },
  };
}

function state(scopeHint: StateInstance['scopeHint'], arn?: string): StateInstance {
  return {
    state: 'main.tfstate',
    lineage: 'l',
    serial: 1,
    address: 'aws_vpc.main',
    type: 'aws_vpc',
    provider: 'aws',
    attributes: { id: 'vpc-1', cidr_block: '10.0.0.0/16', ...(arn ? { arn } : {}) },
    tainted: false,
    ...(scopeHint === undefined ? {} : { scopeHint }),
  };
}

const ONE_EU = vpc(EU);

describe('computeDrift matching', () => {
  it.each<{
    name: string;
    resources: Resource[];
    instance: StateInstance;
    managed: number;
    unmanaged: number;
  }>([
    {
      name: 'matches by account, region, type and id',
      resources: [vpc(EU), vpc(US)],
      instance: state(undefined, 'arn:aws:ec2:us-east-1:111111111111:vpc/vpc-1'),
      managed: 1,
      unmanaged: 1,
    },
    {
      name: 'matches an instance without a location when exactly one resource fits',
      resources: [vpc(EU)],
      instance: state(undefined),
      managed: 1,
      unmanaged: 0,
    },
    {
      name: 'matches none when two resources fit an instance without a region',
      resources: [vpc(EU), vpc(US)],
      instance: state({ accountId: '111111111111' }),
      managed: 0,
      unmanaged: 2,
    },
    {
      name: 'narrows by the region it has',
      resources: [vpc(EU), vpc(US)],
      instance: state({ region: 'eu-west-1' }),
      managed: 1,
      unmanaged: 1,
    },
    {
      name: 'never matches the same id under another type',
      resources: [vpc(EU, 'AWS::EC2::Subnet')],
      instance: state({ accountId: EU.accountId, region: EU.awsRegion }),
      managed: 0,
      unmanaged: 1,
    },
    {
      name: 'counts a resource object listed twice as managed at both places',
      resources: [ONE_EU, vpc(US), ONE_EU],
      instance: state({ accountId: EU.accountId, region: EU.awsRegion }),
      managed: 2,
      unmanaged: 1,
    },
  ])('$name', ({ resources, instance, managed, unmanaged }) => {
    const report = computeDrift({ resources, instances: [instance], scopes: [], now: new Date(0) });
    expect(report.summary).toMatchObject({ managed, unmanaged, changed: 0 });
  });
});
