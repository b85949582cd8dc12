import { describe, expect, it } from 'vitest';
import type { DriftChange } from '../../../lib/drift/schema.js';
import type { Resource } from '../../../lib/model/schema.js';
import { ACCOUNT, type Case, changesByAddress, driftOf, REGION } from './mapping-cases.js';

/** The changes of one resource against its Terraform type and any child instances, by address. */
function changesOf(resourceType: string, type: string, id: string, c: Case) {
  const report = driftOf(resourceType, type, id, c);
  expect(report.summary.managed).toBe(1);
  expect(report.unmanaged).toEqual([]);
  return changesByAddress(report);
}

// --- Network ACL -------------------------------------------------------------------------------

const ACL = 'acl-1';
const NACL_CLOUD = {
  VpcId: 'vpc-1',
  Associations: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }],
  Entries: [
    {
      RuleNumber: 100,
      Egress: false,
      Protocol: '6',
      RuleAction: 'allow',
      CidrBlock: '10.0.0.0/16',
      PortRange: { From: 443, To: 443 },
    },
    {
      RuleNumber: 110,
      Egress: false,
      Protocol: '1',
      RuleAction: 'allow',
      CidrBlock: '0.0.0.0/0',
      IcmpTypeCode: { Type: -1, Code: -1 },
    },
    {
      RuleNumber: 32767,
      Egress: false,
      Protocol: '-1',
      RuleAction: 'deny',
      CidrBlock: '0.0.0.0/0',
    },
    { RuleNumber: 32768, Egress: false, Protocol: '-1', RuleAction: 'deny', Ipv6CidrBlock: '::/0' },
    { RuleNumber: 100, Egress: true, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Egress: true, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
  ],
};
const INGRESS_443 = {
  rule_no: 100,
  action: 'allow',
  protocol: 'tcp',
  cidr_block: '10.0.0.0/16',
  ipv6_cidr_block: '',
  from_port: 443,
  to_port: 443,
  icmp_type: 0,
  icmp_code: 0,
};
const INGRESS_ICMP = {
  rule_no: 110,
  action: 'allow',
  protocol: '1',
  cidr_block: '0.0.0.0/0',
  ipv6_cidr_block: '',
  from_port: 0,
  to_port: 0,
  icmp_type: -1,
  icmp_code: -1,
};
const EGRESS_ALL = {
  rule_no: 100,
  action: 'allow',
  protocol: '-1',
  cidr_block: '0.0.0.0/0',
  ipv6_cidr_block: '',
  from_port: 0,
  to_port: 0,
  icmp_type: 0,
  icmp_code: 0,
};
const NACL_STATE = {
  vpc_id: 'vpc-1',
  subnet_ids: ['subnet-b', 'subnet-a'],
  ingress: [INGRESS_443, INGRESS_ICMP],
  egress: [EGRESS_ALL],
};
const RULE_443 = {
  id: 'nacl-1234567890',
  network_acl_id: ACL,
  rule_number: 100,
  egress: false,
  protocol: '6',
  rule_action: 'allow',
  cidr_block: '10.0.0.0/16',
  from_port: 443,
  to_port: 443,
};

