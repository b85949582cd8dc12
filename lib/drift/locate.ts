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

/**
 * The account and region of an instance: its `arn`, else its owner id and (provider v6) `region`
 * attribute, else the config's hint for its state. S3 buckets live in `global`.
 */
export function locate(instance: StateInstance, resourceType: string): Location {
  const { attributes, scopeHint } = instance;
  const arn = text(attributes['arn'])?.split(':');
  const fromArn = arn && arn[0] === 'arn' && arn.length >= 6 ? arn : undefined;
  const owner = text(attributes['owner_id']);
  const accountId =
    text(fromArn?.[4]) ??
    (owner && ACCOUNT.test(owner) ? owner : undefined) ??
    scopeHint?.accountId;
  const region =
    resourceType === 'AWS::S3::Bucket'
      ? 'global'
      : (text(fromArn?.[3]) ?? text(attributes['region']) ?? scopeHint?.region);
  return { accountId, region };
}
