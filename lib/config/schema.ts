import { z } from 'zod';
import { AwsService } from '../model/index.js';
import { ExportFilter } from '../model/kube-filter.js';
import { ENDPOINT_SERVICES } from './endpoint-services.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export { ENDPOINT_SERVICES };

/**
 * A 12-digit account id. YAML reads unquoted digits as a number (and drops leading zeros), so a
 * number gets the fix rather than zod's bare type complaint.
 */
const AccountId = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? 'account ids are 12-digit strings: quote it ("012345678901"), unquoted YAML reads a number'
        : undefined,
  })
  .regex(/^\d{12}$/, 'not an account id');

/** Service -> URL; an unknown service is refused (a typo would send its calls to real AWS). */
const Endpoints = z
  .record(z.string(), z.url({ protocol: /^https?$/ }))
  .superRefine((endpoints, context) => {
    for (const service of Object.keys(endpoints)) {
      if ((ENDPOINT_SERVICES as readonly string[]).includes(service)) continue;
      context.addIssue({
        code: 'custom',
        path: [service],
        message: `unknown service ${service} (one of ${ENDPOINT_SERVICES.join(', ')}); its calls would go to AWS itself`,
      });
    }
  });
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** One AWS account reached by assuming a role in it. */
export const AccountConfig = z.strictObject({
  roleArn: z.string().regex(ROLE_ARN, 'not an IAM role ARN'),
  externalId: z.string().min(2).max(1224).optional(),
});
export type AccountConfig = z.infer<typeof AccountConfig>;

/** Every active account of an AWS Organization, each reached through the same role name. */
export const OrganizationConfig = z.strictObject({
  roleName: z.string().regex(/^[\w+=,.@-]+$/, 'not an IAM role name'),
  externalId: z.string().min(2).max(1224).optional(),
  /** Account ids to leave out. */
  exclude: z.array(AccountId).default([]),
});
export type OrganizationConfig = z.infer<typeof OrganizationConfig>;

/** The AWS side of a scan. */
export const AwsConfig = z.strictObject({
  /** Region names, or `all`: every region enabled for each account (DescribeRegions). */
  regions: z
    .union([z.literal('all'), z.array(z.string().regex(REGION, 'not an AWS region name'))])
    .default([]),
  services: z.array(AwsService).min(1).default(['ec2', 's3', 'eks']),
  /** Scan the caller's own account. @default true unless accounts or organization are given */
  includeCaller: z.boolean().optional(),
  accounts: z.array(AccountConfig).default([]),
  organization: OrganizationConfig.optional(),
  /** Split each account's S3 buckets over this many collect runs (10k buckets: about 10). */
  s3Shards: z.number().int().min(1).max(256).default(1),
  /** EC2 and launch-template user data: never read, or kept only as an HMAC fingerprint. */
  userData: z.enum(['skip', 'fingerprint']).default('skip'),
  /** Keep fields AWS changes on its own (EKS status, health, platformVersion, desiredSize). */
  keepVolatile: z.boolean().default(false),
  /** Service -> endpoint URL, like `--endpoint`. */
  endpoints: Endpoints.default({}),
});
export type AwsConfig = z.infer<typeof AwsConfig>;

/** A Terraform state location, with the scope its resources belong to when ARNs do not say. */
export const StateLocation = z.strictObject({
  /** A file, a directory or glob of *.tfstate, s3://bucket/key-or-prefix, or tfe://HOST/ORG/WORKSPACE. */
  location: z.string().min(1),
  accountId: AccountId.optional(),
  region: z
    .string()
    .regex(/^([a-z]{2}(-[a-z]+)+-\d|global)$/, 'not an AWS region name')
    .optional(),
  cluster: z.string().min(1).optional(),
  /** The KMS key that encrypts an s3:// state (SSE-KMS): the deployed drift step may decrypt with it. */
  kmsKeyArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/, 'not a KMS key ARN')
    .optional(),
});
export type StateLocation = z.infer<typeof StateLocation>;

/** A secret named by its Secrets Manager ARN: the config never holds a webhook URL or token itself. */
export const SecretArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/,
    'expected a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME); a URL or token is never written in the config',
  );
const TFE_HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/**
 * How statetrail reaches one HCP Terraform or Terraform Enterprise host of the `tfe://` states.
 * Tokens are named (a Secrets Manager ARN, an environment variable), never written here.
 */
