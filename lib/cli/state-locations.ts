import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Config, StateLocation } from '../config/schema.js';
import { isS3Location } from '../terraform/sources/state-source.js';

/** The states to read: the flags', else the config file's (with their scopes); paths resolved. */
export function stateLocations(
  states: readonly string[],
  config: Config | undefined,
  resolvePath: (path: string) => string,
): StateLocation[] {
  const given: StateLocation[] =
    states.length > 0 ? states.map((location) => ({ location })) : (config?.terraform.states ?? []);
  return given.map((s) => ({
    ...s,
    location: isS3Location(s.location) ? s.location : resolvePath(s.location),
  }));
}

/**
 * The S3 client for s3:// states; the SDK is loaded only when a state lives on S3. The config's
 * `terraform.roleArn`, when set, is the identity it reads through.
 */
export async function stateBucket(
  locations: readonly string[],
  endpoints: Readonly<Record<string, string>>,
  options: {
    readonly config?: Config | undefined;
    readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  } = {},
) {
  if (!locations.some(isS3Location)) return undefined;
  const { stateBucketClient } = await import('../wiring/state-bucket-client.js');
  const roleArn = options.config?.terraform.roleArn;
  const externalId = options.config?.terraform.externalId;
  return stateBucketClient([...locations], endpoints, {
    ...(roleArn ? { role: { roleArn, ...(externalId ? { externalId } : {}) } } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}
