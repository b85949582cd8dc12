import { randomBytes } from 'node:crypto';
import {
  AssumeRoleRequest$,
  AssumeRoleResponse$,
  GetCallerIdentityRequest$,
  GetCallerIdentityResponse$,
} from '@aws-sdk/client-sts';
import { SimApiError, stsAccessDenied } from './errors.js';
import { type AwsWorld, arnAccount, type SimAccessKey } from './world.js';
import type { SchemaRef } from './xml-writer.js';

/** The caller of an STS action. */
export interface StsCallContext {
  world: AwsWorld;
  accountId: string;
  key: SimAccessKey;
}

/** One STS action: its request schema, the schema of its result and its handler. */
export interface StsAction {
  request: SchemaRef;
  result: SchemaRef;
  handle: (input: Record<string, unknown>, ctx: StsCallContext) => object;
}

/** The STS actions the sim implements. */
export const stsActions: Readonly<Record<string, StsAction>> = {
  GetCallerIdentity: {
    request: GetCallerIdentityRequest$,
    result: GetCallerIdentityResponse$,
    handle: (_input, { accountId, key }) => ({
      UserId: key.userId,
      Account: accountId,
      Arn: key.principalArn,
    }),
  },
  AssumeRole: { request: AssumeRoleRequest$, result: AssumeRoleResponse$, handle: assumeRole },
};

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/**
 * Hands out temporary keys for the role's account when the role trusts the caller (its ARN, its
 * account id, or `*`); the new key joins that account's keys, so later calls with it land there.
 */
function assumeRole(raw: Record<string, unknown>, ctx: StsCallContext): object {
  const input = raw as { RoleArn?: string; RoleSessionName?: string; DurationSeconds?: number };
  const roleArn = input.RoleArn ?? '';
  const session = input.RoleSessionName ?? '';
  if (!SESSION_NAME.test(session)) {
    throw new SimApiError(
      'ValidationError',
      400,
      `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  }
  const duration = input.DurationSeconds ?? 3600;
  if (duration < 900 || duration > 43200) {
    throw new SimApiError(
      'ValidationError',
      400,
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: ` +
        'Member must have value between 900 and 43200',
    );
  }
  const role = ctx.world.roles.find((r) => r.arn === roleArn);
  const target = role ? arnAccount(role.arn) : undefined;
  const trusted = role?.trustedPrincipals.some(
    (p) => p === '*' || p === ctx.key.principalArn || p === ctx.accountId,
  );
  const account = target ? ctx.world.accounts[target] : undefined;
  if (!role || !trusted || !target || !account) {
    throw stsAccessDenied(ctx.key.principalArn, 'AssumeRole', roleArn);
  }
  const roleName = role.arn.split('/').at(-1) ?? role.arn;
  const key: SimAccessKey = {
    accessKeyId: `ASIA${randomBytes(12).toString('hex').toUpperCase().slice(0, 16)}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(96).toString('base64'),
    principalArn: `arn:aws:sts::${target}:assumed-role/${roleName}/${session}`,
    userId: `${role.roleId}:${session}`,
  };
  account.accessKeys.push(key);
  // STS answers whole seconds.
  const expiration = new Date(Math.floor(Date.now() / 1000 + duration) * 1000);
  return {
    Credentials: {
      AccessKeyId: key.accessKeyId,
      SecretAccessKey: key.secretAccessKey,
      SessionToken: key.sessionToken,
      Expiration: expiration,
    },
    AssumedRoleUser: { AssumedRoleId: key.userId, Arn: key.principalArn },
  };
}
