import { z } from 'zod';
import { AwsConfig, ReviewConfig, StateLocation } from '../config/schema.js';
import { KubeTarget } from '../model/index.js';
import { ExportFilter } from '../model/kube-filter.js';

/**
 * What one deployed scan covers, fixed when the stack is synthesized from the config: the state
 * machine holds it as a constant, so an execution's input (a schedule, `POST /scans`, an event)
 * can only narrow it ({@link ScanScope}), never point a scan at an account, bucket or cluster the
 * config does not name.
 */
export const ScanRequest = z.strictObject({
  aws: AwsConfig,
  /** Kubernetes clusters to export (in a Lambda: clusters reached without a kubeconfig file). */
  clusters: z.array(KubeTarget).default([]),
  /** Also export every EKS cluster found in the scanned accounts and regions. */
  eksClusters: z.boolean().default(false),
  /** The export filter for the clusters. */
  kubeFilter: ExportFilter.optional(),
  /** Terraform states to compare with; none: the workflow skips the drift step. */
  states: z.array(StateLocation).default([]),
  /** Drift PRs and the dashboard (`review` in the config). */
  review: ReviewConfig.optional(),
});
export type ScanRequest = z.infer<typeof ScanRequest>;

const AccountId = z.string().regex(/^\d{12}$/, 'not a 12-digit AWS account id');
const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region name');
const ClusterName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'not a cluster name');

/**
 * The part of the configured request one execution scans: every list given narrows the
 * configured one to its intersection; an omitted list keeps it whole.
 */
export const ScanScope = z.strictObject({
  accounts: z.array(AccountId).min(1).max(1000).optional(),
  regions: z.array(Region).min(1).max(100).optional(),
  clusters: z.array(ClusterName).min(1).max(1000).optional(),
});
export type ScanScope = z.infer<typeof ScanScope>;

/**
 * A state machine execution's input. The execution's name is the scan id (for `POST /scans`, derived
 * from the client token, so a replayed request starts nothing new).
 */
export const ScanTrigger = z.strictObject({
  trigger: z.enum(['schedule', 'api', 'event']),
  scope: ScanScope.optional(),
});
export type ScanTrigger = z.infer<typeof ScanTrigger>;
