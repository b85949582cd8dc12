import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The developers' folder beside the clone, spelled so that this file does not name it itself.
const DEVELOPERS_FOLDER = new RegExp(`\\.\\./${['sha', 'red'].join('')}\\b`);

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every tracked (or new, unignored) source file: what a user's clone holds. */
function sourceFiles(): string[] {
  return gitFiles(['*.ts', '*.json', '*.mjs', '*.cjs', '.ci/*']).filter(
    (file) => !file.startsWith('test/fixtures/'),
  );
}

function gitFiles(patterns: string[]): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...patterns],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return out.split('\n').filter((file) => file !== '');
}

describe('the repository', () => {
  it('never names the folder beside the clone that only the developers have', () => {
    const offenders = sourceFiles().filter(
      (file) =>
        file !== 'test/unit/repo/self-contained.test.ts' &&
        DEVELOPERS_FOLDER.test(readFileSync(resolve(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('resolves every file URL relative to a module inside the repository', () => {
    const escaping: string[] = [];
    for (const file of sourceFiles().filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(resolve(ROOT, file), 'utf8');
      for (const match of text.matchAll(/new URL\('([^']+)',\s*import\.meta\.url\)/g)) {
        const target = resolve(dirname(resolve(ROOT, file)), match[1] ?? '');
        if (relative(ROOT, target).startsWith('..')) escaping.push(`${file}: ${match[1]}`);
      }
    }
    expect(escaping).toEqual([]);
  });

  it('keeps the public state corpus as its own fixtures, with their origin', () => {
    const readme = readFileSync(resolve(ROOT, 'test/fixtures/public-tfstate/README.md'), 'utf8');
    const states = gitFiles(['test/fixtures/public-tfstate/*.tfstate']);
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(readme).toContain(state.split('/').at(-1));
  });
});