describe('network ACL mapping', () => {
  it.each<Case>([
    {
      name: 'leaves the default deny rules out and reads protocol spellings alike',
      cloud: { configuration: NACL_CLOUD },
      state: NACL_STATE,
      expected: {},
    },
    {
      name: 'reports a subnet moved to another NACL as that subnet',
      cloud: { configuration: { ...NACL_CLOUD, Associations: [{ SubnetId: 'subnet-a' }] } },
      state: NACL_STATE,
      expected: {
        'aws_network_acl.this': [{ attribute: 'subnet_ids', state: ['subnet-b'], cloud: [] }],
      },
    },
    {
      name: 'reports a rule changed outside Terraform as that rule only',
      cloud: {
        configuration: {
          ...NACL_CLOUD,
          Entries: NACL_CLOUD.Entries.map((e) =>
            e.RuleNumber === 100 && !e.Egress ? { ...e, CidrBlock: '0.0.0.0/0' } : e,
          ),
        },
      },
      state: NACL_STATE,
      expected: {
        'aws_network_acl.this': [
          {
            attribute: 'ingress',
            state: ['#100 allow tcp 10.0.0.0/16 443-443'],
            cloud: ['#100 allow tcp 0.0.0.0/0 443-443'],
          },
        ],
      },
    },
    {
      name: 'treats entries it could not read as unknown, not different',
      cloud: { configuration: { VpcId: 'vpc-1', Associations: NACL_CLOUD.Associations } },
      state: NACL_STATE,
      expected: {},
    },
    {
      name: 'lets an aws_network_acl_rule own its rule: no false positive on the inline set',
      cloud: { configuration: NACL_CLOUD },
      // Terraform refreshes the inline blocks to every rule, the standalone one included.
      state: NACL_STATE,
      children: [
        {
          type: 'aws_network_acl_rule',
          address: 'aws_network_acl_rule.https',
          attributes: RULE_443,
        },
      ],
      expected: {},
    },
    {
      name: 'reports a standalone rule changed in the cloud on the rule, not the NACL',
      cloud: {
        configuration: {
          ...NACL_CLOUD,
          Entries: NACL_CLOUD.Entries.map((e) =>
            e.RuleNumber === 100 && !e.Egress ? { ...e, RuleAction: 'deny' } : e,
          ),
        },
      },
      state: { ...NACL_STATE, ingress: [{ ...INGRESS_443, action: 'deny' }, INGRESS_ICMP] },
      children: [
        {
          type: 'aws_network_acl_rule',
          address: 'aws_network_acl_rule.https',
          attributes: RULE_443,
        },
      ],
      expected: {
        'aws_network_acl_rule.https': [
          {
            attribute: 'rule',
            state: ['ingress #100 allow tcp 10.0.0.0/16 443-443'],
            cloud: ['ingress #100 deny tcp 10.0.0.0/16 443-443'],
          },
        ],
      },
    },
    {
      name: 'reports a deleted standalone rule as gone from the cloud',
      cloud: { configuration: { ...NACL_CLOUD, Entries: NACL_CLOUD.Entries.slice(1) } },
      state: { ...NACL_STATE, ingress: [INGRESS_ICMP] },
      children: [
        {
          type: 'aws_network_acl_rule',
          address: 'aws_network_acl_rule.https',
          attributes: RULE_443,
        },
      ],
      expected: {
        'aws_network_acl_rule.https': [
          { attribute: 'rule', state: ['ingress #100 allow tcp 10.0.0.0/16 443-443'], cloud: [] },
        ],
      },
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EC2::NetworkAcl', 'aws_network_acl', ACL, c)).toEqual(c.expected);
  });

  it('maps aws_default_network_acl to the same comparison', () => {
    const c: Case = {
      name: '',
      cloud: { configuration: NACL_CLOUD },
      state: NACL_STATE,
      expected: {},
    };
    expect(changesOf('AWS::EC2::NetworkAcl', 'aws_default_network_acl', ACL, c)).toEqual({});
  });
});

// --- Plain primaries: one table per type -------------------------------------------------------

interface Table {
  readonly resourceType: string;
  readonly type: string;
  readonly id: string;
  readonly cloud: Partial<Resource>;
  readonly state: Record<string, unknown>;
  /** One attribute changed in the cloud, and the change expected. */
  readonly differing: { readonly cloud: Partial<Resource>; readonly change: DriftChange };
  /**
   * A compared value one side cannot tell (unreadable in the snapshot, or, for fields the API
   * always returns, not recorded by an older provider's state) while the other differs: no change.
   */
  readonly unknown: { readonly cloud: Partial<Resource>; readonly state?: Record<string, unknown> };
}

const EKS_ENTRY_ID = 'prod:arn:aws:iam::111111111111:role/developers';
const EKS_ENTRY_CLOUD = {
  kubernetesGroups: ['developers', 'viewers'],
  principalArn: 'arn:aws:iam::111111111111:role/developers',
  type: 'STANDARD',
  username: 'arn:aws:sts::111111111111:assumed-role/developers/{{SessionName}}',
};
const OIDC_CLOUD = {
  clientId: 'kubernetes',
  issuerUrl: 'https://sso.example.com',
  usernameClaim: 'email',
  usernamePrefix: 'oidc:',
  groupsClaim: 'groups',
  groupsPrefix: 'oidc:',
  requiredClaims: {},
};
const PROFILE_CLOUD = {
  podExecutionRoleArn: 'arn:aws:iam::111111111111:role/eks-fargate-pods',
  subnets: ['subnet-b'],
  selectors: [
    { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    { namespace: 'monitoring' },
  ],
};

const TABLES: Record<string, Table> = {
  'egress-only internet gateway': {
    resourceType: 'AWS::EC2::EgressOnlyInternetGateway',
    type: 'aws_egress_only_internet_gateway',
    id: 'eigw-1',
    cloud: { configuration: { Attachments: [{ VpcId: 'vpc-1' }] }, tags: { Name: 'v6' } },
    state: { vpc_id: 'vpc-1', tags_all: { Name: 'v6' } },
    differing: {
      cloud: { configuration: { Attachments: [{ VpcId: 'vpc-1' }] }, tags: { Name: 'other' } },
      change: { attribute: 'tags.Name', state: 'v6', cloud: 'other' },
    },
    // An attachment list that is not a list: the snapshot cannot tell the VPC.
    unknown: { cloud: { configuration: { Attachments: 'n/a' }, tags: { Name: 'v6' } } },
  },
  'VPC peering connection': {
    resourceType: 'AWS::EC2::VPCPeeringConnection',
    type: 'aws_vpc_peering_connection',
    id: 'pcx-1',
    cloud: {
      configuration: {
        RequesterVpcInfo: { VpcId: 'vpc-1', OwnerId: ACCOUNT, Region: REGION },
        AccepterVpcInfo: { VpcId: 'vpc-2', OwnerId: '222222222222', Region: REGION },
      },
    },
    state: {
      vpc_id: 'vpc-1',
      peer_vpc_id: 'vpc-2',
      peer_owner_id: '222222222222',
      peer_region: REGION,
    },
    differing: {
      cloud: {
        configuration: {
          RequesterVpcInfo: { VpcId: 'vpc-1' },
          AccepterVpcInfo: { VpcId: 'vpc-2', OwnerId: '222222222222', Region: 'us-east-1' },
        },
      },
      change: { attribute: 'peer_region', state: REGION, cloud: 'us-east-1' },
    },
    // A snapshot without the accepter's region does not know it.
    unknown: {
      cloud: {
        configuration: {
          RequesterVpcInfo: { VpcId: 'vpc-1' },
          AccepterVpcInfo: { VpcId: 'vpc-2', OwnerId: '222222222222' },
        },
      },
    },
  },
  'managed prefix list': {
    resourceType: 'AWS::EC2::PrefixList',
    type: 'aws_ec2_managed_prefix_list',
    id: 'pl-1',
    cloud: {
      configuration: { PrefixListName: 'office', AddressFamily: 'IPv4', MaxEntries: 10 },
      supplementaryConfiguration: {
        Entries: [{ Cidr: '192.0.2.0/24', Description: 'Lisbon' }, { Cidr: '198.51.100.0/24' }],
      },
    },
    state: {
      name: 'office',
      address_family: 'IPv4',
      max_entries: '10',
      entry: [
        { cidr: '198.51.100.0/24', description: '' },
        { cidr: '192.0.2.0/24', description: 'Lisbon' },
      ],
    },
    differing: {
      cloud: {
        configuration: { PrefixListName: 'office', AddressFamily: 'IPv4', MaxEntries: 10 },
        supplementaryConfiguration: {
          Entries: [{ Cidr: '192.0.2.0/24', Description: 'Lisbon' }, { Cidr: '203.0.113.0/24' }],
        },
      },
      change: {
        attribute: 'entry',
        state: [{ cidr: '198.51.100.0/24' }],
        cloud: [{ cidr: '203.0.113.0/24' }],
      },
    },
    unknown: {
      cloud: {
        configuration: { PrefixListName: 'office', AddressFamily: 'IPv4', MaxEntries: 10 },
        unreadable: ['Entries'],
      },
    },
  },
  'EKS Fargate profile': {
    resourceType: 'AWS::EKS::FargateProfile',
    type: 'aws_eks_fargate_profile',
    id: 'prod:system',
    cloud: { configuration: PROFILE_CLOUD, tags: { env: 'prod' } },
    state: {
      cluster_name: 'prod',
      fargate_profile_name: 'system',
      pod_execution_role_arn: 'arn:aws:iam::111111111111:role/eks-fargate-pods',
      subnet_ids: ['subnet-b'],
      selector: [
        { namespace: 'monitoring', labels: {} },
        { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      ],
      tags_all: { env: 'prod' },
    },
    differing: {
      cloud: {
        configuration: { ...PROFILE_CLOUD, selectors: [{ namespace: 'monitoring' }] },
        tags: { env: 'prod' },
      },
      change: {
        attribute: 'selector',
        state: [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }],
        cloud: [],
      },
    },
    // The API always returns selectors: a state that does not record them is the unknown side.
    unknown: {
      cloud: {
        configuration: { ...PROFILE_CLOUD, selectors: [{ namespace: 'other' }] },
        tags: { env: 'prod' },
      },
      state: { selector: undefined },
    },
  },
  'EKS access entry': {
    resourceType: 'AWS::EKS::AccessEntry',
    type: 'aws_eks_access_entry',
    id: EKS_ENTRY_ID,
    cloud: { configuration: EKS_ENTRY_CLOUD, tags: { team: 'apps' } },
    state: {
      cluster_name: 'prod',
      principal_arn: 'arn:aws:iam::111111111111:role/developers',
      kubernetes_groups: ['viewers', 'developers'],
      type: 'STANDARD',
      user_name: 'arn:aws:sts::111111111111:assumed-role/developers/{{SessionName}}',
      tags_all: { team: 'apps' },
    },
    differing: {
      cloud: {
        configuration: { ...EKS_ENTRY_CLOUD, kubernetesGroups: ['developers', 'admins'] },
        tags: { team: 'apps' },
      },
      change: { attribute: 'kubernetes_groups', state: ['viewers'], cloud: ['admins'] },
    },
    unknown: {
      cloud: {
        configuration: { ...EKS_ENTRY_CLOUD, kubernetesGroups: ['admins'] },
        tags: { team: 'apps' },
      },
      state: { kubernetes_groups: undefined },
    },
  },
  'EKS pod identity association': {
    resourceType: 'AWS::EKS::PodIdentityAssociation',
    type: 'aws_eks_pod_identity_association',
    id: 'a-1',
    cloud: {
      configuration: {
        namespace: 'payments',
        serviceAccount: 'api',
        roleArn: 'arn:aws:iam::1:role/api',
      },
    },
    state: {
      association_id: 'a-1',
      namespace: 'payments',
      service_account: 'api',
      role_arn: 'arn:aws:iam::1:role/api',
    },
    differing: {
      cloud: {
        configuration: {
          namespace: 'payments',
          serviceAccount: 'api',
          roleArn: 'arn:aws:iam::1:role/other',
        },
      },
      change: {
        attribute: 'role_arn',
        state: 'arn:aws:iam::1:role/api',
        cloud: 'arn:aws:iam::1:role/other',
      },
    },
    unknown: {
      cloud: { configuration: { namespace: 'payments', serviceAccount: 'api', roleArn: 'x' } },
      state: { role_arn: undefined },
    },
  },
  'EKS identity provider config': {
    resourceType: 'AWS::EKS::IdentityProviderConfig',
    type: 'aws_eks_identity_provider_config',
    id: 'prod:corp-sso',
    cloud: { configuration: { oidc: OIDC_CLOUD } },
    state: {
      cluster_name: 'prod',
      oidc: [
        {
          identity_provider_config_name: 'corp-sso',
          client_id: 'kubernetes',
          issuer_url: 'https://sso.example.com',
          username_claim: 'email',
          username_prefix: 'oidc:',
          groups_claim: 'groups',
          groups_prefix: 'oidc:',
          required_claims: {},
        },
      ],
    },
    differing: {
      cloud: { configuration: { oidc: { ...OIDC_CLOUD, usernameClaim: 'sub' } } },
      change: { attribute: 'oidc.username_claim', state: 'email', cloud: 'sub' },
    },
    unknown: { cloud: { configuration: { oidc: 'n/a' } } },
  },
};

describe.each(Object.entries(TABLES))('%s mapping', (_name, t) => {
  const changes = (cloud: Partial<Resource>, state: Record<string, unknown> = {}) => {
    // An `undefined` override drops the attribute: a state that does not record it.
    const merged = Object.fromEntries(
      Object.entries({ ...t.state, ...state }).filter(([, value]) => value !== undefined),
    );
    return changesOf(t.resourceType, t.type, t.id, {
      name: '',
      cloud,
      state: merged,
      expected: {},
    });
  };

  it('reports nothing when in sync', () => {
    expect(changes(t.cloud)).toEqual({});
  });

  it('reports one differing attribute as exactly that change', () => {
    expect(changes(t.differing.cloud)).toEqual({ [`${t.type}.this`]: [t.differing.change] });
  });

  it('reads a value it cannot see as unknown, not different', () => {
    expect(changes(t.unknown.cloud, t.unknown.state)).toEqual({});
  });
});

// --- EKS access policy association -------------------------------------------------------------

const POLICIES = [
  {
    policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
    accessScope: { type: 'namespace', namespaces: ['dev', 'staging'] },
  },
  {
    policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    accessScope: { type: 'cluster', namespaces: [] },
  },
];
const EDIT = {
  id: 'prod#arn:aws:iam::111111111111:role/developers#arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
  cluster_name: 'prod',
  principal_arn: 'arn:aws:iam::111111111111:role/developers',
  policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
  access_scope: [{ type: 'namespace', namespaces: ['staging', 'dev'] }],
};
const ENTRY_STATE = {
  cluster_name: 'prod',
  principal_arn: 'arn:aws:iam::111111111111:role/developers',
  kubernetes_groups: ['developers', 'viewers'],
  type: 'STANDARD',
  user_name: EKS_ENTRY_CLOUD.username,
};
const association = (attributes: Record<string, unknown>) => ({
  type: 'aws_eks_access_policy_association',
  address: 'aws_eks_access_policy_association.edit',
  attributes,
});

describe('EKS access policy association mapping', () => {
  it.each<Case>([
    {
      name: 'matches its policy by ARN on the access entry',
      cloud: {
        configuration: EKS_ENTRY_CLOUD,
        supplementaryConfiguration: { AccessPolicies: POLICIES },
      },
      state: ENTRY_STATE,
      children: [association(EDIT)],
      expected: {},
    },
    {
      name: 'reports a namespace added to the scope as that namespace',
      cloud: {
        configuration: EKS_ENTRY_CLOUD,
        supplementaryConfiguration: {
          AccessPolicies: [
            {
              ...POLICIES[0],
              accessScope: { type: 'namespace', namespaces: ['dev', 'staging', 'prod'] },
            },
          ],
        },
      },
      state: ENTRY_STATE,
      children: [association(EDIT)],
      expected: {
        'aws_eks_access_policy_association.edit': [
          { attribute: 'access_scope.namespaces', state: [], cloud: ['prod'] },
        ],
      },
    },
    {
      name: 'reports a policy gone from the entry once, as policy_arn',
      cloud: {
        configuration: EKS_ENTRY_CLOUD,
        supplementaryConfiguration: { AccessPolicies: [POLICIES[1]] },
      },
      state: ENTRY_STATE,
      children: [association(EDIT)],
      expected: {
        'aws_eks_access_policy_association.edit': [
          { attribute: 'policy_arn', state: EDIT.policy_arn, cloud: null },
        ],
      },
    },
    {
      name: 'treats unreadable access policies as unknown, not different',
      cloud: { configuration: EKS_ENTRY_CLOUD, unreadable: ['AccessPolicies'] },
      state: ENTRY_STATE,
      children: [association(EDIT)],
      expected: {},
    },
  ])('$name', (c) => {
    expect(changesOf('AWS::EKS::AccessEntry', 'aws_eks_access_entry', EKS_ENTRY_ID, c)).toEqual(
      c.expected,
    );
  });
});
