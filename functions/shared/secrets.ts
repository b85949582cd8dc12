import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import type { ReadSecret } from '../../lib/model/secrets.js';
import { SecretError } from './errors.js';

/** How long a warm function reuses a secret before reading it again (a rotation shows within). */
export const SECRET_MAX_AGE_SECONDS = 300;

/** What {@link createReadSecret} builds from. */
export interface ReadSecretOptions {
  /** Secrets Manager's endpoint (the simulated world); absent: the region's own. */
  readonly endpoint?: string | undefined;
  /** @default SECRET_MAX_AGE_SECONDS */
  readonly maxAgeSeconds?: number;
  /** Tests: a client with static credentials. */
  readonly client?: SecretsManagerClient;
}

/**
 * {@link ReadSecret} through Powertools Parameters: one Secrets Manager client per cold start, each
 * value cached for {@link SECRET_MAX_AGE_SECONDS}. Errors name the ARN, never a value.
 */
export function createReadSecret(options: ReadSecretOptions = {}): ReadSecret {
  const client =
    options.client ??
    new SecretsManagerClient(options.endpoint ? { endpoint: options.endpoint } : {});
  const provider = new SecretsProvider({ awsSdkV3Client: client });
  const maxAge = options.maxAgeSeconds ?? SECRET_MAX_AGE_SECONDS;
  return async (arn) => {
    let value: unknown;
    try {
      value = await provider.get(arn, { maxAge });
    } catch (error) {
      throw new SecretError(`Cannot read secret ${arn}: ${errorName(error)}`, { cause: error });
    }
    if (typeof value === 'string' && value.length > 0) return value;
    if (value instanceof Uint8Array) return new TextDecoder().decode(value);
    throw new SecretError(`Secret ${arn} has no string value`);
  };
}

/** The root cause's name (`AccessDeniedException`, `ResourceNotFoundException`): no message, which could quote input. */
function errorName(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.name : 'error';
}

/** The GitHub credential's secret: a token, or a GitHub App. */
export const GitHubSecret = z.union([
  z.strictObject({ token: z.string().min(1) }),
  z.strictObject({
    appId: z.union([z.string().min(1), z.number().int()]),
    installationId: z.union([z.string().min(1), z.number().int()]),
    privateKey: z.string().includes('PRIVATE KEY'),
  }),
]);
export type GitHubSecret = z.infer<typeof GitHubSecret>;

/**
 * The secret's JSON as the variables the trail's GitHub client reads (DESIGN's CLI names), so
 * the deployed functions and the CLI authenticate the same way. Errors name the ARN and the
 * expected keys, never the text.
 */
export function gitHubCredentialEnv(text: string, arn: string): Record<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SecretError(
      `Secret ${arn} is not JSON: expected {"token"} or {"appId", "installationId", "privateKey"}`,
    );
  }
  const result = GitHubSecret.safeParse(data);
  if (!result.success) {
    throw new SecretError(
      `Secret ${arn} is not a GitHub credential: expected {"token"} or {"appId", "installationId", "privateKey"} (keys: ${keysOf(data)})`,
    );
  }
  const secret = result.data;
  if ('token' in secret) return { GITHUB_TOKEN: secret.token };
  return {
    STATETRAIL_GITHUB_APP_ID: String(secret.appId),
    STATETRAIL_GITHUB_APP_INSTALLATION_ID: String(secret.installationId),
    STATETRAIL_GITHUB_APP_PRIVATE_KEY: secret.privateKey,
  };
}

function keysOf(data: unknown): string {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'none';
  return Object.keys(data).sort().join(', ') || 'none';
}
