import { S3Client } from '@aws-sdk/client-s3';
import type { Clock, Logger } from '../model/index.js';
import type { ReadSecret } from '../model/secrets.js';
import { DirStagingStore } from '../pipeline/dir-staging-store.js';
import { S3StagingStore } from '../pipeline/s3-staging-store.js';
import type { StagingStore } from '../pipeline/staging-store.js';
import type { Reviewer } from '../review/reviewer.js';
import {
  type AwsClientFactory,
  type AwsClientFactoryOptions,
  createAwsClientFactory,
} from '../sources/aws/client-factory.js';
import { isS3Location } from '../terraform/sources/state-source.js';
import type { TfeClient } from '../terraform/sources/tfe-client.js';
import { type OpenedTrail, openTrailWithClient } from '../trail/open-trail.js';
import type { TrailStore } from '../trail/trail-store.js';
import { WiringError } from './errors.js';
import { type KubeConfigResolver, kubeConfigResolver } from './kube-config.js';
import { type StateRole, stateBucketClient } from './state-bucket-client.js';
import { type TfeHosts, tfeClients } from './tfe-clients.js';

/** Where the steps exchange documents: a local directory (CLI) or an S3 prefix (deployed). */
export type StagingLocation =
  | { readonly kind: 'dir'; readonly root: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string };

/** The trail a scan writes, and what opening it needs. */
export interface TrailLocation {
  /** `github:OWNER/REPO[@BRANCH]` or a local directory. */
  readonly location: string;
  /** Relative directories are resolved here. */
  readonly cwd: string;
  /** `GITHUB_TOKEN` or the GitHub App's variables, and `GITHUB_API_URL`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Read once before the trail opens and laid over {@link env}: the deployed functions' GitHub
   * credential from Secrets Manager, so only a function that opens the trail reads it.
   */
  readonly credentials?: () => Promise<Readonly<Record<string, string>>>;
  /** Milliseconds left before the caller's deadline (GitHub waits never run past it). */
  readonly timeLeft?: () => number;
  /** Tests: GitHub's retry-after seconds and write pacing in these milliseconds. */
  readonly gitHubWaitUnitMs?: number | undefined;
}

/** The HCP Terraform / Terraform Enterprise hosts tfe:// states are read from, and their tokens. */
export interface TerraformHostsLocation {
  readonly hosts: TfeHosts;
  /** `TF_TOKEN_<host>` and `tokenEnv` are read here. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads `tokenSecretArn` (deployed); without it tokens come from the environment only. */
  readonly readSecret?: ReadSecret | undefined;
  /** Milliseconds left before the caller's deadline (no 429 wait runs past it). */
  readonly timeLeft?: (() => number) | undefined;
  /** Tests: how retries wait. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** What {@link createStepClients} builds from. */
export interface StepClientsOptions {
  readonly staging: StagingLocation;
  /** Service -> endpoint URL (`--endpoint`, `STATETRAIL_ENDPOINTS`). */
  readonly endpoints: Readonly<Record<string, string>>;
  /** Extra AWS client options (tests: static credentials, zero backoff). */
  readonly aws?: Partial<AwsClientFactoryOptions> | undefined;
  /** Needed by drift and commit only. */
  readonly trail?: TrailLocation | undefined;
  /** The role s3:// states are read through, when not the scan's own identity. */
  readonly stateRole?: StateRole | undefined;
  /** How tfe:// states are read: the config's hosts, the environment for tokens, the secret reader. */
  readonly terraform?: TerraformHostsLocation | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Every client a pipeline step needs, built once (per CLI run, per Lambda cold start). */
export interface StepClients {
  readonly aws: AwsClientFactory;
  readonly staging: StagingStore;
  /** Credentials for a Kubernetes target: its kubeconfig, or EKS through the AWS clients. */
  readonly kube: KubeConfigResolver;
  /** The client that reads s3:// states, or undefined when no location is on S3. */
  stateBucket(locations: readonly string[]): S3Client | undefined;
  /** The client for one HCP Terraform / Terraform Enterprise host of tfe:// states. */
  tfe(host: string): TfeClient;
  /** The trail, opened on first use and reused; throws when no trail was configured. */
  trail(): Promise<TrailStore>;
  /**
   * The drift PRs and dashboard of a trail on GitHub, on the trail's own client (one credential,
   * one rate-limit budget); undefined for a local trail.
   */
  reviewer(): Promise<Reviewer | undefined>;
}

/**
 * The composition root: the one place the adapters are chosen and built, used alike by the CLI
 * and by the Lambda handlers. Nothing here does I/O until a client is used.
 */
export function createStepClients(options: StepClientsOptions): StepClients {
  const { endpoints, clock, logger } = options;
  const aws = createAwsClientFactory({ ...options.aws, endpoints });
  const credentials = options.aws?.credentials;
  // The state-bucket client reuses static credentials (tests); otherwise the default chain.
  const stateCredentials = credentials && typeof credentials !== 'function' ? { credentials } : {};
  let stateBucket: S3Client | undefined;
  const terraform = options.terraform;
  const tfe = tfeClients({
    hosts: terraform?.hosts ?? {},
    env: terraform?.env ?? {},
    readSecret: terraform?.readSecret,
    timeLeft: terraform?.timeLeft,
    sleep: terraform?.sleep,
    clock,
    logger,
  });
  let opened: Promise<OpenedTrail> | undefined;
  const open = (): Promise<OpenedTrail> => {
    const location = options.trail;
    if (!location) return Promise.reject(new WiringError('No trail was configured for this step'));
    if (opened) return opened;
    const attempt = (async () => {
      const credentials = location.credentials ? await location.credentials() : {};
      return openTrailWithClient(location.location, {
        cwd: location.cwd,
        env: { ...location.env, ...credentials },
        clock,
        logger,
        ...(location.timeLeft ? { timeLeft: location.timeLeft } : {}),
        ...(location.gitHubWaitUnitMs === undefined
          ? {}
          : { gitHubWaitUnitMs: location.gitHubWaitUnitMs }),
      });
    })();
    opened = attempt;
    // A failed open (an unreadable secret) is not kept: the next invocation tries again.
    attempt.catch(() => {
      if (opened === attempt) opened = undefined;
    });
    return attempt;
  };
  return {
    aws,
    staging: createStaging(options.staging, endpoints),
    kube: kubeConfigResolver({ aws, clock }),
    stateBucket(locations) {
      if (!locations.some(isS3Location)) return undefined;
      stateBucket ??= stateBucketClient(locations, endpoints, {
        role: options.stateRole,
        ...stateCredentials,
      });
      return stateBucket;
    },
    tfe,
    async trail() {
      return (await open()).trail;
    },
    async reviewer() {
      const { gitHub } = await open();
      if (!gitHub) return undefined;
      const { GitHubReviewer } = await import('../review/github/github-reviewer.js');
      return new GitHubReviewer({ ...gitHub, ...(logger ? { logger } : {}) });
    },
  };
}

function createStaging(
  location: StagingLocation,
  endpoints: Readonly<Record<string, string>>,
): StagingStore {
  if (location.kind === 'dir') return new DirStagingStore({ root: location.root });
  const endpoint = endpoints['s3'];
  // A custom S3 endpoint (the sim, LocalStack) serves buckets by path, not by virtual host.
  const client = new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {});
  return new S3StagingStore({ client, bucket: location.bucket, prefix: location.prefix });
}
