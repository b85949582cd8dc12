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
 * Where an instance lives. The ARN decides (from `arn`, or an `id` that is an ARN); an ARN with
 * no region is a global resource. S3 buckets and their sub-resources are `global` in the
 * account the config gives, since S3 ARNs name neither. Without an ARN, an `owner_id`/`account_id`
 * attribute (VPCs, security groups) gives the account, and the `region` attribute (AWS
 * provider 6) or the config's hint gives the region.
 */
export function instanceScope(instance: StateInstance): InstanceScope {
  const hint = instance.scopeHint;
  const attributes = instance.attributes;
  if (instance.type.startsWith('aws_s3_bucket')) {
    return { accountId: hint?.accountId, region: GLOBAL };
  }
  const arn = arnParts(attributes);
  const accountId = arn?.accountId ?? ownerAccount(attributes) ?? hint?.accountId;
  const region = arn?.region ?? regionAttribute(attributes) ?? hint?.region;
  return { accountId, region };
}

function arnParts(
  attributes: Readonly<Record<string, unknown>>,
): { accountId: string | undefined; region: string } | undefined {
  const arn = [attributes['arn'], attributes['id']].find(
    (value): value is string => typeof value === 'string' && value.startsWith('arn:'),
  );
  if (arn === undefined) return undefined;
  // arn:partition:service:region:account:resource
  const [, , , region = '', account = ''] = arn.split(':');
  return {
    accountId: ACCOUNT_ID.test(account) ? account : undefined,
    region: region === '' ? GLOBAL : region,
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
