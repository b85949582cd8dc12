/**
 * The CLI's help texts and the lists they name. This module imports only import-free modules, so
 * `statetrail --help` answers without loading a command, a schema or an SDK.
 */
import { ENDPOINT_SERVICES } from '../config/endpoint-services.js';

export { ENDPOINT_SERVICES };

/** The AWS services `scan --service` takes: the model's `AwsService` values (a test keeps them equal). */
export const SCAN_SERVICES = ['ec2', 's3', 'eks'] as const;

/** Usage text of `statetrail scan`. */
export const SCAN_USAGE = `Usage: statetrail scan [--config FILE] [--region R|all]... [--service S]... [--trail DIR|github:OWNER/REPO]
                       [--kubeconfig FILE] [--context NAME]
                       [--state LOC]... [--endpoint SERVICE=URL]... [--format console|json|markdown]
                       [--out FILE] [--strict] [--attribute] [--notify]

  --config FILE          YAML or JSON config (regions, services, accounts, organization...)
  --trail DIR            local git repository of the trail (created if absent) [default: ./trail]
  --trail github:OWNER/REPO[@BRANCH]
                         a private GitHub repository, written through the API (GITHUB_TOKEN or a
                         GitHub App: STATETRAIL_GITHUB_APP_ID, _PRIVATE_KEY, _INSTALLATION_ID;
                         GITHUB_API_URL for GitHub Enterprise Server)
  --region R             AWS region to scan; repeat for more; \`all\` for every enabled region
  --service S            ${SCAN_SERVICES.join(', ')}; repeat for more [default: all]
  --endpoint S=URL       send service S (${ENDPOINT_SERVICES.join(', ')}) to URL instead of AWS
  --kubeconfig FILE      export the Kubernetes cluster of this kubeconfig (default context)
  --context NAME         the kubeconfig context to export (with or without --kubeconfig)
  --state LOC            compare with Terraform state: a .tfstate file, a directory or glob of
                         them, s3://bucket/key-or-prefix, or an HCP Terraform / Terraform
                         Enterprise workspace tfe://HOST/ORG/WORKSPACE (token: TF_TOKEN_<host>);
                         repeat for more (exit 1 on drift)
  --format F             console (default), json or markdown
  --out FILE             write the report to FILE instead of standard output
  --strict               exit 2 when any scope could not be scanned completely
  --attribute            look up who changed each drifted or changed AWS resource in CloudTrail
                         (2 lookups per second per account and region; Changed-By: trailers)
  --notify               send to the config's notifiers (without it: print what would be sent)`;

/** Usage text of `statetrail codify`. */
export const CODIFY_USAGE = `Usage: statetrail codify --snapshot DIR [--config FILE] --state LOC [--state LOC]... [--out DIR]

  --snapshot DIR         a trail checkout
  --config FILE          the scan's config file: its terraform.states (--state replaces them)
  --state LOC            a state file, a directory or glob of *.tfstate, or s3://bucket/key-or-prefix
  --endpoint SVC=URL     another address for a service (s3=http://127.0.0.1:4566); repeatable
  --out DIR              where imports.tf (unmanaged) and changes.md (changed) are written [default: .]`;

/** Usage text of `statetrail drift`. */
export const DRIFT_USAGE = `Usage: statetrail drift --snapshot DIR [--config FILE] --state LOC [--state LOC]...
                        [--ignore FILE] [--format console|json|markdown] [--out FILE]

  --snapshot DIR         a trail checkout (any copy of the trail; no git needed)
  --config FILE          the scan's config file: its terraform.states, each with the account,
                         region or cluster its resources belong to (--state replaces them)
  --state LOC            a .tfstate file, a directory or glob of them, s3://bucket/key-or-prefix,
                         or tfe://HOST/ORG/WORKSPACE (also ORG/prod-* or ORG/ for several)
  --ignore FILE          .driftignore syntax [default: DIR/.statetrailignore when present]
  --format F             console (default), json (the drift report) or markdown
  --out FILE             write the report to FILE instead of standard output`;

/** Usage text of `statetrail --help`: every command's. */
export const USAGE = `Usage: statetrail <command> [flags]
       statetrail --help | --version

Commands:
  scan    export AWS configuration (EC2/VPC, S3, EKS) into the trail: one commit per scan that
          saw a change, nothing when nothing changed
  drift   compare a trail checkout with Terraform states: unmanaged, missing, changed
  codify  write imports.tf: import and resource blocks for the unmanaged resources

${SCAN_USAGE}

${DRIFT_USAGE}

${CODIFY_USAGE}

Exit codes: 0 in sync, 1 drift found, 2 error.
`;