export const TfeHostConfig = z.strictObject({
  /** The token's secret (deployed; the drift function reads it through Secrets Manager). */
  tokenSecretArn: SecretArn.optional(),
  /** The environment variable holding the token. @default TF_TOKEN_<host>, as Terraform's CLI reads it */
  tokenEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'not an environment variable name')
    .optional(),
  /** The API's address when it is not `https://<host>` (a proxy, a test server). */
  address: z.url({ protocol: /^https?$/ }).optional(),
});
export type TfeHostConfig = z.infer<typeof TfeHostConfig>;

/** Host (`app.terraform.io`, `tfe.example.com`) -> how to reach it. */
export const TfeHosts = z.record(
  z.string().regex(TFE_HOST, 'not a host name (lower case, optional :port)'),
  TfeHostConfig,
);
export type TfeHosts = z.infer<typeof TfeHosts>;

/** The Terraform side of a scan: states to compare the trail with. */
export const TerraformConfig = z.strictObject({
  /** Read s3:// states through this role (state buckets often live in another account). */
  roleArn: z.string().regex(ROLE_ARN, 'not an IAM role ARN').optional(),
  externalId: z.string().min(2).max(1224).optional(),
  states: z
    .array(
      z.union([
        z
          .string()
          .min(1)
          .transform((location) => ({ location })),
        StateLocation,
      ]),
    )
    .default([]),
  /** HCP Terraform / Terraform Enterprise hosts of `tfe://` states: their tokens and addresses. */
  hosts: TfeHosts.default({}),
});
export type TerraformConfig = z.infer<typeof TerraformConfig>;

/** One cluster the config names: a kubeconfig file and/or a context. */
export const ClusterConfig = z.strictObject({
  kubeconfig: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
  /**
   * The cluster's directory in the trail, `k8s/<name>/`; default: the kubeconfig's cluster entry
   * name. Give one when two kubeconfigs share a cluster name (`kubernetes`, `default`, `minikube`).
   */
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a cluster name is letters, digits, ".", "_" and "-"')
    .optional(),
  /** Seconds one API call may take before the type it reads counts as unreadable. @default 30 */
  requestTimeoutSeconds: z.number().positive().optional(),
});
export type ClusterConfig = z.infer<typeof ClusterConfig>;

/** The Kubernetes side of a scan. */
export const KubernetesConfig = z.strictObject({
  clusters: z.array(ClusterConfig).default([]),
  /** Which objects to export (include/exclude by group, kind, namespace, labels). */
  filter: ExportFilter.optional(),
  /**
   * Also export every EKS cluster the AWS scan finds, authenticating with the scanner's IAM
   * identity (it needs an access entry in each cluster). @default false
   */
  eksClusters: z.boolean().default(false),
});
export type KubernetesConfig = z.infer<typeof KubernetesConfig>;

/** Drift pull requests and the dashboard issue (a trail on GitHub). */
export const ReviewConfig = z.strictObject({
  /** Consecutive scans a drift must persist before it opens a PR (a scan mid-apply must not alarm). */
  persistScans: z.number().int().min(1).max(100).default(2),
  /** Open drift PRs at most; further scopes wait on the dashboard. */
  maxOpenPulls: z.number().int().min(0).max(1000).default(10),
  /** Proposed acceptance entries expire this many days after the PR is written. */
  acceptDays: z.number().int().min(1).max(3650).optional(),
});
export type ReviewConfig = z.infer<typeof ReviewConfig>;

/** A Slack incoming webhook: its URL lives in a secret. */
export const SlackNotifierConfig = z.strictObject({
  webhookUrlSecretArn: SecretArn,
  /** Drifted resources listed before "and N more". @default 10 */
  top: z.number().int().min(1).max(40).optional(),
});

/** An SNS topic (email subscribers), by ARN. */
export const SnsNotifierConfig = z.strictObject({
  topicArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/,
      'expected an SNS topic ARN',
    ),
});

/** A generic webhook: its URL and HMAC signing secret each live in a secret. */
export const WebhookNotifierConfig = z.strictObject({
  urlSecretArn: SecretArn,
  signingSecretArn: SecretArn,
});

