import { normalizeCidr, normalizePortRange, normalizeProtocol } from './normalize-values.js';

/** Ingress or egress. */
export const DIRECTIONS = ['ingress', 'egress'] as const;
/** One of `DIRECTIONS`. */
export type Direction = (typeof DIRECTIONS)[number];

type Row = Readonly<Record<string, unknown>>;

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object') : [];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

// A cross-account reference may be written `owner/sg-id`; AWS answers the bare group id.
function groupPeer(id: string): string {
  return `sg:${id.slice(id.lastIndexOf('/') + 1)}`;
}

/**
 * One rule with one peer, as a comparable string: `ingress tcp 443-443 cidr:0.0.0.0/0 "desc"`.
 * Every spelling (inline block, standalone rule, SDK permission, SDK rule) expands to it.
 */
export function ruleKey(
  direction: Direction,
  protocol: unknown,
  from: unknown,
  to: unknown,
  peer: string,
  description: unknown,
): string {
  const proto = normalizeProtocol(protocol);
  return `${direction} ${proto} ${normalizePortRange(proto, from, to)} ${peer}${descriptionText(description)}`;
}

function descriptionText(description: unknown): string {
  return typeof description === 'string' && description !== ''
    ? ` ${JSON.stringify(description)}`
    : '';
}

function cidrPeer(cidr: string): string {
  return `cidr:${normalizeCidr(cidr) ?? cidr}`;
}

/** The rules of an SDK `IpPermissions` (or `IpPermissionsEgress`) list. */
export function expandPermissions(permissions: unknown, direction: Direction): string[] {
  const keys: string[] = [];
  for (const p of rows(permissions)) {
    const protocol = normalizeProtocol(p['IpProtocol']);
    const head = `${direction} ${protocol} ${normalizePortRange(protocol, p['FromPort'], p['ToPort'])} `;
    const key = (peer: string, description: unknown) =>
      keys.push(`${head}${peer}${descriptionText(description)}`);
    for (const r of rows(p['IpRanges'])) key(cidrPeer(String(r['CidrIp'])), r['Description']);
    for (const r of rows(p['Ipv6Ranges'])) key(cidrPeer(String(r['CidrIpv6'])), r['Description']);
    for (const r of rows(p['PrefixListIds']))
      key(`pl:${String(r['PrefixListId'])}`, r['Description']);
    for (const r of rows(p['UserIdGroupPairs']))
      key(groupPeer(String(r['GroupId'])), r['Description']);
  }
  return keys;
}

/** The rule of one SDK `SecurityGroupRule` (from DescribeSecurityGroupRules). */
export function expandSdkRule(rule: Row): string {
  const direction = rule['IsEgress'] === true ? 'egress' : 'ingress';
  const referenced = rule['ReferencedGroupInfo'] as Row | undefined;
  const peer =
    typeof rule['CidrIpv4'] === 'string'
      ? cidrPeer(rule['CidrIpv4'])
      : typeof rule['CidrIpv6'] === 'string'
        ? cidrPeer(rule['CidrIpv6'])
        : typeof rule['PrefixListId'] === 'string'
          ? `pl:${rule['PrefixListId']}`
          : groupPeer(String(referenced?.['GroupId'] ?? ''));
  return ruleKey(
    direction,
    rule['IpProtocol'],
    rule['FromPort'],
    rule['ToPort'],
    peer,
    rule['Description'],
  );
}

/** The rules of Terraform rule fields (inline block or `aws_security_group_rule`). */
export function expandTerraformRule(
  block: Row,
  direction: Direction,
  groupId: string,
  sourceGroupKey: 'security_groups' | 'source_security_group_id',
): string[] {
  const peers: string[] = [];
  for (const cidr of strings(block['cidr_blocks'])) peers.push(cidrPeer(cidr));
  for (const cidr of strings(block['ipv6_cidr_blocks'])) peers.push(cidrPeer(cidr));
  for (const id of strings(block['prefix_list_ids'])) peers.push(`pl:${id}`);
  for (const id of strings(block[sourceGroupKey])) peers.push(groupPeer(id));
  if (block['self'] === true) peers.push(groupPeer(groupId));
  if (peers.length === 0) return peers;
  // Every peer shares the block's protocol, ports and description: normalize them once.
  const protocol = normalizeProtocol(block['protocol']);
  const head = `${direction} ${protocol} ${normalizePortRange(protocol, block['from_port'], block['to_port'])} `;
  const tail = descriptionText(block['description']);
  return peers.map((peer) => `${head}${peer}${tail}`);
}

/** The inline `ingress`/`egress` blocks of an `aws_security_group` state. */
export function expandInlineBlocks(
  blocks: unknown,
  direction: Direction,
  groupId: string,
): string[] {
  const keys: string[] = [];
  // A loop, not flatMap: this runs for every group of a large state, and flatMap is generic.
  for (const block of rows(blocks)) {
    keys.push(...expandTerraformRule(block, direction, groupId, 'security_groups'));
  }
  return keys;
}

/** The rule of an `aws_vpc_security_group_{ingress,egress}_rule` state. */
export function expandVpcRule(attributes: Row, direction: Direction): string {
  const peer =
    typeof attributes['cidr_ipv4'] === 'string' && attributes['cidr_ipv4'] !== ''
      ? cidrPeer(attributes['cidr_ipv4'])
      : typeof attributes['cidr_ipv6'] === 'string' && attributes['cidr_ipv6'] !== ''
        ? cidrPeer(attributes['cidr_ipv6'])
        : typeof attributes['prefix_list_id'] === 'string' && attributes['prefix_list_id'] !== ''
          ? `pl:${attributes['prefix_list_id']}`
          : groupPeer(String(attributes['referenced_security_group_id'] ?? ''));
  return ruleKey(
    direction,
    attributes['ip_protocol'],
    attributes['from_port'],
    attributes['to_port'],
    peer,
    attributes['description'],
  );
}
