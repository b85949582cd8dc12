import type { StateInstance } from '../../terraform/state-instance.js';
import {
  normalizeCidr,
  normalizeNumber,
  normalizePortRange,
  normalizeProtocol,
  normalizeString,
  normalizeStringSet,
  UNKNOWN,
} from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { configAt, idAttribute, stateAt } from './read.js';
import type { AttributeSpec, TypeMapping } from './types.js';

type Row = Readonly<Record<string, unknown>>;

/** The deny-all rules AWS appends to every NACL direction (32767; 32768 for IPv6): never in config. */
const FIRST_DEFAULT_DENY = 32767;

interface Rule {
  readonly number: unknown;
  readonly action: unknown;
  readonly protocol: unknown;
  readonly cidr: unknown;
  readonly ipv6Cidr: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly icmpType: unknown;
  readonly icmpCode: unknown;
}

function asRows(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

// One readable key per rule, e.g. `#100 allow tcp 10.0.0.0/16 443-443`: protocol, CIDR and
// port spellings folded so `6`/`tcp` and `0:0::/0`/`::/0` compare equal.
function ruleKey(rule: Rule): string {
  const protocol = normalizeProtocol(rule.protocol);
  const cidr = normalizeCidr(rule.cidr) ?? normalizeCidr(rule.ipv6Cidr) ?? '?';
  const action = (normalizeString(rule.action) ?? '?').toLowerCase();
  let ports: string;
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    ports = `type ${normalizeNumber(rule.icmpType) ?? -1} code ${normalizeNumber(rule.icmpCode) ?? -1}`;
  } else if (protocol === 'tcp' || protocol === 'udp') {
    ports = normalizePortRange(protocol, rule.from, rule.to);
  } else {
    ports = 'all';
  }
  return `#${normalizeNumber(rule.number) ?? '?'} ${action} ${protocol} ${cidr} ${ports}`;
}

/** An inline `ingress`/`egress` block of `aws_network_acl` as a key. */
function inlineKey(row: Row): string {
  return ruleKey({
    number: row['rule_no'],
    action: row['action'],
    protocol: row['protocol'],
    cidr: row['cidr_block'],
    ipv6Cidr: row['ipv6_cidr_block'],
    from: row['from_port'],
    to: row['to_port'],
    icmpType: row['icmp_type'],
    icmpCode: row['icmp_code'],
  });
}

/** An `aws_network_acl_rule` as a key. */
function standaloneKey(row: Row): string {
  return ruleKey({
    number: row['rule_number'],
    action: row['rule_action'],
    protocol: row['protocol'],
    cidr: row['cidr_block'],
    ipv6Cidr: row['ipv6_cidr_block'],
    from: row['from_port'],
    to: row['to_port'],
    icmpType: row['icmp_type'],
    icmpCode: row['icmp_code'],
  });
}

/** An SDK `Entries` member as a key. */
function cloudKey(entry: Row): string {
  const ports = (entry['PortRange'] ?? {}) as Row;
  const icmp = (entry['IcmpTypeCode'] ?? {}) as Row;
  return ruleKey({
    number: entry['RuleNumber'],
    action: entry['RuleAction'],
    protocol: entry['Protocol'],
    cidr: entry['CidrBlock'],
    ipv6Cidr: entry['Ipv6CidrBlock'],
    from: ports['From'],
    to: ports['To'],
    icmpType: icmp['Type'],
    icmpCode: icmp['Code'],
  });
}

// `egress` is a bool, possibly spelled as a string in old states.
function isEgress(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The rule numbers `aws_network_acl_rule` children own, per direction. */
function ownedNumbers(children: readonly StateInstance[], egress: boolean): Set<number> {
  const owned = new Set<number>();
  for (const child of children) {
    if (child.type !== 'aws_network_acl_rule') continue;
    if (isEgress(child.attributes['egress']) !== egress) continue;
    const number = normalizeNumber(child.attributes['rule_number']);
    if (number !== null) owned.add(number);
  }
  return owned;
}

// Terraform's inline blocks are refreshed to every rule, standalone ones included: the rules an
// `aws_network_acl_rule` owns are compared there, and left out here on both sides.
function inlineRules(direction: 'ingress' | 'egress'): AttributeSpec {
  const egress = direction === 'egress';
  return {
    name: direction,
    state: (attributes, { children }) => {
      const rules = stateAt(attributes, direction);
      if (rules === UNKNOWN) return UNKNOWN;
      const owned = ownedNumbers(children, egress);
      return asRows(rules)
        .filter((rule) => !owned.has(normalizeNumber(rule['rule_no']) ?? Number.NaN))
        .map(inlineKey);
    },
    cloud: (resource, { children }) => {
      const entries = configAt(resource, 'Entries');
      if (!Array.isArray(entries)) return UNKNOWN;
      const owned = ownedNumbers(children, egress);
      return asRows(entries)
        .filter((entry) => isEgress(entry['Egress']) === egress)
        .filter((entry) => {
          const number = normalizeNumber(entry['RuleNumber']);
          return (number ?? 0) < FIRST_DEFAULT_DENY && !owned.has(number ?? Number.NaN);
        })
        .map(cloudKey);
    },
    normalize: normalizeStringSet,
    kind: 'set',
  };
}

/** `aws_network_acl`, `aws_default_network_acl` -> `AWS::EC2::NetworkAcl` (inline rules as sets). */
export const AWS_NETWORK_ACL: TypeMapping = {
  terraformTypes: ['aws_network_acl', 'aws_default_network_acl'],
  resourceType: 'AWS::EC2::NetworkAcl',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('vpc_id', ['VpcId']),
    {
      ...field('subnet_ids', [], 'set'),
      cloud: (resource) => {
        const associations = configAt(resource, 'Associations');
        if (!Array.isArray(associations)) return associations;
        return asRows(associations).map((a) => a['SubnetId']);
      },
    },
    inlineRules('ingress'),
    inlineRules('egress'),
    TAGS,
  ],
};

/** `aws_network_acl_rule` (synthetic `nacl-` id): matches its NACL; its rule is found by direction and number. */
export const AWS_NETWORK_ACL_RULE: TypeMapping = {
  terraformTypes: ['aws_network_acl_rule'],
  resourceType: 'AWS::EC2::NetworkAcl',
  role: 'child',
  cloudId: (attributes) => {
    const id = attributes['network_acl_id'];
    return typeof id === 'string' && id !== '' ? id : undefined;
  },
  attributes: [
    {
      name: 'rule',
      state: (attributes) => {
        const direction = isEgress(attributes['egress']) ? 'egress' : 'ingress';
        return [`${direction} ${standaloneKey(attributes)}`];
      },
      cloud: (resource, { attributes }) => {
        const entries = configAt(resource, 'Entries');
        if (!Array.isArray(entries)) return UNKNOWN;
        const egress = isEgress(attributes['egress']);
        const number = normalizeNumber(attributes['rule_number']);
        const entry = asRows(entries).find(
          (e) => isEgress(e['Egress']) === egress && normalizeNumber(e['RuleNumber']) === number,
        );
        return entry === undefined ? [] : [`${egress ? 'egress' : 'ingress'} ${cloudKey(entry)}`];
      },
      normalize: normalizeStringSet,
      kind: 'set',
    },
  ],
};
