import type { Resource } from '../../model/schema.js';
import { redactCredentials } from './redact-credentials.js';

/**
 * Masks credential-shaped values (configuration, tags, supplementary reads) but never the
 * record's identity: its id, name and ARN make its path and are what drift matches on, so a key
 * pair or cluster named like an access key id must keep them, or two of them would collapse into
 * one `(redacted...)` file. An id is a name the owner chose and AWS lists to anyone who may
 * describe it, not a secret the trail could leak.
 */
export function redactCredentialValues(resource: Resource): Resource {
  const redacted = redactCredentials(resource);
  if (redacted === resource) return resource;
  const { resourceType, resourceId, accountId, awsRegion, arn, resourceName } = resource;
  return {
    ...redacted,
    resourceType,
    resourceId,
    accountId,
    awsRegion,
    ...(arn === undefined ? {} : { arn }),
    ...(resourceName === undefined ? {} : { resourceName }),
  };
}
