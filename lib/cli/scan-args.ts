import { parseArgs } from 'node:util';
import { AwsService } from '../model/index.js';
import { UsageError } from './errors.js';

/** The flags of `statetrail scan`, validated. */
export interface ScanArgs {
  readonly config: string | undefined;
  readonly trail: string | undefined;
  /** Region names, `['all']`, or empty (then the config file's). */
  readonly regions: string[];
  /** Services to scan, or empty (then the config file's, else all). */
  readonly services: AwsService[];
  readonly endpoints: Record<string, string>;
  /** Terraform state locations; empty: the config file's. */
  readonly states: string[];
  /** A kubeconfig file to export the cluster of (its current context, or --context). */
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  readonly format: 'console' | 'json' | 'markdown';
  readonly out: string | undefined;
  readonly strict: boolean;
}

/** Services whose endpoint `--endpoint` may redirect. */
export const ENDPOINT_SERVICES = [
  'ec2',
  'sts',
  's3',
  'eks',
  'organizations',
  'cloudtrail',
] as const;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Usage text of `statetrail scan`. */
export const SCAN_USAGE = `Usage: statetrail scan [--config FILE] [--region R|all]... [--service S]... [--trail DIR]
                       [--kubeconfig FILE] [--context NAME]
                       [--state LOC]... [--endpoint SERVICE=URL]... [--format console|json|markdown]
                       [--out FILE] [--strict]

  --config FILE          YAML or JSON config (regions, services, accounts, organization...)
  --trail DIR            local git repository of the trail (created if absent) [default: ./trail]
  --trail github:OWNER/REPO[@BRANCH]
                         a private GitHub repository, written through the API (GITHUB_TOKEN or a
                         GitHub App: STATETRAIL_GITHUB_APP_ID, _PRIVATE_KEY, _INSTALLATION_ID;
                         GITHUB_API_URL for GitHub Enterprise Server)
  --region R             AWS region to scan; repeat for more; \`all\` for every enabled region
  --service S            ${AwsService.options.join(', ')}; repeat for more [default: all]
  --endpoint S=URL       send service S (${ENDPOINT_SERVICES.join(', ')}) to URL instead of AWS
  --kubeconfig FILE      export the Kubernetes cluster of this kubeconfig (default context)
  --context NAME         the kubeconfig context to export (with or without --kubeconfig)
  --state LOC            compare with Terraform state: a .tfstate file, a directory or glob of
                         them, or s3://bucket/key-or-prefix; repeat for more (exit 1 on drift)
  --format F             console (default), json or markdown
  --out FILE             write the report to FILE instead of standard output
  --strict               exit 2 when any scope could not be scanned completely`;

/** Parses and validates the arguments that follow `scan`. */
export function parseScanArgs(argv: readonly string[]): ScanArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  const regions = values.region ?? [];
  for (const region of regions) {
    if (!REGION.test(region) && region !== 'all') {
      throw new UsageError(`--region ${region}: not an AWS region name (like eu-west-1) or all`);
    }
  }
  if (regions.includes('all') && regions.length > 1) {
    throw new UsageError('--region all cannot be combined with other regions');
  }
  const services: AwsService[] = [];
  for (const service of values.service ?? []) {
    const parsed = AwsService.safeParse(service);
    if (!parsed.success) {
      throw new UsageError(
        `--service ${service}: expected one of ${AwsService.options.join(', ')}`,
      );
    }
    services.push(parsed.data);
  }
  const format = values.format ?? 'console';
  if (format !== 'console' && format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format ${format}: expected console, json or markdown`);
  }
  const trail = values.trail;
  return {
    config: values.config,
    trail,
    regions,
    services,
    endpoints: parseEndpoints(values.endpoint ?? []),
    states: values.state ?? [],
    kubeconfig: values.kubeconfig,
    context: values.context,
    format,
    out: values.out,
    strict: values.strict ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      config: { type: 'string' },
      trail: { type: 'string' },
      region: { type: 'string', multiple: true },
      service: { type: 'string', multiple: true },
      endpoint: { type: 'string', multiple: true },
      state: { type: 'string', multiple: true },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
    },
  });
}

/** Parses `--endpoint SERVICE=URL` flags, naming the flag that is wrong. */
export function parseEndpoints(flags: readonly string[]): Record<string, string> {
  const endpoints: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.indexOf('=');
    const service = flag.slice(0, at);
    const url = flag.slice(at + 1);
    if (at <= 0 || !url) throw new UsageError(`--endpoint ${flag}: expected SERVICE=URL`);
    if (!(ENDPOINT_SERVICES as readonly string[]).includes(service)) {
      throw new UsageError(
        `--endpoint ${flag}: unknown service ${service} (one of ${ENDPOINT_SERVICES.join(', ')})`,
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (error) {
      throw new UsageError(`--endpoint ${flag}: not a URL`, { cause: error });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new UsageError(`--endpoint ${flag}: expected an http or https URL`);
    }
    endpoints[service] = url;
  }
  return endpoints;
}
