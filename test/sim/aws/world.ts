import type { Region, Reservation, SecurityGroup, Subnet, Vpc } from '@aws-sdk/client-ec2';
import type { SimCloudTrail } from './cloudtrail.js';
import type { SimDynamoAccount } from './dynamodb.js';
import { type Ec2NetworkWorld, emptyEc2Network } from './ec2-network-world.js';
import type { EksRegionWorld } from './eks-world.js';
import type { SimOrganization } from './organizations.js';
import type { S3AccountWorld } from './s3-world.js';

export { generateWorld } from './generate-world.js';
export { defaultRegions } from './regions.js';
export { sampleWorld } from './sample-world.js';

/**
 * The simulated AWS estate. Tests mutate it freely between scans; the sim reads it on every call.
 * Resources are held in the SDK's own output shape (what `DescribeInstancesCommand` returns), so a
 * test can compare what a collector got with what the world holds.
 */
export interface AwsWorld {
  /** Account id -> account. */
  accounts: Record<string, SimAccount>;
  /** Roles that STS AssumeRole can hand out; each role's ARN names the account it belongs to. */
  roles: SimRole[];
  /** What DescribeRegions answers (every account sees the same list). */
  regions: Region[];
  /** The AWS Organization, if the world has one (ListAccounts answers from it). */
  organization?: SimOrganization;
  /** CloudTrail's event history and the clock its rate limit is measured on. */
  cloudtrail?: SimCloudTrail;
}

/** One AWS account: its callers' keys and its EC2 estate per region. */
export interface SimAccount {
  accessKeys: SimAccessKey[];
  /** Region name -> EC2 resources; a region absent here is an empty region. */
  ec2: Record<string, Ec2RegionWorld>;
  /** Region name -> EKS clusters; absent (or a region absent here) means no clusters. */
  eks?: Record<string, EksRegionWorld>;
  /** Buckets and the account's canonical id; absent means no buckets. */
  s3?: S3AccountWorld;
  /** Region name -> DynamoDB tables (see `createTable`); absent means no tables. */
  dynamodb?: SimDynamoAccount;
}

/** A principal's access key, long-lived (`AKIA...`) or issued by AssumeRole (`ASIA...`). */
export interface SimAccessKey {
  accessKeyId: string;
  /** Never checked: the sim does not verify signatures. */
  secretAccessKey: string;
  /** `arn:aws:iam::<account>:user/<name>` or `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  principalArn: string;
  /** What GetCallerIdentity answers as `UserId` (`AIDA...`, or `AROA...:<session>`). */
  userId: string;
  /** Set for temporary keys: requests must then carry it in `X-Amz-Security-Token`. */
  sessionToken?: string;
}

/** An IAM role that AssumeRole may hand out. */
export interface SimRole {
  /** `arn:aws:iam::<account>:role/<name>`. */
  arn: string;
  /** `AROA...`, the prefix of assumed-role user ids. */
  roleId: string;
  /** Who may assume it: principal ARNs, account ids (any principal of the account) or `*`. */
  trustedPrincipals: string[];
}

/** The EC2 and VPC resources of one account in one region, in DescribeX output shape. */
export interface Ec2RegionWorld extends Ec2NetworkWorld {
  /** Instances live inside their reservations, as DescribeInstances returns them. */
  reservations: Reservation[];
  securityGroups: SecurityGroup[];
  vpcs: Vpc[];
  subnets: Subnet[];
}

/** An account with no keys and no resources. */
export function emptyAccount(): SimAccount {
  return { accessKeys: [], ec2: {} };
}

/** A region with no resources. */
export function emptyEc2Region(): Ec2RegionWorld {
  return { reservations: [], securityGroups: [], vpcs: [], subnets: [], ...emptyEc2Network() };
}

/** The account that owns an ARN (`arn:aws:iam::123456789012:role/x` -> `123456789012`). */
export function arnAccount(arn: string): string | undefined {
  return arn.split(':')[4] || undefined;
}

/** A caller the sim knows: the account an access key belongs to, and the key. */
export interface SimCaller {
  accountId: string;
  key: SimAccessKey;
}

/** The account and key record for an access key id, or undefined for an unknown key. */
export function findAccessKey(world: AwsWorld, accessKeyId: string): SimCaller | undefined {
  for (const [accountId, account] of Object.entries(world.accounts)) {
    const key = account.accessKeys.find((k) => k.accessKeyId === accessKeyId);
    if (key) return { accountId, key };
  }
  return undefined;
}

/**
 * The caller of a signed request (its key and the `X-Amz-Security-Token` it sent), or undefined
 * for an unknown key or a temporary key without its own session token.
 */
export function authenticate(
  world: AwsWorld,
  accessKeyId: string,
  sessionToken: string | string[] | undefined,
): SimCaller | undefined {
  const found = findAccessKey(world, accessKeyId);
  // Temporary keys are only valid with their session token, as in AWS.
  if (found?.key.sessionToken !== undefined && found.key.sessionToken !== sessionToken)
    return undefined;
  return found;
}

/** The EC2 region of an account, created empty on first use so tests can push into it. */
export function ec2Region(world: AwsWorld, accountId: string, region: string): Ec2RegionWorld {
  const account = world.accounts[accountId];
  if (!account) throw new Error(`No account ${accountId} in the simulated world`);
  account.ec2[region] ??= emptyEc2Region();
  return account.ec2[region];
}

/** Every instance of a region, flattened out of its reservations. */
export function instancesOf(region: Ec2RegionWorld) {
  return region.reservations.flatMap((r) => r.Instances ?? []);
}
