import { z } from 'zod';
import type { KubeRecord } from './kube.js';
import { ExportFilter } from './kube-filter.js';

/** An AWS account to scan: the caller's own (no role) or one reached by assuming a role. */
export const AccountRef = z.strictObject({
  roleArn: z.string().startsWith('arn:').optional(),
  externalId: z.string().min(1).optional(),
});
export type AccountRef = z.infer<typeof AccountRef>;

/** AWS services statetrail collects. */
export const AwsService = z.enum(['ec2', 's3', 'eks']);
export type AwsService = z.infer<typeof AwsService>;

/** An AWS region name, or `global` for services listed once per account (S3 buckets). */
export const AwsRegion = z
  .string()
  .regex(/^([a-z]{2}(-[a-z]+)+-\d|global)$/, 'not an AWS region name (like eu-west-1)');

/** Options that change what collectors read or keep; they travel with each target. */
export const CollectOptions = z.strictObject({
  /** EC2 and launch-template user data: never read (`skip`), or kept only as an HMAC fingerprint. */
  userData: z.enum(['skip', 'fingerprint']).default('skip'),
  /** Keep fields AWS changes on its own (EKS status, health, platformVersion, desiredSize). */
  keepVolatile: z.boolean().default(false),
});
export type CollectOptions = z.infer<typeof CollectOptions>;

/** One slice of a target too large for one function run (S3 buckets by name hash). */
export const Shard = z
  .strictObject({ index: z.number().int().nonnegative(), count: z.number().int().positive() })
  .refine((s) => s.index < s.count, 'shard index must be below the shard count');
export type Shard = z.infer<typeof Shard>;

/** One unit of collection: a service in one account and region (or one shard of it). */
export const AwsTarget = z.strictObject({
  kind: z.literal('aws'),
  account: AccountRef,
  region: AwsRegion,
  service: AwsService,
  shard: Shard.optional(),
  options: CollectOptions.default({ userData: 'skip', keepVolatile: false }),
});
export type AwsTarget = z.infer<typeof AwsTarget>;

/** One Kubernetes cluster, reached through a kubeconfig file (the CLI's way). */
export const KubeTarget = z.strictObject({
  kind: z.literal('k8s'),
  /** The cluster's name in the trail: `k8s/<cluster>/...`. */
  cluster: z.string().min(1),
  /** The kubeconfig file; absent: KUBECONFIG or ~/.kube/config, as kubectl reads them. */
  kubeconfig: z.string().min(1).optional(),
  /** The context to use; absent: the file's current context. */
  context: z.string().min(1).optional(),
  /** Which objects to export; absent: everything but the default noise. */
  filter: ExportFilter.optional(),
  /** Milliseconds one API call may take; absent: 30 s. */
  requestTimeoutMs: z.number().int().positive().optional(),
  /** An EKS cluster found by the AWS scan: reached with an IAM token instead of a kubeconfig. */
  eks: z
    .strictObject({ account: AccountRef, region: z.string().min(1), name: z.string().min(1) })
    .optional(),
});
export type KubeTarget = z.infer<typeof KubeTarget>;

/** Anything the collect step can be asked to do. */
export const Target = z.discriminatedUnion('kind', [AwsTarget, KubeTarget]);
export type Target = z.infer<typeof Target>;

/**
 * A target with the stable key the pipeline files its output under. Targets of one `group` (the
 * shards of one account's S3 buckets) complete a scope only together.
 */
export const PlannedTarget = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9._-]+$/),
  group: z.string().min(1).optional(),
  target: Target,
});
export type PlannedTarget = z.infer<typeof PlannedTarget>;

/** A resource record: the envelope of DESIGN.md's AWS resource file, already normalized. */
export const Resource = z.strictObject({
  schemaVersion: z.literal(1),
  resourceType: z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/),
  resourceId: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/),
  awsRegion: z.string().min(1),
  arn: z.string().optional(),
  resourceName: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  configuration: z.record(z.string(), z.unknown()),
  supplementaryConfiguration: z.record(z.string(), z.unknown()).optional(),
  unreadable: z.array(z.string()).optional(),
});
export type Resource = z.infer<typeof Resource>;

/**
 * A scope is the trail directory one collector owns, e.g. `aws/123456789012/eu-west-1/ec2/instance`.
 * `complete` is false when the collector could not list everything (denied, throttled, unreachable).
 */
export const ScopeStatus = z.strictObject({
  scope: z.string().min(1),
  complete: z.boolean(),
  /**
   * What the scope was read from, when one trail directory could be fed by two sources (a
   * Kubernetes cluster: a digest of its API server address), so two never share the directory.
   */
  source: z.string().min(1).optional(),
});
export type ScopeStatus = z.infer<typeof ScopeStatus>;

/** Why a scope is incomplete or a read failed; partial failure is data, not a crash. */
export const WarningCode = z.enum(['denied', 'throttled', 'unreachable', 'malformed', 'failed']);
export type WarningCode = z.infer<typeof WarningCode>;

/** A typed warning; its message names operations and paths, never field values. */
export const ScanWarning = z.strictObject({
  code: WarningCode,
  message: z.string(),
  target: z.string(),
  scope: z.string().optional(),
  operation: z.string().optional(),
});
export type ScanWarning = z.infer<typeof ScanWarning>;

// The record's own type lives with the exporter; staged documents are checked for the fields
// the commit step reads.
const KubeRecordDocument = z.custom<KubeRecord>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KubeRecord).cluster === 'string' &&
    typeof (value as KubeRecord).name === 'string' &&
    typeof (value as KubeRecord).kind === 'string' &&
    typeof (value as KubeRecord).manifest === 'object',
  'not a Kubernetes record',
);

/** API calls made per service, for the scan summary. */
export const CallCounts = z.record(z.string(), z.number().int().nonnegative());
export type CallCounts = z.infer<typeof CallCounts>;

/** What collecting one or more targets gives: records, warnings and the scopes attempted. */
export const ScanResult = z.strictObject({
  resources: z.array(Resource),
  /** Kubernetes objects, cleaned (KubeRecord); the drift engine does not read them yet. */
  kubeRecords: z.array(KubeRecordDocument).default([]),
  warnings: z.array(ScanWarning),
  scopes: z.array(ScopeStatus),
  calls: CallCounts,
});
export type ScanResult = z.infer<typeof ScanResult>;
