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
  /** A file, a directory or glob of *.tfstate, or s3://bucket/key-or-prefix. */
  location: z.string().min(1),
  accountId: AccountId.optional(),
  region: z
    .string()
    .regex(/^([a-z]{2}(-[a-z]+)+-\d|global)$/, 'not an AWS region name')
    .optional(),
  cluster: z.string().min(1).optional(),
});
export type StateLocation = z.infer<typeof StateLocation>;

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

/** A secret named by its Secrets Manager ARN: the config never holds a webhook URL or token itself. */
export const SecretArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/,
    'expected a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME); a URL or token is never written in the config',
  );

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

/** The one config file shared by the CLI and the CDK app (`--config FILE`, YAML or JSON). */
export const Config = z.strictObject({
  /** Local trail directory. @default ./trail */
  trail: z.string().min(1).optional(),
  aws: AwsConfig.default(AwsConfig.parse({})),
  terraform: TerraformConfig.default({ states: [] }),
  kubernetes: KubernetesConfig.default({ clusters: [], eksClusters: false }),
  review: ReviewConfig.default({ persistScans: 2, maxOpenPulls: 10 }),
  notify: NotifyConfig.default({ slack: [], sns: [], webhook: [] }),
});
export type Config = z.infer<typeof Config>;
