import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AccountRef } from '../../model/index.js';
import type { AwsClientFactory } from './client-factory.js';
import { AwsIdentityError } from './identity-error.js';

/** Resolves the account id behind an account key with STS GetCallerIdentity. */
export async function resolveAccountId(
  aws: AwsClientFactory,
  account: AccountRef,
  region: string,
): Promise<string> {
  let response: { Account?: string | undefined };
  try {
    response = await aws.sts(account, region).send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw new AwsIdentityError('sts:GetCallerIdentity failed', { cause: error });
  }
  const accountId = response.Account;
  if (!accountId || !/^\d{12}$/.test(accountId)) {
    throw new AwsIdentityError('sts:GetCallerIdentity returned no valid account id');
  }
  return accountId;
}
