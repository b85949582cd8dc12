import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Config, StateLocation } from '../config/schema.js';
import type { Clock } from '../model/index.js';
import { isRemoteLocation, isS3Location } from '../terraform/sources/state-source.js';
import { isTfeLocation } from '../terraform/sources/tfe-location.js';
import { budget, TFE_WAIT_BUDGET_MS } from './cli-io.js';

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
    location: isRemoteLocation(s.location) ? s.location : resolvePath(s.location),
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

/** The HCP Terraform clients for tfe:// states, loaded only when a state lives there. */
export async function tfeClientsFor(
  locations: readonly string[],
  config: Config | undefined,
  io: {
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly stderr: { write(text: string): unknown };
    readonly sleep?: (ms: number) => Promise<void>;
    readonly clock: Clock;
  },
) {
  if (!locations.some(isTfeLocation)) return undefined;
  const [{ tfeClients }, { createStderrLogger }] = await Promise.all([
    import('../wiring/tfe-clients.js'),
    import('./stderr-logger.js'),
  ]);
  const env = io.env ?? {};
  return tfeClients({
    hosts: config?.terraform.hosts ?? {},
    env,
    timeLeft: budget(TFE_WAIT_BUDGET_MS),
    sleep: io.sleep,
    clock: io.clock,
    logger: createStderrLogger(io.stderr, env['STATETRAIL_LOG_LEVEL']),
  });
}
