import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../../lib/drift/engine.js';
import { type Case, changesByAddress, driftOf, instance, resource } from './mapping-cases.js';

/** The changes of one resource against its Terraform type and any child instances, by address. */
function changesOf(resourceType: string, type: string, id: string, c: Case) {
  const report = driftOf(resourceType, type, id, c);
  expect(report.summary.managed).toBe(1);
  return changesByAddress(report);
}

const LOCAL_ROUTE = {
  DestinationCidrBlock: '10.0.0.0/16',
  GatewayId: 'local',
  Origin: 'CreateRouteTable',
};
const DEFAULT_ROUTE = {
  DestinationCidrBlock: '0.0.0.0/0',
  GatewayId: 'igw-1',
  Origin: 'CreateRoute',
};

describe('route table mapping', () => {
  it.each<Case>([
    {
      name: "leaves AWS's local route out",
      cloud: { configuration: { VpcId: 'vpc-1', Routes: [LOCAL_ROUTE, DEFAULT_ROUTE] } },
      state: { vpc_id: 'vpc-1', route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }] },
      expected: {},
    },
    {
      name: 'leaves propagated and gateway-endpoint routes out',
      cloud: {
        configuration: {
          Routes: [
            LOCAL_ROUTE,
            {
              DestinationCidrBlock: '172.16.0.0/12',
              GatewayId: 'vgw-1',
              Origin: 'EnableVgwRoutePropagation',
            },
            { DestinationPrefixListId: 'pl-1', GatewayId: 'vpce-1', Origin: 'CreateRoute' },
          ],
        },
      },
      state: { route: [] },
      expected: {},
    },
    {
      name: 'reports a route added outside Terraform as that route only',
      cloud: {
        configuration: {
          Routes: [
            LOCAL_ROUTE,
            DEFAULT_ROUTE,
            {
              DestinationCidrBlock: '10.1.0.0/16',
              VpcPeeringConnectionId: 'pcx-1',
              Origin: 'CreateRoute',
            },
          ],
        },
      },
      state: { route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }] },
      expected: {
        'aws_route_table.this': [
          { attribute: 'route', state: [], cloud: ['10.1.0.0/16 -> pcx-1'] },
        ],
      },
    },
    {
      name: 'compares IPv6 destinations in canonical form',
      cloud: {
        configuration: {
          Routes: [{ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1' }],
        },
      },
      state: {
        route: [{ ipv6_cidr_block: '0:0:0:0:0:0:0:0/0', egress_only_gateway_id: 'eigw-1' }],
      },
      expected: {},
    },
    {
      name: 'lets an aws_route report its own route, not the table',
      cloud: { configuration: { Routes: [LOCAL_ROUTE] } },
      state: { route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-1' }] },
      children: [
        {
          type: 'aws_route',
          address: 'aws_route.out',
          attributes: {
            id: 'r-rtb-11080135531',
            route_table_id: 'rtb-1',
            destination_cidr_block: '0.0.0.0/0',
            nat_gateway_id: 'nat-1',
          },
        },
      ],
      expected: {
        'aws_route.out': [{ attribute: 'route', state: ['0.0.0.0/0 -> nat-1'], cloud: [] }],
      },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::RouteTable', 'aws_route_table', 'rtb-1', c)).toEqual(c.expected);
  });
});

const TEMPLATE = {
  configuration: { LaunchTemplateName: 'web', DefaultVersionNumber: 1, LatestVersionNumber: 3 },
};

describe('launch template mapping', () => {
  it.each<Case>([
    {
      name: 'compares the latest version, security groups in any order',
      cloud: {
        ...TEMPLATE,
        supplementaryConfiguration: {
          LatestVersion: {
            LaunchTemplateData: {
              ImageId: 'ami-1',
              InstanceType: 't3.small',
              SecurityGroupIds: ['sg-2', 'sg-1'],
            },
          },
        },
      },
      state: {
        name: 'web',
        default_version: 1,
        latest_version: '3',
        image_id: 'ami-1',
        instance_type: 't3.micro',
        vpc_security_group_ids: ['sg-1', 'sg-2'],
      },
      expected: {
        'aws_launch_template.this': [
          { attribute: 'instance_type', state: 't3.micro', cloud: 't3.small' },
        ],
      },
    },
    {
      name: 'reads nothing of a latest version it could not read',
      cloud: { ...TEMPLATE, unreadable: ['LatestVersion'] },
      state: { name: 'web', latest_version: 3, instance_type: 't3.micro' },
      expected: {},
    },
    {
      name: 'reports a new version made outside Terraform',
      cloud: { ...TEMPLATE, supplementaryConfiguration: { LatestVersion: {} } },
      state: { name: 'web', default_version: 1, latest_version: 2 },
      expected: {
        'aws_launch_template.this': [{ attribute: 'latest_version', state: 2, cloud: 3 }],
      },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::LaunchTemplate', 'aws_launch_template', 'lt-1', c)).toEqual(
      c.expected,
    );
  });
});

const POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] },
  ],
};

