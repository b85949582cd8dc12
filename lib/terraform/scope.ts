import type { StateInstance } from './state-instance.js';

/** The account and region an instance belongs to; a field is undefined when nothing says. */
export interface InstanceScope {
  readonly accountId: string | undefined;
  readonly region: string | undefined;
}

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const GLOBAL = 'global';

/**
 * Where an instance lives: one answer for the drift engine's matching and the Terraform record.
 * The ARN decides (from `arn`, or an `id` that is an ARN); an ARN with no region is a global
 * resource. S3 buckets and their sub-resources are `global` in the account the config gives,
 * since S3 ARNs name neither. Without an ARN, an `owner_id`/`account_id` attribute (VPCs,
 * security groups) gives the account, and the `region` attribute (AWS provider 6) or the config's
 * hint gives the region.
 */
export function instanceScope(instance: StateInstance): InstanceScope {
  const hint = instance.scopeHint;
  const attributes = instance.attributes;
  if (instance.type.startsWith('aws_s3_bucket')) {
    return { accountId: hint?.accountId, region: GLOBAL };
  }
  const arn = arnFields(attributes['arn']) ?? arnFields(attributes['id']);
  const accountId = arn?.accountId ?? ownerAccount(attributes) ?? hint?.accountId;
  // An ARN with no region (IAM) is global, unless the instance names its region itself.
  const region =
    arn?.region ?? regionAttribute(attributes) ?? (arn ? GLOBAL : undefined) ?? hint?.region;
  return { accountId, region };
}

// The region and account fields of an ARN (`arn:partition:service:region:account:resource`),
// read by position: a split per instance would allocate every field of 100k ARNs.
function arnFields(
  value: unknown,
): { accountId: string | undefined; region: string | undefined } | undefined {
  if (typeof value !== 'string' || !value.startsWith('arn:')) return undefined;
  const partitionEnd = value.indexOf(':', 4);
  const serviceEnd = partitionEnd < 0 ? -1 : value.indexOf(':', partitionEnd + 1);
  const regionEnd = serviceEnd < 0 ? -1 : value.indexOf(':', serviceEnd + 1);
  const accountEnd = regionEnd < 0 ? -1 : value.indexOf(':', regionEnd + 1);
  if (accountEnd < 0) return undefined;
  const region = value.slice(serviceEnd + 1, regionEnd);
  const account = value.slice(regionEnd + 1, accountEnd);
  return {
    accountId: ACCOUNT_ID.test(account) ? account : undefined,
    region: region === '' ? undefined : region,
  };
}

function ownerAccount(attributes: Readonly<Record<string, unknown>>): string | undefined {
  const value = attributes['owner_id'] ?? attributes['account_id'];
  return typeof value === 'string' && ACCOUNT_ID.test(value) ? value : undefined;
}

function regionAttribute(attributes: Readonly<Record<string, unknown>>): string | undefined {
  const value = attributes['region'];
  return typeof value === 'string' && REGION.test(value) ? value : undefined;
}
