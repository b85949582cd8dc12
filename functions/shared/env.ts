import { z } from 'zod';
import { EnvironmentError } from './errors.js';

/**
 * `service=url` pairs separated by commas (`ec2=http://127.0.0.1:4566,s3=http://...`): the
 * deployed counterpart of the CLI's `--endpoint`, so end-to-end tests can aim a handler at the sim.
 */
const Endpoints = z
  .string()
  .regex(/^([a-z0-9-]+=https?:\/\/[^,=\s]+)(,[a-z0-9-]+=https?:\/\/[^,=\s]+)*$/, {
    error: 'expected service=url pairs separated by commas',
  })
  .transform((value) => {
    const endpoints: Record<string, string> = {};
    for (const pair of value.split(',')) {
      const equals = pair.indexOf('=');
      endpoints[pair.slice(0, equals)] = pair.slice(equals + 1);
    }
    return endpoints;
  });

/** The environment every statetrail function reads (only the fields we use). */
export const FunctionEnv = z.object({
  STAGING_BUCKET: z.string().min(1),
  /** Root of the staged documents inside the bucket. */
  STAGING_PREFIX: z.string().default(''),
  STATETRAIL_ENDPOINTS: Endpoints.optional(),
});
export type FunctionEnv = z.infer<typeof FunctionEnv>;

/** Parses the environment once per cold start; a bad one fails the init with every problem named. */
export function parseFunctionEnv(env: NodeJS.ProcessEnv = process.env): FunctionEnv {
  const result = FunctionEnv.safeParse(env);
  if (!result.success) {
    throw new EnvironmentError(`Invalid function environment:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
