import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addressBook } from '../codify/address.js';
import { type CodifiedFinding, codifyFindings } from '../codify/findings.js';
import { managedAddresses } from '../codify/managed.js';
import { loadConfig } from '../config/load-config.js';
import { computeDrift } from '../drift/engine.js';
import { systemClock } from '../model/index.js';
import { hintFor } from '../pipeline/drift.js';
import { loadStates } from '../terraform/sources/load-states.js';
import { readSnapshot } from '../trail/read-snapshot.js';
import type { CliIo } from './cli-io.js';
import { CliError, UsageError } from './errors.js';
import { parseEndpoints } from './scan-args.js';
import { stateBucket, stateLocations, tfeClientsFor } from './state-locations.js';

/** What `statetrail codify` reads and writes through. */
export interface CodifyIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  /** Tests: static credentials for s3:// states. */
  readonly aws?: CliIo['aws'];
  /** Where `TF_TOKEN_<host>` tokens of tfe:// states are read, and the log level. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Tests: how HCP Terraform retries wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        snapshot: { type: 'string' },
        config: { type: 'string' },
        state: { type: 'string', multiple: true },
        out: { type: 'string' },
        endpoint: { type: 'string', multiple: true },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

// The changed attributes' two ways out, as markdown (one section per attribute).
function changesFile(findings: readonly CodifiedFinding[]): string | null {
  const changed = findings.flatMap((f) => (f.kind === 'changed' ? [f] : []));
  if (changed.length === 0) return null;
  const fence = (text: string, lang: string) => [`\`\`\`${lang}`, text.trimEnd(), '```'];
  return `${changed
    .flatMap((f) => [
      `## ${f.address}: ${f.attribute}`,
      '',
      'Accept the cloud value (write this at the address):',
      '',
      ...(f.accept === undefined ? ['(the value cannot be shown)'] : fence(f.accept, 'hcl')),
      '',
      "Revert to the state's value:",
      '',
      ...(f.stateValue === undefined ? [] : [...fence(f.stateValue, 'hcl'), '']),
      ...fence(f.revert, 'sh'),
      '',
    ])
    .join('\n')}`;
}

/**
 * `statetrail codify`: writes OUT/imports.tf, the `import` and `resource` blocks of each
 * unmanaged resource (AWS, and Kubernetes as `kubernetes_manifest`), and OUT/changes.md, both
 * ways out of each changed attribute. States as `drift` reads them (files, globs, s3://, the
 * config's). Exit 0, 2 when a trail file or a state could not be read (the files still cover
 * what could).
 */
export async function codifyCommand(argv: readonly string[], io: CodifyIo): Promise<number> {
  const values = parse(argv);
  if (!values.snapshot) throw new UsageError('codify needs --snapshot DIR (a trail checkout)');
  const states = values.state ?? [];
  if (states.length === 0 && !values.config) {
    throw new UsageError('codify needs at least one --state LOC (or --config FILE naming states)');
  }
  const snapshotDir = resolve(io.cwd, values.snapshot);
  const info = await stat(snapshotDir).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(`--snapshot ${values.snapshot}: not a directory`);
  const snapshot = await readSnapshot(snapshotDir);
  const config = values.config ? await loadConfig(resolve(io.cwd, values.config)) : undefined;
  const locations = stateLocations(states, config, (path) => resolve(io.cwd, path));
  if (locations.length === 0) throw new CliError(`--config ${values.config}: names no states`);
  const paths = locations.map((s) => s.location);
  const s3 = await stateBucket(paths, parseEndpoints(values.endpoint ?? []), {
    config,
    credentials: io.aws?.credentials,
  });
  const tfe = await tfeClientsFor(paths, config, { ...io, clock: systemClock });
  const loaded = await loadStates(paths, {
    ...(s3 ? { s3 } : {}),
    ...(tfe ? { tfe } : {}),
    hint: (state) => hintFor(state, locations),
  });
  const instances = loaded.states.flatMap((state) => state.instances);
  const report = computeDrift({
    resources: snapshot.resources,
    kubeRecords: snapshot.kubeRecords,
    instances,
    scopes: snapshot.scopes,
    kubeFilter: config?.kubernetes.filter,
    now: new Date(0),
  });
  const managed = managedAddresses(instances);
  // One file for every scope: one address book keeps its addresses unique.
  const result = codifyFindings({
    report,
    resources: snapshot.resources,
    kubeRecords: snapshot.kubeRecords,
    managed,
    book: addressBook(managed.values()),
  });
  const outDir = resolve(io.cwd, values.out ?? '.');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'imports.tf');
  const unmanaged = result.findings.flatMap((f) => (f.kind === 'unmanaged' ? [f.hcl] : []));
  await writeFile(file, unmanaged.join('\n'));
  const changes = changesFile(result.findings);
  if (changes !== null) await writeFile(join(outDir, 'changes.md'), changes);
  const imports = unmanaged.join('\n').match(/^import \{/gm)?.length ?? 0;
  const changed = result.findings.length - unmanaged.length;
  io.stdout.write(
    `${file}: ${imports} imports, ${result.skipped.length} not codified; ${changed} changed attributes${changes === null ? '' : ' in changes.md'}\n`,
  );
  const problems = [...snapshot.errors, ...loaded.errors];
  for (const problem of problems) io.stderr.write(`statetrail: ${problem.message}\n`);
  return problems.length > 0 ? 2 : 0;
}
