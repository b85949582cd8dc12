import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
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
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new ConfigError(`Config ${source} is not valid YAML${line ? ` (line ${line})` : ''}`, {
      cause: error,
    });
  }
  const result = Config.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
  );
  throw new ConfigError(`Config ${source} is invalid:\n  ${problems.join('\n  ')}`);
}
