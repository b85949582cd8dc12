import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './errors.js';
import { Config } from './schema.js';

/** Reads and validates a YAML or JSON config file; errors name the file and the key path, never a value. */
export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `Cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      {
        cause: error,
      },
    );
  }
  return parseConfig(text, file);
}

/** Validates config text (YAML 1.2, which JSON is a subset of). */
export function parseConfig(text: string, source: string): Config {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false }) ?? {};
  } catch (error) {
    throw new ConfigError(syntaxMessage(text, source, error), { cause: error });
  }
  const result = Config.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, []));
  throw new ConfigError(`Config ${source} is invalid:\n  ${problems.join('\n  ')}`);
}

/** Not YAML: where, and for a repeated key (JSON allows it, YAML does not) which one. */
function syntaxMessage(text: string, source: string, error: unknown): string {
  const { code, pos } = error as { code?: string; pos?: [number, number] };
  const offset = pos?.[0];
  const line = offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
  const at = line === undefined ? '' : ` at line ${line}`;
  if (code === 'DUPLICATE_KEY') {
    const key = offset === undefined ? undefined : keyAt(text, offset);
    return `Config ${source}: duplicate key${key ? ` "${key}"` : ''}${at}; keep one of them`;
  }
  return `Config ${source} is not valid YAML${line === undefined ? '' : ` (line ${line})`}`;
}

/** The map key that starts at `offset`: a quoted or a plain one. */
function keyAt(text: string, offset: number): string | undefined {
  const rest = text.slice(offset);
  const quoted = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(rest);
  if (quoted) return quoted[1] ?? quoted[2];
  return /^([^:\s,{}[\]]+)/.exec(rest)?.[1];
}

/**
 * `path: message` lines of one zod issue. A union that no option matched is told through the
 * option that got furthest (an object with one wrong field, not "expected string").
 */
function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const depth = (issues: readonly z.core.$ZodIssue[]) =>
      Math.max(...issues.map((i) => i.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
    if (depth(best) > 0) return best.flatMap((inner) => describeIssue(inner, path));
  }
  return [`${path.map(String).join('.') || '(top level)'}: ${issue.message}`];
}
