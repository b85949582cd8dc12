import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AcceptedFileError } from '../drift/accept-errors.js';
import { ACCEPTED_DIR, parseAcceptedFile, scopeOfAcceptedFile } from '../drift/accept-file.js';
import type { ScopedEntry } from '../drift/accept-schema.js';
import { compareText } from '../drift/report.js';

/** Every entry of a trail's accepted-drift files, and one error per file that could not be used. */
export interface LoadedAcceptance {
  readonly entries: ScopedEntry[];
  readonly errors: AcceptedFileError[];
}

// fatal: a file that is not UTF-8 is an error, never silently replaced characters.
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every `<trail>/.statetrail/accepted/*.yaml`, in name order. A file that cannot be read,
 * is not named after a scope (`acceptedFileName`) or is malformed is an AcceptedFileError naming
 * it (trail-relative); the other files still apply. No directory is no entries.
 */
export async function loadAccepted(trail: string): Promise<LoadedAcceptance> {
  const entries: ScopedEntry[] = [];
  const errors: AcceptedFileError[] = [];
  let names: string[];
  try {
    const dirents = await readdir(join(trail, ACCEPTED_DIR), { withFileTypes: true });
    names = dirents
      .filter((d) => d.isFile() && d.name.endsWith('.yaml'))
      .map((d) => d.name)
      .sort(compareText);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries, errors };
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    errors.push(
      new AcceptedFileError(`Cannot read ${ACCEPTED_DIR}: ${code}`, {
        source: ACCEPTED_DIR,
        cause: error,
      }),
    );
    return { entries, errors };
  }
  return readAcceptedFiles(names, (name) => readFile(join(trail, ACCEPTED_DIR, name)));
}

/**
 * Parses accepted-drift files given by name (`<scope>.yaml`) and a reader, wherever they live
 * (a checkout, or a TrailStore); a file that cannot be used is an error naming it.
 */
export async function readAcceptedFiles(
  names: readonly string[],
  read: (name: string) => Promise<Uint8Array>,
): Promise<LoadedAcceptance> {
  const entries: ScopedEntry[] = [];
  const errors: AcceptedFileError[] = [];
  for (const name of names) {
    const source = `${ACCEPTED_DIR}/${name}`;
    const scope = scopeOfAcceptedFile(name);
    if (scope === null) {
      errors.push(new AcceptedFileError(`${source} is not named after a scope`, { source }));
      continue;
    }
    try {
      const text = decoder.decode(await read(name));
      for (const entry of parseAcceptedFile(text, source).entries) entries.push({ scope, entry });
    } catch (error) {
      errors.push(
        error instanceof AcceptedFileError
          ? error
          : new AcceptedFileError(`Cannot read ${source}: ${readCode(error)}`, {
              source,
              cause: error,
            }),
      );
    }
  }
  return { entries, errors };
}

/** The code of a read error, never its message (which may quote the path's contents). */
function readCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return 'not UTF-8';
  return code ?? (error as Error).name ?? 'error';
}
