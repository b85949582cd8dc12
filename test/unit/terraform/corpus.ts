import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The public state corpus: real states from public repositories (see its README). */
export const CORPUS_DIR = fileURLToPath(new URL('../../fixtures/public-tfstate/', import.meta.url));

/** Our own fixtures. */
export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/terraform/', import.meta.url));

/** The corpus file names. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.tfstate'))
    .sort();
}

/** The text of one corpus file. */
export function corpusText(name: string): string {
  return readFileSync(`${CORPUS_DIR}${name}`, 'utf8');
}
