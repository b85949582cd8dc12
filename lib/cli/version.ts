import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './errors.js';

const PACKAGE_NAME = 'statetrail';

/**
 * The version in statetrail's package.json, found by walking up from this module: `lib/cli/` in a
 * clone, `dist/lib/cli/` in a build or an installed package, so no copy of the file is needed.
 */
export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const version = versionIn(join(dir, 'package.json'));
    if (version !== undefined) return version;
    const parent = dirname(dir);
    if (parent === dir) throw new CliError(`No ${PACKAGE_NAME} package.json above ${from}`);
    dir = parent;
  }
}

/** The version of the file if it is statetrail's package.json (other packages' are passed over). */
function versionIn(file: string): string | undefined {
  let manifest: { name?: unknown; version?: unknown };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  return manifest.name === PACKAGE_NAME && typeof manifest.version === 'string'
    ? manifest.version
    : undefined;
}
