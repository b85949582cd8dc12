import { BY_TERRAFORM_TYPE } from '../drift/mapping/registry.js';
import type { AttributeSpec, StateContext, TypeMapping } from '../drift/mapping/types.js';
import { UNKNOWN } from '../drift/normalize-values.js';
import type { Resource } from '../model/schema.js';
import { type AddressBook, addressBook } from './address.js';
import { expression, type HclAttribute, type HclBlock, type HclValue, jsonencode } from './hcl.js';
import { isSecretValue as secret } from './secret.js';

/** What to codify and what the state already manages. */
export interface CodifyInput {
  /** The unmanaged resources (those of an unmapped type are reported in `skipped`). */
  readonly resources: readonly Resource[];
  /** Cloud id -> Terraform address (`vpc-0a1b` -> `aws_vpc.main`) of what the state manages. */
  readonly managed: ReadonlyMap<string, string>;
  /** The addresses already handed out (one book across calls keeps them unique); default: a new one. */
  readonly book?: AddressBook;
}

/** A resource that got no Terraform, and why. */
export interface Skipped {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly reason: string;
}

/** The blocks one resource got (its own, its split S3 parts, its standalone rules). */
export interface CodifiedResource {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly blocks: readonly HclBlock[];
}

/** The `import` and `resource` blocks, in input order, and what was left out. */
export interface Codified {
  readonly blocks: readonly HclBlock[];
  /** The same blocks, by the resource they codify. */
  readonly resources: readonly CodifiedResource[];
  readonly skipped: readonly Skipped[];
}

// The primary Terraform type codify writes for each collected type.
const PRIMARY: ReadonlyMap<string, string> = new Map([
  ['AWS::EC2::VPC', 'aws_vpc'],
  ['AWS::EC2::Subnet', 'aws_subnet'],
  ['AWS::EC2::SecurityGroup', 'aws_security_group'],
  ['AWS::EC2::InternetGateway', 'aws_internet_gateway'],
  ['AWS::EC2::RouteTable', 'aws_route_table'],
  ['AWS::EC2::Instance', 'aws_instance'],
  ['AWS::S3::Bucket', 'aws_s3_bucket'],
  ['AWS::EKS::Cluster', 'aws_eks_cluster'],
  ['AWS::EC2::NatGateway', 'aws_nat_gateway'],
  ['AWS::EC2::EIP', 'aws_eip'],
  ['AWS::EC2::Volume', 'aws_ebs_volume'],
  ['AWS::EC2::EgressOnlyInternetGateway', 'aws_egress_only_internet_gateway'],
]);

/** The Terraform types `codify` writes (README lists what each holds). */
export const CODIFIED_TYPES: readonly string[] = [
  ...PRIMARY.values(),
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_policy',
];

// Compared attributes whose value is a comparison key, not configuration: written another way
// or not yet. `true` keeps the attribute.
const ONLY_TAGS = (name: string) => name === 'tags';
const KEPT: ReadonlyMap<string, (name: string) => boolean> = new Map([
  // Rules become standalone aws_vpc_security_group_*_rule resources.
  ['aws_security_group', (name: string) => name !== 'ingress' && name !== 'egress'],
  // Routes are compared as `destination -> target` keys; not generated yet.
  ['aws_route_table', (name: string) => name !== 'route'],
  // The provider v4+ split resources hold the bucket's configuration; inline is deprecated.
  ['aws_s3_bucket', ONLY_TAGS],
  // The rule itself is compared as one key; its fields are written from the SDK rule.
  ['aws_vpc_security_group_ingress_rule', ONLY_TAGS],
  ['aws_vpc_security_group_egress_rule', ONLY_TAGS],
]);

const NO_CONTEXT: StateContext = { attributes: {}, children: [] };

// A cloud id of a managed resource becomes a reference to it (`aws_vpc.main.id`).
function withReferences(name: string, value: HclValue, managed: CodifyInput['managed']): HclValue {
  if (!/_ids?$/.test(name)) return value;
  const ref = (item: HclValue) => {
    const address = typeof item === 'string' ? managed.get(item) : undefined;
    return address === undefined ? item : expression(`${address}.id`);
  };
  return Array.isArray(value) ? (value as readonly HclValue[]).map(ref) : ref(value);
}

function cloudValue(spec: AttributeSpec, resource: Resource, context: StateContext): unknown {
  const raw = spec.cloud(resource, context);
  if (raw === UNKNOWN) return UNKNOWN;
  const value = spec.normalize(raw);
  return value === UNKNOWN || value === null || value === undefined ? UNKNOWN : value;
}

