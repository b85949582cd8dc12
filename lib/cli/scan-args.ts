import { parseArgs } from 'node:util';
import { ENDPOINT_SERVICES } from '../config/schema.js';
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
  /** Look up who changed each drifted or changed AWS resource in CloudTrail. */
  readonly attribute: boolean;
  /** Send to the config's notifiers; without it the scan prints what would be sent. */
  readonly notify: boolean;
}

export { ENDPOINT_SERVICES };

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

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
    attribute: values.attribute ?? false,
    notify: values.notify ?? false,
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
      attribute: { type: 'boolean' },
      notify: { type: 'boolean' },
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