/** Where notifications go (any number of each) and the links every message carries. */
export const NotifyConfig = z.strictObject({
  slack: z.array(SlackNotifierConfig).default([]),
  sns: z.array(SnsNotifierConfig).default([]),
  webhook: z.array(WebhookNotifierConfig).default([]),
  /** The dashboard (the trail repository's dashboard issue, say) every message links to. */
  dashboardUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The full report, where "and N more" points. */
  reportUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type NotifyConfig = z.infer<typeof NotifyConfig>;

/**
 * The trail's GitHub credential when deployed: a Secrets Manager secret whose JSON is
 * `{"token": "..."}` or a GitHub App's `{"appId", "installationId", "privateKey"}`.
 */
export const GitHubConfig = z.strictObject({
  secretArn: SecretArn,
  /** GitHub Enterprise Server's API (`GITHUB_API_URL`). @default https://api.github.com */
  apiUrl: z.url({ protocol: /^https$/ }).optional(),
});
export type GitHubConfig = z.infer<typeof GitHubConfig>;

/** Six EventBridge Scheduler cron fields: minutes hours day-of-month month day-of-week year. */
const CRON = /^\S+ \S+ \S+ \S+ \S+ \S+$/;

/** When the deployed scanner scans: an EventBridge Scheduler cron in a time zone. */
export const ScheduleConfig = z.strictObject({
  /** e.g. `0 * * * ? *` (hourly), `0 6 ? * MON-FRI *`; without the `cron(...)` wrapper. */
  cron: z
    .string()
    .transform((cron) => cron.trim().replace(/^cron\((.*)\)$/, '$1'))
    .pipe(
      z.string().regex(CRON, 'six cron fields: minutes hours day-of-month month day-of-week year'),
    ),
  /** An IANA time zone (`Europe/Paris`); daylight saving is followed. @default UTC */
  timeZone: z
    .string()
    .refine(isTimeZone, 'not an IANA time zone name (e.g. Europe/Paris)')
    .default('UTC'),
  /** Scan at all: false keeps the schedule deployed but disabled. @default true */
  enabled: z.boolean().default(true),
});
export type ScheduleConfig = z.infer<typeof ScheduleConfig>;

/** Whether `Intl` knows the zone (Node ships the full IANA database). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The VPC the cluster collect runs in, to reach private EKS endpoints. */
export const VpcConfig = z.strictObject({
  vpcId: z.string().regex(/^vpc-[0-9a-f]{8,17}$/, 'not a VPC id'),
  subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8,17}$/, 'not a subnet id')).min(1),
  securityGroupIds: z
    .array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, 'not a security group id'))
    .min(1),
});
export type VpcConfig = z.infer<typeof VpcConfig>;

/** The retention periods CloudWatch Logs accepts, in days. */
const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

/** What `cdk deploy` needs beyond the scan itself (the CLI ignores this section). */
export const DeployConfig = z.strictObject({
  /** Run the collect function in these subnets (private EKS endpoints need it). */
  vpc: VpcConfig.optional(),
  /** The collect function's memory in MB (more memory is more CPU). @default 1024 */
  collectMemoryMb: z.number().int().min(256).max(10240).default(1024),
  /** Collect targets run at once by the Distributed Map. @default 10 */
  maxConcurrency: z.number().int().min(1).max(1000).default(10),
  /** Percentage of failed targets the scan tolerates (their scopes stay incomplete). @default 100 */
  toleratedFailurePercentage: z.number().min(0).max(100).default(100),
  /** Secret (plain string) of the key that fingerprints Kubernetes Secrets and user data. */
  hmacKeySecretArn: SecretArn.optional(),
  /** Function logs are kept this many days. @default 30 */
  logRetentionDays: z
    .number()
    .refine((days) => LOG_RETENTION_DAYS.includes(days), {
      error: `one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
    })
    .default(30),
});
export type DeployConfig = z.infer<typeof DeployConfig>;

/** The one config file shared by the CLI and the CDK app (`--config FILE`, YAML or JSON). */
export const Config = z.strictObject({
  /** Local trail directory, or `github:OWNER/REPO[@BRANCH]` (required to deploy). @default ./trail */
  trail: z.string().min(1).optional(),
  /** The GitHub credential's secret, for `cdk deploy` (the CLI reads the environment). */
  github: GitHubConfig.optional(),
  /** The deployed scanner's schedule; none: scans run only on demand. */
  schedule: ScheduleConfig.optional(),
  deploy: DeployConfig.default(DeployConfig.parse({})),
  aws: AwsConfig.default(AwsConfig.parse({})),
  terraform: TerraformConfig.default({ states: [], hosts: {} }),
  kubernetes: KubernetesConfig.default({ clusters: [], eksClusters: false }),
  review: ReviewConfig.default({ persistScans: 2, maxOpenPulls: 10 }),
  notify: NotifyConfig.default({ slack: [], sns: [], webhook: [] }),
});
export type Config = z.infer<typeof Config>;