describe('VPC endpoint mapping', () => {
  it.each<Case>([
    {
      name: 'treats an equivalent policy as equal (string vs document, list vs single)',
      cloud: {
        configuration: {
          VpcId: 'vpc-1',
          PolicyDocument: JSON.stringify(POLICY),
          Groups: [{ GroupId: 'sg-2' }, { GroupId: 'sg-1' }],
        },
      },
      state: {
        vpc_id: 'vpc-1',
        policy: JSON.stringify({
          Statement: [
            {
              Resource: 'arn:aws:s3:::b/*',
              Action: 's3:GetObject',
              Principal: '*',
              Effect: 'Allow',
            },
          ],
          Version: '2012-10-17',
        }),
        security_group_ids: ['sg-1', 'sg-2'],
      },
      expected: {},
    },
    {
      name: 'reports a policy that allows something else',
      cloud: { configuration: { PolicyDocument: JSON.stringify(POLICY) } },
      state: {
        policy: JSON.stringify({
          ...POLICY,
          Statement: [{ ...POLICY.Statement[0], Action: ['s3:PutObject'] }],
        }),
      },
      expected: {
        'aws_vpc_endpoint.this': [
          {
            attribute: 'policy',
            state: {
              Statement: [
                {
                  Action: ['s3:PutObject'],
                  Effect: 'Allow',
                  Principal: '*',
                  Resource: ['arn:aws:s3:::b/*'],
                },
              ],
              Version: '2012-10-17',
            },
            cloud: {
              Statement: [
                {
                  Action: ['s3:GetObject'],
                  Effect: 'Allow',
                  Principal: '*',
                  Resource: ['arn:aws:s3:::b/*'],
                },
              ],
              Version: '2012-10-17',
            },
          },
        ],
      },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::VPCEndpoint', 'aws_vpc_endpoint', 'vpce-1', c)).toEqual(c.expected);
  });
});

describe('EBS volume mapping', () => {
  it.each<Case>([
    {
      name: 'reads numbers and booleans in either spelling',
      cloud: { configuration: { Size: 20, VolumeType: 'gp3', Encrypted: true, Iops: 3000 } },
      state: { size: '20', type: 'gp3', encrypted: 'true', iops: 3000 },
      expected: {},
    },
    {
      name: 'reports a volume resized outside Terraform',
      cloud: { configuration: { Size: 40, Throughput: 125 } },
      state: { size: 20, throughput: 125 },
      expected: { 'aws_ebs_volume.this': [{ attribute: 'size', state: 20, cloud: 40 }] },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::Volume', 'aws_ebs_volume', 'vol-1', c)).toEqual(c.expected);
  });
});

describe('NAT gateway mapping', () => {
  it.each<Case>([
    {
      name: 'reads the allocation id from the first address',
      cloud: {
        configuration: {
          SubnetId: 'subnet-1',
          ConnectivityType: 'public',
          NatGatewayAddresses: [{ AllocationId: 'eipalloc-1' }],
        },
      },
      state: { subnet_id: 'subnet-1', connectivity_type: 'public', allocation_id: 'eipalloc-1' },
      expected: {},
    },
    {
      name: 'reports another allocation',
      cloud: { configuration: { NatGatewayAddresses: [{ AllocationId: 'eipalloc-2' }] } },
      state: { allocation_id: 'eipalloc-1' },
      expected: {
        'aws_nat_gateway.this': [
          { attribute: 'allocation_id', state: 'eipalloc-1', cloud: 'eipalloc-2' },
        ],
      },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::NatGateway', 'aws_nat_gateway', 'nat-1', c)).toEqual(c.expected);
  });
});

describe('EIP mapping', () => {
  it.each<Case>([
    {
      name: 'is in sync when domain and pool agree',
      cloud: { configuration: { Domain: 'vpc', PublicIpv4Pool: 'amazon' } },
      state: { domain: 'vpc', public_ipv4_pool: 'amazon' },
      expected: {},
    },
    {
      name: 'reports tags changed outside Terraform, key by key',
      cloud: { tags: { Name: 'nat', Owner: 'ops' }, configuration: { Domain: 'vpc' } },
      state: { domain: 'vpc', tags_all: { Name: 'nat', Owner: 'platform' } },
      expected: {
        'aws_eip.this': [{ attribute: 'tags.Owner', state: 'platform', cloud: 'ops' }],
      },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::EIP', 'aws_eip', 'eipalloc-1', c)).toEqual(c.expected);
  });
});

describe('key pair mapping', () => {
  it.each<Case>([
    {
      name: 'is in sync on the same key type',
      cloud: { configuration: { KeyType: 'ed25519' } },
      state: { key_type: 'ed25519' },
      expected: {},
    },
    {
      name: 'reports another key type',
      cloud: { configuration: { KeyType: 'rsa' } },
      state: { key_type: 'ed25519' },
      expected: {
        'aws_key_pair.this': [{ attribute: 'key_type', state: 'ed25519', cloud: 'rsa' }],
      },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::KeyPair', 'aws_key_pair', 'deployer', c)).toEqual(c.expected);
  });

  it('matches by key name when the state has no id', () => {
    const report = computeDrift({
      resources: [resource('AWS::EC2::KeyPair', 'deployer', { configuration: { KeyType: 'rsa' } })],
      instances: [
        instance({
          type: 'aws_key_pair',
          address: 'aws_key_pair.deployer',
          attributes: { key_name: 'deployer', key_type: 'rsa' },
        }),
      ],
      scopes: [],
      now: new Date(0),
    });
    expect(report.summary).toMatchObject({ managed: 1, unmanaged: 0, changed: 0 });
  });
});
