import type { AwsConfig } from '../config/schema.js';
import type { AccountRef, KubeTarget } from '../model/index.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import { resolveAccountId } from '../sources/aws/identity.js';
import { ScopeMismatchError } from './errors.js';
import type { PlanAccount } from './plan.js';
import type { ScanScope } from './scan-request.js';

/** What one list of a scope kept, and what it named that the configured request does not cover. */
export interface Narrowed<T> {
  readonly kept: T[];
  readonly unmatched: string[];
}

function mismatch(what: string, asked: readonly string[], covered: string): ScopeMismatchError {
  return new ScopeMismatchError(
    `scope.${what} ${asked.join(', ')} match nothing the configured scan covers (${covered}); a scope can only narrow it`,
  );
}

/**
 * The configured regions narrowed to the scope's, before discovery: an explicit list is
 * intersected (none left is an error), `all` stays `all` and is intersected per account after
 * DescribeRegions ({@link narrowAccountRegions}), so a region the account has not enabled is never scanned.
 */
export function narrowRegions(configured: AwsConfig['regions'], scope: ScanScope | undefined) {
  const asked = scope?.regions;
  if (asked === undefined || configured === 'all') return configured;
  const kept = configured.filter((region) => asked.includes(region));
  if (kept.length === 0) {
    const covered = configured.length > 0 ? `regions ${configured.join(', ')}` : 'no region';
    throw mismatch('regions', asked, covered);
  }
  return kept;
}

/** Each discovered account's regions intersected with the scope's (for `regions: all`). */
export function narrowAccountRegions(
  accounts: readonly PlanAccount[],
  scope: ScanScope | undefined,
): PlanAccount[] {
  const asked = scope?.regions;
  if (asked === undefined) return [...accounts];
  const narrowed = accounts.map(({ account, regions }) => ({
    account,
    regions: regions.filter((region) => asked.includes(region)),
  }));
  const any = narrowed.some(({ regions }) => regions.length > 0);
  if (!any && accounts.some(({ regions }) => regions.length > 0)) {
    const enabled = [...new Set(accounts.flatMap(({ regions }) => regions))].sort();
    throw mismatch('regions', asked, `enabled regions ${enabled.join(', ')}`);
  }
  return narrowed;
}

/** An account's 12-digit id: from its role ARN, or (the caller) from STS GetCallerIdentity. */
export type AccountIdOf = (account: AccountRef) => Promise<string>;

/** {@link AccountIdOf} with STS for the caller, asked at most once. */
export function accountIdResolver(aws: AwsClientFactory, region: string): AccountIdOf {
  let caller: Promise<string> | undefined;
  return (account) => {
    const fromArn = account.roleArn?.split(':')[4];
    if (fromArn) return Promise.resolve(fromArn);
    caller ??= resolveAccountId(aws, account, region);
    return caller;
  };
}

/**
 * The discovered accounts (explicit roles, the caller, an Organization's members) narrowed to
 * the scope's account ids; none left is an error naming the ids asked for.
 */
export async function narrowAccounts(
  accounts: readonly PlanAccount[],
  scope: ScanScope | undefined,
  idOf: AccountIdOf,
): Promise<Narrowed<PlanAccount>> {
  const asked = scope?.accounts;
  if (asked === undefined) return { kept: [...accounts], unmatched: [] };
  const kept: PlanAccount[] = [];
  const found = new Set<string>();
  for (const planned of accounts) {
    const id = await idOf(planned.account);
    found.add(id);
    if (asked.includes(id)) kept.push(planned);
  }
  if (kept.length === 0) {
    const covered = found.size > 0 ? `accounts ${[...found].sort().join(', ')}` : 'no account';
    throw mismatch('accounts', asked, covered);
  }
  return { kept, unmatched: asked.filter((id) => !found.has(id)) };
}

/**
 * The clusters (configured ones and EKS-found ones) narrowed to the scope's names: a cluster
 * matches by its trail name (`prod.eu-west-1.111111111111` for an EKS one) or its EKS name.
 * None left is an error naming the names asked for.
 */
export function narrowClusters(
  clusters: readonly KubeTarget[],
  scope: ScanScope | undefined,
): Narrowed<KubeTarget> {
  const asked = scope?.clusters;
  if (asked === undefined) return { kept: [...clusters], unmatched: [] };
  const names = (target: KubeTarget) => [target.cluster, ...(target.eks ? [target.eks.name] : [])];
  const kept = clusters.filter((target) => names(target).some((name) => asked.includes(name)));
  if (kept.length === 0) {
    const covered =
      clusters.length > 0 ? `clusters ${clusters.map((c) => c.cluster).join(', ')}` : 'no cluster';
    throw mismatch('clusters', asked, covered);
  }
  const all = new Set(clusters.flatMap(names));
  return { kept, unmatched: asked.filter((name) => !all.has(name)) };
}
