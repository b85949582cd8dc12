import type {
  AwsConfig,
  ClusterConfig,
  Config,
  NotifyConfig,
  ReviewConfig,
  StateLocation,
  TfeHosts,
} from '../config/schema.js';
import { Config as ConfigSchema } from '../config/schema.js';
import type { ExportFilter } from '../model/kube-filter.js';
import { UsageError } from './errors.js';
import type { ScanArgs } from './scan-args.js';

/** What a scan runs with: the config file, with the flags laid over it. */
export interface ResolvedScan {
  readonly trail: string;
  readonly aws: AwsConfig;
  readonly states: StateLocation[];
  /** Clusters to export: the flags' one, else the config file's. */
  readonly clusters: ClusterConfig[];
  readonly kubeFilter: ExportFilter | undefined;
  /** Export every EKS cluster the AWS scan finds. */
  readonly eksClusters: boolean;
  /** The role s3:// states are read through, if not the scan's own identity. */
  readonly stateRole: { roleArn: string; externalId?: string } | undefined;
  /** Drift PRs and the dashboard (GitHub trails). */
  readonly review: ReviewConfig;
  /** HCP Terraform / Terraform Enterprise hosts of tfe:// states. */
  readonly terraformHosts: TfeHosts;
  /** Where notifications go (`notify` in the config). */
  readonly notify: NotifyConfig;
}

/** Lays the command-line flags over the config file (flags win; endpoints merge). */
export function resolveScan(args: ScanArgs, config: Config | undefined): ResolvedScan {
  const base = config ?? ConfigSchema.parse({});
  const regions =
    args.regions.length === 0 ? base.aws.regions : args.regions[0] === 'all' ? 'all' : args.regions;
  const flagCluster = args.kubeconfig !== undefined || args.context !== undefined;
  const clusters: ClusterConfig[] = flagCluster
    ? [
        {
          ...(args.kubeconfig ? { kubeconfig: args.kubeconfig } : {}),
          ...(args.context ? { context: args.context } : {}),
        },
      ]
    : base.kubernetes.clusters;
  const exportsCluster = clusters.length > 0;
  if (regions !== 'all' && regions.length === 0 && !exportsCluster) {
    throw new UsageError(
      'Nothing to scan: give --region (or regions in the config file), or --kubeconfig/--context',
    );
  }
  return {
    trail: args.trail ?? base.trail ?? 'trail',
    aws: {
      ...base.aws,
      regions,
      services: args.services.length > 0 ? args.services : base.aws.services,
      endpoints: { ...base.aws.endpoints, ...args.endpoints },
    },
    states:
      args.states.length > 0
        ? args.states.map((location) => ({ location }))
        : base.terraform.states,
    clusters,
    kubeFilter: base.kubernetes.filter,
    eksClusters: base.kubernetes.eksClusters,
    review: base.review,
    terraformHosts: base.terraform.hosts,
    notify: base.notify,
    stateRole: base.terraform.roleArn
      ? {
          roleArn: base.terraform.roleArn,
          ...(base.terraform.externalId ? { externalId: base.terraform.externalId } : {}),
        }
      : undefined,
  };
}