// Attributes from a mapping's compared values; `a.b` specs go into a nested block `a { b = }`.
function mappedBody(
  type: string,
  mapping: TypeMapping,
  resource: Resource,
  managed: CodifyInput['managed'],
  context: StateContext = NO_CONTEXT,
): (HclAttribute | HclBlock)[] {
  const kept = KEPT.get(type) ?? (() => true);
  const top: HclAttribute[] = [];
  const nested = new Map<string, HclAttribute[]>();
  for (const spec of mapping.attributes) {
    if (!kept(spec.name)) continue;
    let value = cloudValue(spec, resource, context);
    if (value === UNKNOWN) continue;
    const [head = spec.name, ...rest] = spec.name.split('.');
    const leaf = rest.join('.') || head;
    if (spec.kind === 'map' && typeof value === 'object' && value !== null) {
      // A map loses only its secret entries (a credential pasted into one tag).
      const entries = Object.entries(value).filter(([k, v]) => !secret(k) && !secret(v));
      if (entries.length === 0) continue;
      value = Object.fromEntries(entries);
    }
    if (secret(value)) continue;
    // A policy document is written as `jsonencode({...})`, as configurations usually do.
    const hcl =
      leaf === 'policy' && typeof value === 'object'
        ? jsonencode(value)
        : withReferences(leaf, value as HclValue, managed);
    const attribute: HclAttribute = { kind: 'attribute', name: leaf, value: hcl };
    if (rest.length === 0) top.push(attribute);
    else nested.set(head, [...(nested.get(head) ?? []), attribute]);
  }
  // Tags last, as configurations usually write them; nested blocks after the attributes.
  const tags = top.filter((a) => a.name === 'tags');
  return [
    ...top.filter((a) => a.name !== 'tags'),
    ...tags,
    ...[...nested].map(
      ([name, body]): HclBlock => ({ kind: 'block', type: name, labels: [], body }),
    ),
  ];
}

function attribute(name: string, value: HclValue): HclAttribute {
  return { kind: 'attribute', name, value };
}

function resourceBlock(address: string, body: readonly (HclAttribute | HclBlock)[]): HclBlock {
  const [type = '', name = ''] = address.split('.');
  return { kind: 'block', type: 'resource', labels: [type, name], body };
}

function importBlock(address: string, id: string): HclBlock {
  return {
    kind: 'block',
    type: 'import',
    labels: [],
    body: [attribute('to', expression(address)), attribute('id', id)],
  };
}

function mapping(type: string): TypeMapping {
  const found = BY_TERRAFORM_TYPE.get(type);
  if (found === undefined) throw new Error(`codify: no drift mapping for ${type}`);
  return found;
}

type Row = Readonly<Record<string, unknown>>;

// The group's rules as standalone resources, from the `SecurityGroupRules` read (their sgr- ids).
function ruleBlocks(
  resource: Resource,
  group: string,
  book: AddressBook,
  managed: CodifyInput['managed'],
): HclBlock[] {
  const rules = resource.supplementaryConfiguration?.['SecurityGroupRules'];
  if (!Array.isArray(rules)) return [];
  return (rules as Row[]).flatMap((rule, index) => {
    const id = rule['SecurityGroupRuleId'];
    if (typeof id !== 'string') return [];
    const type = `aws_vpc_security_group_${rule['IsEgress'] === true ? 'egress' : 'ingress'}_rule`;
    const base = group.split('.')[1] ?? 'rule';
    const address = book.take(type, `${base}_${index + 1}`);
    const protocol = String(rule['IpProtocol'] ?? '-1');
    const referenced = (rule['ReferencedGroupInfo'] as Row | undefined)?.['GroupId'];
    const body: HclAttribute[] = [attribute('security_group_id', expression(`${group}.id`))];
    body.push(attribute('ip_protocol', protocol));
    if (protocol !== '-1') {
      if (typeof rule['FromPort'] === 'number') body.push(attribute('from_port', rule['FromPort']));
      if (typeof rule['ToPort'] === 'number') body.push(attribute('to_port', rule['ToPort']));
    }
    for (const [sdk, name] of [
      ['CidrIpv4', 'cidr_ipv4'],
      ['CidrIpv6', 'cidr_ipv6'],
      ['PrefixListId', 'prefix_list_id'],
    ] as const) {
      if (typeof rule[sdk] === 'string') body.push(attribute(name, rule[sdk]));
    }
    if (typeof referenced === 'string') {
      const ref = referenced === resource.resourceId ? group : managed.get(referenced);
      body.push(
        attribute(
          'referenced_security_group_id',
          ref === undefined ? referenced : expression(`${ref}.id`),
        ),
      );
    }
    const description = rule['Description'];
    if (typeof description === 'string' && description !== '' && !secret(description)) {
      body.push(attribute('description', description));
    }
    const tags = mappedBody(type, mapping(type), resource, managed, {
      attributes: { id },
      children: [],
    });
    return [importBlock(address, id), resourceBlock(address, [...body, ...tags])];
  });
}

