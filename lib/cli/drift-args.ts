import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { parseEndpoints } from './scan-args.js';

/** The flags of `statetrail drift`, validated. */
export interface DriftArgs {
  readonly snapshot: string;
  /** The config file whose `terraform.states` (with their account/region/cluster) apply. */
  readonly config: string | undefined;
  readonly states: string[];
  readonly ignore: string | undefined;
  readonly format: 'console' | 'json' | 'markdown';
  readonly out: string | undefined;
  readonly endpoints: Record<string, string>;
}

/** Parses and validates the arguments that follow `drift`. */
export function parseDriftArgs(argv: readonly string[]): DriftArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (!values.snapshot) throw new UsageError('drift needs --snapshot DIR (a trail checkout)');
  const states = values.state ?? [];
  if (states.length === 0 && !values.config) {
    throw new UsageError('drift needs at least one --state LOC (or --config FILE naming states)');
  }
  const format = values.format ?? 'console';
  if (format !== 'console' && format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format ${format}: expected console, json or markdown`);
  }
  return {
    snapshot: values.snapshot,
    config: values.config,
    states,
    ignore: values.ignore,
    format,
    out: values.out,
    endpoints: parseEndpoints(values.endpoint ?? []),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      snapshot: { type: 'string' },
      config: { type: 'string' },
      state: { type: 'string', multiple: true },
      ignore: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      endpoint: { type: 'string', multiple: true },
    },
  });
}
