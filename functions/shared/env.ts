import { z } from 'zod';
import { TfeHosts } from '../../lib/config/schema.js';
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
  /**
   * The trail drift and commit read and write: `github:OWNER/REPO[@BRANCH]` (a Lambda has no
   * checkout to keep). Its credential comes from `GITHUB_TOKEN` or the GitHub App's variables.
   */
  STATETRAIL_TRAIL: z
    .string()
    .regex(/^github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(@[^\s]+)?$/, {
      error: 'expected github:OWNER/REPO or github:OWNER/REPO@BRANCH',
    })
    .optional(),
  /**
   * The config's `terraform.hosts` as JSON, for tfe:// states: each host's `tokenSecretArn` (read
   * through the injected ReadSecret), `tokenEnv` or address. Names of secrets only, never values.
   */
  STATETRAIL_TERRAFORM_HOSTS: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({
          code: 'custom',
          message: "expected JSON (the config's terraform.hosts)",
        });
        return z.NEVER;
      }
    })
    .pipe(TfeHosts)
    .optional(),
  /** The key that fingerprints secret values (Kubernetes Secrets, user data). */
  STATETRAIL_HMAC_KEY: z.string().min(1).optional(),
  /** Deployed: the Secrets Manager secret holding that key (wins over STATETRAIL_HMAC_KEY). */
  STATETRAIL_HMAC_KEY_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /**
   * Deployed: the GitHub credential's secret, JSON `{token}` or `{appId, installationId,
   * privateKey}`, read at the first trail use (wins over GITHUB_TOKEN and the App's variables).
   */
  STATETRAIL_GITHUB_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** Tests: GitHub's retry-after seconds and write pacing in these milliseconds. */
  STATETRAIL_GITHUB_WAIT_UNIT_MS: z.coerce.number().int().min(0).optional(),
  /** The DynamoDB table of the trail's lease: when set, commit writes only while its scan holds it. */
  LEASE_TABLE: z.string().min(1).optional(),
  /** CloudTrail LookupEvents calls the attribute step may make per scan. */
  STATETRAIL_ATTRIBUTION_BUDGET: z.coerce.number().int().min(0).optional(),
  /** The scanner's own principals (comma-separated ARNs) whose events are never attributed. */
  STATETRAIL_SCANNER_PRINCIPALS: z
    .string()
    .transform((value) => value.split(',').filter((arn) => arn.length > 0))
    .optional(),
});
export type FunctionEnv = z.infer<typeof FunctionEnv>;

/** The lease function's environment: the table, the lease's length, and the trail it guards. */
export const LeaseFunctionEnv = FunctionEnv.pick({ STATETRAIL_ENDPOINTS: true }).extend({
  LEASE_TABLE: z.string().min(1),
  /** How long a lease lasts: longer than the longest scan. */
  LEASE_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  STATETRAIL_TRAIL: FunctionEnv.shape.STATETRAIL_TRAIL.unwrap(),
});
export type LeaseFunctionEnv = z.infer<typeof LeaseFunctionEnv>;

/** Parses the lease function's environment once per cold start, naming every problem. */
export function parseLeaseFunctionEnv(env: NodeJS.ProcessEnv = process.env): LeaseFunctionEnv {
  const result = LeaseFunctionEnv.safeParse(env);
  if (!result.success) {
    throw new EnvironmentError(`Invalid function environment:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * Parses the environment once per cold start; a bad one fails the init with every problem named.
 * `require` names the optional variables this function cannot run without.
 */
export function parseFunctionEnv(
  env: NodeJS.ProcessEnv = process.env,
  require: readonly 'STATETRAIL_TRAIL'[] = [],
): FunctionEnv {
  const schema = FunctionEnv.required(
    Object.fromEntries(require.map((name) => [name, true])) as { STATETRAIL_TRAIL?: true },
  );
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new EnvironmentError(`Invalid function environment:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