// The SSE mapping compares `{ algorithm, kmsKey, bucketKey }` per rule: as the provider's blocks.
function encryptionRules(body: readonly (HclAttribute | HclBlock)[]): HclBlock[] {
  const rules = body.find((item) => item.kind === 'attribute' && item.name === 'rule');
  if (rules?.kind !== 'attribute' || !Array.isArray(rules.value)) return [];
  return (rules.value as readonly Row[]).map((rule): HclBlock => {
    const byDefault: HclAttribute[] = [attribute('sse_algorithm', String(rule['algorithm']))];
    if (typeof rule['kmsKey'] === 'string') {
      byDefault.push(attribute('kms_master_key_id', rule['kmsKey']));
    }
    return {
      kind: 'block',
      type: 'rule',
      labels: [],
      body: [
        attribute('bucket_key_enabled', rule['bucketKey'] === true),
        {
          kind: 'block',
          type: 'apply_server_side_encryption_by_default',
          labels: [],
          body: byDefault,
        },
      ],
    };
  });
}

// The split S3 resources a bucket's configuration calls for, each only when configured.
const BUCKET_PARTS: readonly {
  readonly type: string;
  readonly shape: (body: (HclAttribute | HclBlock)[]) => (HclAttribute | HclBlock)[];
}[] = [
  { type: 'aws_s3_bucket_versioning', shape: (body) => body },
  { type: 'aws_s3_bucket_server_side_encryption_configuration', shape: encryptionRules },
  {
    type: 'aws_s3_bucket_public_access_block',
    shape: (body) =>
      body.some((item) => item.kind === 'attribute' && item.value === true) ? body : [],
  },
  { type: 'aws_s3_bucket_policy', shape: (body) => body },
];

function bucketChildren(
  resource: Resource,
  bucket: string,
  book: AddressBook,
  managed: CodifyInput['managed'],
): HclBlock[] {
  const blocks: HclBlock[] = [];
  const name = bucket.split('.')[1] ?? 'bucket';
  const ref = attribute('bucket', expression(`${bucket}.id`));
  for (const part of BUCKET_PARTS) {
    const body = part.shape(mappedBody(part.type, mapping(part.type), resource, managed));
    if (body.length === 0) continue;
    const address = book.take(part.type, name);
    blocks.push(importBlock(address, resource.resourceId), resourceBlock(address, [ref, ...body]));
  }
  return blocks;
}

function rawName(resource: Resource): string {
  const tag = resource.tags['Name'];
  if (typeof tag === 'string' && tag.trim() !== '' && !secret(tag)) return tag;
  return resource.resourceName ?? resource.resourceId;
}

/**
 * `import` and `resource` blocks for unmanaged resources: the attributes the drift mapping
 * compares, read the same way, without computed ones (ids, ARNs, owners) or secrets; ids of
 * managed resources as references. Pure.
 */
export function codify(input: CodifyInput): Codified {
  const book = input.book ?? addressBook(input.managed.values());
  const codified: CodifiedResource[] = [];
  const skipped: Skipped[] = [];
  for (const resource of input.resources) {
    const type = PRIMARY.get(resource.resourceType);
    if (type === undefined) {
      skipped.push({
        resourceType: resource.resourceType,
        resourceId: resource.resourceId,
        reason: 'no codify support for this type yet',
      });
      continue;
    }
    const address = book.take(type, rawName(resource));
    const blocks: HclBlock[] = [];
    const body = mappedBody(type, mapping(type), resource, input.managed);
    if (type === 'aws_s3_bucket') body.unshift(attribute('bucket', resource.resourceId));
    if (type === 'aws_eks_cluster') body.unshift(attribute('name', resource.resourceId));
    blocks.push(importBlock(address, resource.resourceId), resourceBlock(address, body));
    if (type === 'aws_security_group') {
      blocks.push(...ruleBlocks(resource, address, book, input.managed));
    }
    if (type === 'aws_s3_bucket') {
      blocks.push(...bucketChildren(resource, address, book, input.managed));
    }
    codified.push({ resourceType: resource.resourceType, resourceId: resource.resourceId, blocks });
  }
  return { blocks: codified.flatMap((c) => c.blocks), resources: codified, skipped };
}
