import { canonicalKey, normalizeCidr, normalizeString, UNKNOWN } from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { configAt, idAttribute, stateAt, supplementaryAt } from './read.js';
import type { TypeMapping } from './types.js';

type Row = Readonly<Record<string, unknown>>;

/** `aws_egress_only_internet_gateway` -> `AWS::EC2::EgressOnlyInternetGateway`. */
export const AWS_EGRESS_ONLY_INTERNET_GATEWAY: TypeMapping = {
  terraformTypes: ['aws_egress_only_internet_gateway'],
  resourceType: 'AWS::EC2::EgressOnlyInternetGateway',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [field('vpc_id', ['Attachments', 0, 'VpcId']), TAGS],
};

/** `aws_vpc_peering_connection` (the requester side) -> `AWS::EC2::VPCPeeringConnection`. */
export const AWS_VPC_PEERING_CONNECTION: TypeMapping = {
  terraformTypes: ['aws_vpc_peering_connection'],
  resourceType: 'AWS::EC2::VPCPeeringConnection',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('vpc_id', ['RequesterVpcInfo', 'VpcId']),
    field('peer_vpc_id', ['AccepterVpcInfo', 'VpcId']),
    field('peer_owner_id', ['AccepterVpcInfo', 'OwnerId']),
    {
      ...field('peer_region', ['AccepterVpcInfo', 'Region']),
      // Providers before 2.x left it empty for a same-region peering; the cloud may not say.
      state: (attributes) => {
        const value = stateAt(attributes, 'peer_region');
        return normalizeString(value === UNKNOWN ? null : value) === null ? UNKNOWN : value;
      },
      cloud: (resource) => configAt(resource, 'AccepterVpcInfo', 'Region') ?? UNKNOWN,
    },
    TAGS,
  ],
};

/** Prefix-list entries, from state `{cidr, description}` or SDK `{Cidr, Description}`, as a sorted set. */
export function normalizePrefixListEntries(value: unknown): Row[] | null {
  if (!Array.isArray(value)) return null;
  const entries = (value as Row[]).map((entry) => {
    const cidr = normalizeCidr(entry['cidr'] ?? entry['Cidr']);
    const description = normalizeString(entry['description'] ?? entry['Description']);
    return { cidr, ...(description === null ? {} : { description }) };
  });
  if (entries.length === 0) return null;
  const unique = new Map(entries.map((entry) => [canonicalKey(entry), entry] as const));
  return [...unique.keys()].sort().map((key) => unique.get(key) as Row);
}

/** `aws_ec2_managed_prefix_list` -> `AWS::EC2::PrefixList`, entries from the supplementary read. */
export const AWS_EC2_MANAGED_PREFIX_LIST: TypeMapping = {
  terraformTypes: ['aws_ec2_managed_prefix_list'],
  resourceType: 'AWS::EC2::PrefixList',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('name', ['PrefixListName']),
    field('address_family', ['AddressFamily']),
    field('max_entries', ['MaxEntries'], 'number'),
    {
      name: 'entry',
      state: (attributes) => stateAt(attributes, 'entry'),
      cloud: (resource) => supplementaryAt(resource, 'Entries'),
      normalize: normalizePrefixListEntries,
      kind: 'set',
    },
    TAGS,
  ],
};
