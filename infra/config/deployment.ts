import { ConfigError } from '../../lib/config/errors.js';
import type {
  Config,
  DeployConfig,
  GitHubConfig,
  NotifyConfig,
  ScheduleConfig,
  StateLocation,
  TfeHosts,
} from '../../lib/config/schema.js';
import { ScanRequest } from '../../lib/pipeline/scan-request.js';

/** Everything the scanner stack is built from, derived from one config file at synth time. */
export interface Deployment {
  /** What every execution scans (the state machine's constant); executions only narrow it. */
  readonly request: ScanRequest;
  /** `github:OWNER/REPO[@BRANCH]`: a Lambda has no checkout to keep. */
  readonly trail: string;
  /** The GitHub credential's secret (read by the functions that need it, at runtime). */
  readonly github: GitHubConfig;
  /** The scan schedule; absent: on demand only. */
  readonly schedule?: ScheduleConfig;
  /** The role s3:// states are read through, when they live in another account. */
  readonly stateRoleArn?: string;
  /** The config's `terraform.hosts`: HCP Terraform / TFE hosts of tfe:// states and their token secrets. */
  readonly terraformHosts: TfeHosts;
  /** The config's `notify`: notifiers by secret and topic ARN (no values) and the links they carry. */
  readonly notify: NotifyConfig;
  readonly deploy: DeployConfig;
}

const GITHUB_TRAIL = /^github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(@\S+)?$/;
/** A location with a scheme (`s3://`, a remote state service): anything else is a local path. */
const REMOTE_LOCATION = /^[a-z][a-z0-9+.-]*:\/\//;

/**
 * Checks that a validated config can run in AWS and derives the stack's inputs. Every refusal
 * names the source file and the key path, as the schema's own errors do.
 */
export function deploymentFromConfig(config: Config, source: string): Deployment {
  const problems: string[] = [];
  if (config.trail === undefined || !GITHUB_TRAIL.test(config.trail)) {
    problems.push(
      'trail: a deployed scanner writes a trail on GitHub: github:OWNER/REPO or github:OWNER/REPO@BRANCH (a directory is for the CLI)',
    );
  }
  if (config.github === undefined) {
    problems.push(
      'github.secretArn: required to deploy: the Secrets Manager ARN of the GitHub credential ({"token"} or {"appId", "installationId", "privateKey"})',
    );
  }
  config.kubernetes.clusters.forEach((_cluster, index) => {
    problems.push(
      `kubernetes.clusters.${index}: needs a kubeconfig file, which a Lambda does not have; EKS clusters are exported with kubernetes.eksClusters: true`,
    );
  });
  config.terraform.states.forEach((state: StateLocation, index) => {
    if (!REMOTE_LOCATION.test(state.location)) {
      problems.push(
        `terraform.states.${index}: a local path cannot be read by a Lambda; use s3://bucket/key-or-prefix`,
      );
    }
  });
  if (problems.length > 0 || config.trail === undefined || config.github === undefined) {
    throw new ConfigError(`Config ${source} cannot be deployed:\n  ${problems.join('\n  ')}`);
  }
  const request = ScanRequest.parse({
    aws: config.aws,
    clusters: [],
    eksClusters: config.kubernetes.eksClusters,
    ...(config.kubernetes.filter ? { kubeFilter: config.kubernetes.filter } : {}),
    states: config.terraform.states,
    review: config.review,
  });
  return {
    request,
    trail: config.trail,
    github: config.github,
    ...(config.schedule ? { schedule: config.schedule } : {}),
    ...(config.terraform.roleArn ? { stateRoleArn: config.terraform.roleArn } : {}),
    terraformHosts: config.terraform.hosts,
    notify: config.notify,
    deploy: config.deploy,
  };
}
