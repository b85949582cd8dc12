import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** The flags of `statetrail scan`, validated. */
export interface ScanArgs {
  readonly trail: string;
  readonly regions: string[];
  readonly endpoints: Record<string, string>;
  readonly format: 'console' | 'json';
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
export const SCAN_USAGE = `Usage: statetrail scan --region R [--region R]... [--trail DIR]
                       [--endpoint SERVICE=URL]... [--format console|json] [--out FILE] [--strict]

  --trail DIR            local git repository of the trail (created if absent) [default: ./trail]
  --region R             AWS region to scan; repeat for more
  --endpoint S=URL       send service S (${ENDPOINT_SERVICES.join(', ')}) to URL instead of AWS
  --format F             console (default) or json
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
  if (regions.length === 0) throw new UsageError('Nothing to scan: give at least one --region');
  for (const region of regions) {
    if (!REGION.test(region)) {
      throw new UsageError(`--region ${region}: not an AWS region name (like eu-west-1)`);
    }
  }
  const format = values.format ?? 'console';
  if (format !== 'console' && format !== 'json') {
    throw new UsageError(`--format ${format}: expected console or json`);
  }
  const trail = values.trail ?? 'trail';
  if (trail.startsWith('github:')) {
    throw new UsageError('--trail github:OWNER/REPO is not available yet; give a local directory');
  }
  return {
    trail,
    regions,
    endpoints: parseEndpoints(values.endpoint ?? []),
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
      trail: { type: 'string' },
      region: { type: 'string', multiple: true },
      endpoint: { type: 'string', multiple: true },
      format: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
    },
  });
}

function parseEndpoints(flags: readonly string[]): Record<string, string> {
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
