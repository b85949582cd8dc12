import { z } from 'zod';

/** How a change was made, read from the event's user agent and identity. */
export const ChangeVia = z.enum([
  'console',
  'cli',
  'sdk',
  'terraform',
  'cloudformation',
  'aws-service',
  'kubectl',
  'gitops',
  'unknown',
]);
export type ChangeVia = z.infer<typeof ChangeVia>;

/** Who made a change: a principal, and the person behind an assumed role when known. */
export const ChangeIdentity = z.strictObject({
  /** The principal's ARN (or the Kubernetes field manager). */
  arn: z.string(),
  /** CloudTrail's `userIdentity.type` (`IAMUser`, `AssumedRole`, `AWSService`, ...). */
  type: z.string(),
  /** The role session name of an assumed role (an SSO user's e-mail, a CI job's id). */
  sessionName: z.string().optional(),
  /** `sourceIdentity` of the session, when the role was assumed with one. */
  sourceIdentity: z.string().optional(),
  /** The name to show: sourceIdentity, else the session name, else the principal. */
  display: z.string(),
});
export type ChangeIdentity = z.infer<typeof ChangeIdentity>;

/** One mutating event on a resource: who, when, what and how. */
export const ChangeEvent = z.strictObject({
  identity: ChangeIdentity,
  /** RFC 3339 time of the event. */
  time: z.string(),
  /** `AuthorizeSecurityGroupIngress`, `PutBucketPolicy`, a managedFields operation. */
  eventName: z.string(),
  sourceIp: z.string().optional(),
  userAgent: z.string().optional(),
  via: ChangeVia,
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

/** The changes found for one trail path, latest first. */
export const AttributedPath = z.strictObject({
  path: z.string(),
  /** `cloudtrail` or `managedFields`. */
  source: z.enum(['cloudtrail', 'managedFields']),
  events: z.array(ChangeEvent),
});
export type AttributedPath = z.infer<typeof AttributedPath>;

/** Why a path was not (fully) looked up. */
export const SkipReason = z.enum(['budget', 'throttled', 'failed']);
export type SkipReason = z.infer<typeof SkipReason>;

/** A path whose attribution is missing or partial, and why. */
export const SkippedPath = z.strictObject({
  path: z.string(),
  reason: SkipReason,
  /** A short explanation naming the account and region; never an event's content. */
  message: z.string(),
});
export type SkippedPath = z.infer<typeof SkippedPath>;

/** `scans/<id>/attribution.json`: who changed what in one scan, and what was not looked up. */
export const Attribution = z.strictObject({
  version: z.literal(1),
  /** The CloudTrail window looked at (RFC 3339). */
  window: z.strictObject({ from: z.string(), to: z.string() }),
  paths: z.array(AttributedPath),
  skipped: z.array(SkippedPath),
  /** LookupEvents calls made (pages). */
  lookups: z.number().int().min(0),
});
export type Attribution = z.infer<typeof Attribution>;
