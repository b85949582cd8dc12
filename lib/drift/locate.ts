import type { StateInstance } from '../terraform/state-instance.js';

/** Where an instance lives, as far as it says. */
export interface Location {
  readonly accountId?: string | undefined;
  readonly region?: string | undefined;
}

const ACCOUNT = /^\d{12}$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// The region and account fields of an ARN (`arn:partition:service:region:account:resource`),
// read by position: one split per instance allocates every field of 100k ARNs.
function arnFields(arn: string | undefined): { region: string; account: string } | undefined {
  if (arn === undefined || !arn.startsWith('arn:')) return undefined;
  const partitionEnd = arn.indexOf(':', 4);
  const serviceEnd = partitionEnd < 0 ? -1 : arn.indexOf(':', partitionEnd + 1);
  const regionEnd = serviceEnd < 0 ? -1 : arn.indexOf(':', serviceEnd + 1);
  const accountEnd = regionEnd < 0 ? -1 : arn.indexOf(':', regionEnd + 1);
  if (accountEnd < 0) return undefined;
  return {
    region: arn.slice(serviceEnd + 1, regionEnd),
    account: arn.slice(regionEnd + 1, accountEnd),
  };
}

/**
 * The account and region of an instance: its `arn`, else its owner id and (provider v6) `region`
 * attribute, else the config's hint for its state. S3 buckets live in `global`.
 */
export function locate(instance: StateInstance, resourceType: string): Location {
  const { attributes, scopeHint } = instance;
  const fromArn = arnFields(text(attributes['arn']));
  const owner = text(attributes['owner_id']);
  const accountId =
    text(fromArn?.account) ??
    (owner && ACCOUNT.test(owner) ? owner : undefined) ??
    scopeHint?.accountId;
  const region =
    resourceType === 'AWS::S3::Bucket'
      ? 'global'
      : (text(fromArn?.region) ?? text(attributes['region']) ?? scopeHint?.region);
  return { accountId, region };
}
