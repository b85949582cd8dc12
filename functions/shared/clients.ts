import { systemClock } from '../../lib/model/index.js';
import type { ReadSecret } from '../../lib/model/secrets.js';
import { createStepClients, type StepClients } from '../../lib/wiring/step-clients.js';
import type { Deadline } from './deadline.js';
import type { FunctionEnv } from './env.js';
import { logger } from './logger.js';

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
  return createStepClients({
    staging: { kind: 's3', bucket: env.STAGING_BUCKET, prefix: env.STAGING_PREFIX },
    endpoints: env.STATETRAIL_ENDPOINTS ?? {},
    ...(trail && {
      trail: {
        location: trail,
        cwd: '/tmp',
        env: options.processEnv ?? process.env,
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

/** The HMAC key as bytes, when the function was given one. */
export function hmacKeyOf(env: FunctionEnv): Uint8Array | undefined {
  return env.STATETRAIL_HMAC_KEY ? new TextEncoder().encode(env.STATETRAIL_HMAC_KEY) : undefined;
}
