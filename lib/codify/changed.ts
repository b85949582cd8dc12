import { type HclAttribute, type HclBlock, type HclValue, jsonencode, printHcl } from './hcl.js';
import { isSecretValue } from './secret.js';

/** One changed attribute of a managed resource, as the drift report holds it. */
export interface ChangedAttribute {
  /** The state address (`module.net.aws_subnet.private["b"]`). */
  readonly address: string;
  readonly type: string;
  readonly id: string;
  /** `instance_type`, `tags.Owner`, `metadata_options.http_tokens`. */
  readonly attribute: string;
  readonly state: unknown;
  readonly cloud: unknown;
}

/** Both ways out of a changed attribute. */
export interface ChangeResolution {
  /** The HCL to write at the address to accept the cloud's value; absent when it cannot be shown. */
  readonly accept?: string;
  /** The state's value, printed as HCL; absent when it cannot be shown. */
  readonly stateValue?: string;
  /** How to put the state's value back: a command, else a console step. */
  readonly revert: string;
}

// Shell words in single quotes: nothing inside is expanded.
function sh(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function hclValue(name: string, value: unknown): HclValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (name === 'policy' && typeof value === 'object') return jsonencode(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => hclValue('', item));
    return items.every((item) => item !== undefined) ? (items as HclValue[]) : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, hclValue(k, v)] as const);
    if (entries.some(([, v]) => v === undefined)) return undefined;
    return Object.fromEntries(entries) as HclValue;
  }
  return undefined;
}

const MAPS = new Set(['tags', 'labels', 'annotations']);

// `instance_type = ...`, `tags = { Owner = ... }`, `metadata_options { http_tokens = ... }`.
function fragment(attribute: string, value: unknown): (HclAttribute | HclBlock)[] | undefined {
  const [head = attribute, ...rest] = attribute.split('.');
  if (rest.length === 0) {
    const hcl = hclValue(head, value);
    return hcl === undefined ? undefined : [{ kind: 'attribute', name: head, value: hcl }];
  }
  const leaf = rest.join('.');
  const hcl = hclValue(leaf, value);
  if (hcl === undefined) return undefined;
  if (MAPS.has(head)) return [{ kind: 'attribute', name: head, value: { [leaf]: hcl } }];
  return [
    {
      kind: 'block',
      type: head,
      labels: [],
      body: [{ kind: 'attribute', name: leaf, value: hcl }],
    },
  ];
}

// `aws_instance.web[0]` -> type and name labels of its resource block (module path and index
// are in the comment above it).
function labels(address: string, type: string): [string, string] {
  const parts = address.replace(/\[[^\]]*\]$/, '').split('.');
  return [type, parts[parts.length - 1] ?? 'this'];
}

/** The AWS CLI command that sets a value back, for the attributes people change by hand most. */
function revertCommand(change: ChangedAttribute): string | undefined {
  const { type, id, attribute, state } = change;
  const tag = /^tags\.(.+)$/.exec(attribute)?.[1];
  if (
    tag !== undefined &&
    /^aws_(vpc|subnet|security_group|instance|internet_gateway|route_table|nat_gateway|eip|ebs_volume)$/.test(
      type,
    )
  ) {
    return typeof state === 'string'
      ? `aws ec2 create-tags --resources ${sh(id)} --tags ${sh(`Key=${tag},Value=${state}`)}`
      : `aws ec2 delete-tags --resources ${sh(id)} --tags ${sh(`Key=${tag}`)}`;
  }
  if (type === 'aws_instance' && attribute === 'instance_type' && typeof state === 'string') {
    return `aws ec2 modify-instance-attribute --instance-id ${sh(id)} --instance-type ${sh(`Value=${state}`)} (the instance must be stopped)`;
  }
  if (type === 'aws_instance' && attribute === 'source_dest_check' && typeof state === 'boolean') {
    return `aws ec2 modify-instance-attribute --instance-id ${sh(id)} --${state ? '' : 'no-'}source-dest-check`;
  }
  if (
    type === 'aws_subnet' &&
    attribute === 'map_public_ip_on_launch' &&
    typeof state === 'boolean'
  ) {
    return `aws ec2 modify-subnet-attribute --subnet-id ${sh(id)} --${state ? '' : 'no-'}map-public-ip-on-launch`;
  }
  if (
    type === 'aws_vpc' &&
    /^enable_dns_(support|hostnames)$/.test(attribute) &&
    typeof state === 'boolean'
  ) {
    const flag = attribute === 'enable_dns_support' ? 'enable-dns-support' : 'enable-dns-hostnames';
    return `aws ec2 modify-vpc-attribute --vpc-id ${sh(id)} --${flag} ${sh(`{"Value":${state}}`)}`;
  }
  if (type === 'aws_s3_bucket_versioning' && typeof state === 'string') {
    return `aws s3api put-bucket-versioning --bucket ${sh(id)} --versioning-configuration ${sh(`Status=${state}`)}`;
  }
  return undefined;
}

/**
 * Both ways out of a changed attribute of a managed resource: the HCL fragment at its address
 * that accepts the cloud's value, and the revert (the state's value and the command that
 * restores it, else `terraform apply -target`). Masked or credential-shaped values are never
 * printed. Pure.
 */
export function resolveChange(change: ChangedAttribute): ChangeResolution {
  const target = `terraform apply -target=${sh(change.address)}`;
  const command = isSecretValue(change.state) ? undefined : revertCommand(change);
  const revert =
    command === undefined
      ? `${target} (Terraform sets the value its configuration holds back)`
      : `${command}; or ${target}`;
  const body = isSecretValue(change.cloud) ? undefined : fragment(change.attribute, change.cloud);
  const before = isSecretValue(change.state) ? undefined : fragment(change.attribute, change.state);
  const block = (items: (HclAttribute | HclBlock)[]) =>
    `# ${change.address}\n${printHcl([{ kind: 'block', type: 'resource', labels: labels(change.address, change.type), body: items }])}`;
  return {
    ...(body === undefined ? {} : { accept: block(body) }),
    ...(before === undefined ? {} : { stateValue: block(before) }),
    revert,
  };
}
