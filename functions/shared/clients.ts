import { systemClock } from '../../lib/model/index.js';
import type { ReadSecret } from '../../lib/model/secrets.js';
import { createStepClients, type StepClients } from '../../lib/wiring/step-clients.js';
import type { Deadline } from './deadline.js';
import type { FunctionEnv } from './env.js';
import { logger } from './logger.js';
import { createReadSecret, gitHubCredentialEnv } from './secrets.js';

/**
 * Builds a function's clients through the composition root the CLI uses too; module scope in each
 * handler calls this once, so warm starts reuse them. GitHub waits stop at the invocation's deadline.
 */
export function createFunctionClients(
  env: FunctionEnv,
  options: {
    readonly deadline?: Deadline;
    readonly processEnv?: NodeJS.ProcessEnv;
    /** Reads the secrets the config names by ARN (HCP Terraform tokens). */
    readonly readSecret?: ReadSecret;
  } = {},
): StepClients {
  const trail = env.STATETRAIL_TRAIL;
  const deadline = options.deadline;
  const secretArn = env.STATETRAIL_GITHUB_SECRET_ARN;
  const readSecret = options.readSecret ?? functionReadSecret(env);
  return createStepClients({
    staging: { kind: 's3', bucket: env.STAGING_BUCKET, prefix: env.STAGING_PREFIX },
    endpoints: env.STATETRAIL_ENDPOINTS ?? {},
    ...(trail && {
      trail: {
        location: trail,
        cwd: '/tmp',
        env: options.processEnv ?? process.env,
        ...(secretArn && {
          credentials: async () => gitHubCredentialEnv(await readSecret(secretArn), secretArn),
        }),
        ...(deadline ? { timeLeft: () => deadline.timeLeft() } : {}),
        gitHubWaitUnitMs: env.STATETRAIL_GITHUB_WAIT_UNIT_MS,
      },
    }),
    terraform: {
      hosts: env.STATETRAIL_TERRAFORM_HOSTS ?? {},
      env: options.processEnv ?? process.env,
      readSecret: options.readSecret,
      ...(deadline ? { timeLeft: () => deadline.timeLeft() } : {}),
    },
    clock: systemClock,
    logger,
  });
}

/** The HMAC key as bytes, when the function was given one in its environment. */
export function hmacKeyOf(env: FunctionEnv): Uint8Array | undefined {
  return env.STATETRAIL_HMAC_KEY ? new TextEncoder().encode(env.STATETRAIL_HMAC_KEY) : undefined;
}

/**
 * The HMAC key for one invocation: from its secret when deployed (cached by Powertools, so a warm
 * function does not call Secrets Manager each time), else from the environment.
 */
export async function hmacKeyFor(
  env: FunctionEnv,
  readSecret: ReadSecret = functionReadSecret(env),
): Promise<Uint8Array | undefined> {
  const arn = env.STATETRAIL_HMAC_KEY_SECRET_ARN;
  if (!arn) return hmacKeyOf(env);
  return new TextEncoder().encode(await readSecret(arn));
}

/** The secret reader of this cold start, on Secrets Manager's endpoint from STATETRAIL_ENDPOINTS. */
export function functionReadSecret(env: FunctionEnv): ReadSecret {
  return createReadSecret({ endpoint: env.STATETRAIL_ENDPOINTS?.['secretsmanager'] });
}
