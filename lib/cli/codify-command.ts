import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { codify } from '../codify/codify.js';
import { printHcl } from '../codify/hcl.js';
import { managedAddresses } from '../codify/managed.js';
import { computeDrift } from '../drift/engine.js';
import { loadStates } from '../terraform/sources/load-states.js';
import { isS3Location } from '../terraform/sources/state-source.js';
import { readSnapshot } from '../trail/read-snapshot.js';
import { CliError, UsageError } from './errors.js';

/** What `statetrail codify` reads and writes through. */
export interface CodifyIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        snapshot: { type: 'string' },
        state: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

/**
 * `statetrail codify`: writes OUT/imports.tf, an `import` and a `resource` block for each
 * unmanaged resource of a type codify knows (local state files). Exit 0, 2 when a trail file or a
 * state could not be read (the file still covers what could).
 */
export async function codifyCommand(argv: readonly string[], io: CodifyIo): Promise<number> {
  const values = parse(argv);
  if (!values.snapshot) throw new UsageError('codify needs --snapshot DIR (a trail checkout)');
  const states = values.state ?? [];
  if (states.length === 0) throw new UsageError('codify needs at least one --state FILE');
  const s3 = states.find(isS3Location);
  if (s3) throw new UsageError(`--state ${s3}: codify reads local state files only`);
  const snapshotDir = resolve(io.cwd, values.snapshot);
  const info = await stat(snapshotDir).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(`--snapshot ${values.snapshot}: not a directory`);
  const snapshot = await readSnapshot(snapshotDir);
  const loaded = await loadStates(states.map((state) => resolve(io.cwd, state)));
  const instances = loaded.states.flatMap((state) => state.instances);
  const report = computeDrift({
    resources: snapshot.resources,
    instances,
    scopes: snapshot.scopes,
    now: new Date(0),
  });
  const unmanaged = new Set(report.unmanaged.map((entry) => `${entry.resourceType} ${entry.id}`));
  const result = codify({
    resources: snapshot.resources.filter((r) => unmanaged.has(`${r.resourceType} ${r.resourceId}`)),
    managed: managedAddresses(instances),
  });
  const outDir = resolve(io.cwd, values.out ?? '.');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'imports.tf');
  await writeFile(file, printHcl(result.blocks));
  const written = result.blocks.filter((block) => block.type === 'import').length;
  io.stdout.write(`${file}: ${written} imports, ${result.skipped.length} not codified\n`);
  const problems = [...snapshot.errors, ...loaded.errors];
  for (const problem of problems) io.stderr.write(`statetrail: ${problem.message}\n`);
  return problems.length > 0 ? 2 : 0;
}
