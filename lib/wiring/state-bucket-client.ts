import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { isS3Location } from '../terraform/sources/state-source.js';

/** The role state buckets are read through, when it is not the scan's own identity. */
export interface StateRole {
  readonly roleArn: string;
  readonly externalId?: string | undefined;
}

/**
 * The client that reads s3:// states, or undefined when no location is on S3. It follows region
 * redirects: a state bucket may live in any region, and its location is all the user gives. With
 * a role, it reads through that role (refreshed before expiry) instead of the caller's identity.
 */
export function stateBucketClient(
  locations: readonly string[],
  endpoints: Readonly<Record<string, string>>,
  options: {
    readonly role?: StateRole | undefined;
    readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  } = {},
): S3Client | undefined {
  if (!locations.some(isS3Location)) return undefined;
  const endpoint = endpoints['s3'];
  const sts = endpoints['sts'];
  const { role, credentials } = options;
  const roleCredentials = role
    ? fromTemporaryCredentials({
        params: {
          RoleArn: role.roleArn,
          RoleSessionName: 'statetrail-states',
          ...(role.externalId ? { ExternalId: role.externalId } : {}),
        },
        ...(credentials ? { masterCredentials: credentials } : {}),
        clientConfig: { region: 'us-east-1', ...(sts ? { endpoint: sts } : {}) },
      })
    : credentials;
  return new S3Client({
    region: 'us-east-1',
    followRegionRedirects: true,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    ...(roleCredentials ? { credentials: roleCredentials } : {}),
  });
}
