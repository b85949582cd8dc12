import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { paginateListClusters } from '@aws-sdk/client-eks';
import { paginateListAccounts } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsConfig } from '../config/schema.js';
import type { AccountRef, CallCounts, KubeTarget, Logger, ScanWarning } from '../model/index.js';
import { type AwsClientFactory, accountKey } from '../sources/aws/client-factory.js';
import { classifyAwsError } from '../sources/aws/errors.js';
import { resolveAccountId } from '../sources/aws/identity.js';
import { accountLabel, type PlanAccount } from './plan.js';

/** What discovery found: accounts with their regions, and what it could not find out. */
export interface Discovery {
  readonly accounts: PlanAccount[];
  readonly warnings: ScanWarning[];
  readonly calls: CallCounts;
}

/** Discovery's dependencies. */
export interface DiscoverDeps {
  readonly aws: AwsClientFactory;
  readonly logger: Logger;
}

// Organizations and the account-wide calls are answered in us-east-1 (the aws partition).
const HOME_REGION = 'us-east-1';

/**
 * Resolves the accounts (the caller's, explicit roles, an Organization's active accounts) and
 * each account's regions (`all`: DescribeRegions, enabled regions only). One account failing
 * is a warning; the others go on.
 */
export async function discover(config: AwsConfig, deps: DiscoverDeps): Promise<Discovery> {
  const warnings: ScanWarning[] = [];
  const calls: CallCounts = {};
  const count = (service: string) => {
    calls[service] = (calls[service] ?? 0) + 1;
  };
  const accounts = await discoverAccounts(config, deps, warnings, count);
  const planned: PlanAccount[] = [];
  for (const account of accounts) {
    if (config.regions !== 'all') {
      planned.push({ account, regions: config.regions });
      continue;
    }
    try {
      count('ec2');
      const answer = await deps.aws
        .ec2(account, HOME_REGION)
        .send(new DescribeRegionsCommand({ AllRegions: false }));
      const regions = (answer.Regions ?? [])
        .filter((r) => r.OptInStatus !== 'not-opted-in')
        .flatMap((r) => (r.RegionName ? [r.RegionName] : []))
        .sort();
      planned.push({ account, regions });
    } catch (error) {
      warnings.push(failure(error, accountLabel(account), 'ec2:DescribeRegions', 'its regions'));
      // Global services need no region list; the account's regional scopes stay unknown.
      planned.push({ account, regions: [] });
    }
  }
  return { accounts: planned, warnings, calls };
}

async function discoverAccounts(
  config: AwsConfig,
  deps: DiscoverDeps,
  warnings: ScanWarning[],
  count: (service: string) => void,
): Promise<AccountRef[]> {
  const accounts = new Map<string, AccountRef>();
  const add = (account: AccountRef) => accounts.set(accountKey(account), account);
  const includeCaller =
    config.includeCaller ?? (config.accounts.length === 0 && !config.organization);
  if (includeCaller) add({});
  for (const { roleArn, externalId } of config.accounts) {
    add(externalId ? { roleArn, externalId } : { roleArn });
  }
  const organization = config.organization;
  if (!organization) return [...accounts.values()];
  try {
    count('sts');
    const caller = await deps.aws.sts({}, HOME_REGION).send(new GetCallerIdentityCommand({}));
    const partition = caller.Arn?.split(':')[1] ?? 'aws';
    const paginator = paginateListAccounts(
      { client: deps.aws.organizations({}, HOME_REGION), pageSize: 20 },
      {},
    );
    for await (const page of paginator) {
      count('organizations');
      for (const member of page.Accounts ?? []) {
        const id = member.Id;
        if (!id || (member.State ?? member.Status) !== 'ACTIVE') continue;
        if (organization.exclude.includes(id)) continue;
        if (id === caller.Account) {
          add({});
          continue;
        }
        const roleArn = `arn:${partition}:iam::${id}:role/${organization.roleName}`;
        add(
          organization.externalId ? { roleArn, externalId: organization.externalId } : { roleArn },
        );
      }
    }
  } catch (error) {
    warnings.push(
      failure(error, 'organization', 'organizations:ListAccounts', "the organization's accounts"),
    );
  }
  return [...accounts.values()];
}

function failure(error: unknown, target: string, operation: string, what: string): ScanWarning {
  const { code, reason } = classifyAwsError(error);
  return {
    code,
    target,
    operation,
    message: `${operation} ${code} for ${target} (${reason}); ${what} could not be listed`,
  };
}

/** EKS clusters found in the discovered accounts and regions, as Kubernetes targets. */
export interface EksDiscovery {
  readonly clusters: KubeTarget[];
  readonly warnings: ScanWarning[];
  readonly calls: CallCounts;
}

/**
 * Lists the EKS clusters of every account and region (ListClusters, pages of 100), each a
 * Kubernetes target named `<name>.<region>.<account>` in the trail, unique across accounts.
 */
export async function discoverEksClusters(
  accounts: readonly PlanAccount[],
  deps: DiscoverDeps,
): Promise<EksDiscovery> {
  const clusters: KubeTarget[] = [];
  const warnings: ScanWarning[] = [];
  const calls: CallCounts = {};
  const count = (service: string) => {
    calls[service] = (calls[service] ?? 0) + 1;
  };
  for (const { account, regions } of accounts) {
    const label = accountLabel(account);
    for (const region of regions) {
      if (region === 'global') continue;
      try {
        count('sts');
        const accountId = await resolveAccountId(deps.aws, account, region);
        const pages = paginateListClusters(
          { client: deps.aws.eks(account, region), pageSize: 100 },
          {},
        );
        for await (const page of pages) {
          count('eks');
          for (const name of page.clusters ?? []) {
            clusters.push({
              kind: 'k8s',
              cluster: `${name}.${region}.${accountId}`,
              eks: { account, region, name },
            });
          }
        }
      } catch (error) {
        const cause = (error as Error).cause ?? error;
        warnings.push(failure(cause, `${label}/${region}`, 'eks:ListClusters', 'its EKS clusters'));
      }
    }
  }
  return { clusters, warnings, calls };
}
