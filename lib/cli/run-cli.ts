import { ConfigError } from '../config/errors.js';
import { IgnoreSyntaxError } from '../drift/errors.js';
import { PipelineError } from '../pipeline/errors.js';
import { TrailError } from '../trail/errors.js';
import { type CliIo, EXIT } from './cli-io.js';
import { CliError } from './errors.js';
import { USAGE } from './usage.js';
import { packageVersion } from './version.js';

/** The commands, each loaded when it runs: `--help` and `--version` load none of them. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  scan: async () => (await import('./scan-command.js')).scanCommand,
  drift: async () => (await import('./drift-command.js')).driftCommand,
  codify: async () => (await import('./codify-command.js')).codifyCommand,
};

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Runs the statetrail command line and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return command === undefined ? EXIT.error : EXIT.ok;
  }
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new CliError(`Unknown command ${command}; run statetrail --help`);
    return await (await load())(rest, io);
  } catch (error) {
    io.stderr.write(`statetrail: ${describeError(error)}\n`);
    return EXIT.error;
  }
}

// The error modules import nothing, so naming their classes here costs --help nothing.
function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError) return error.message;
  if (error instanceof IgnoreSyntaxError) return error.message;
  if (error instanceof TrailError) return `trail: ${error.message}`;
  if (error instanceof PipelineError) return `pipeline: ${error.message}`;
  if (error instanceof Error) return `unexpected ${error.name}: ${error.message}`;
  return 'unexpected error';
}
