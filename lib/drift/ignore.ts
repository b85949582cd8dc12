import { IgnoreSyntaxError } from './errors.js';

/** One ignore line: path components as globs, and whether it un-ignores. */
interface IgnoreRule {
  readonly negated: boolean;
  readonly components: readonly RegExp[];
}

/** Parsed `.driftignore` rules, in file order (a later matching line wins). */
export interface IgnoreRules {
  readonly rules: readonly IgnoreRule[];
}

/** No rules: nothing is ignored. */
export const NO_IGNORE: IgnoreRules = { rules: [] };

// Splits on dots that are not escaped, keeping `\.` and `\\` as literal characters.
function components(pattern: string): string[] | undefined {
  const parts: string[] = [''];
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return undefined;
      parts[parts.length - 1] += next === '.' || next === '\\' || next === '*' ? `\\${next}` : next;
      i += 1;
    } else if (char === '.') {
      parts.push('');
    } else {
      parts[parts.length - 1] += char;
    }
  }
  return parts;
}

function glob(component: string): RegExp {
  let source = '';
  for (let i = 0; i < component.length; i += 1) {
    const char = component[i] as string;
    if (char === '\\') {
      source += (component[i + 1] as string).replace(/[.*\\]/g, '\\$&');
      i += 1;
    } else if (char === '*') {
      source += '.*';
    } else {
      source += char.replace(/[\^$+?()[\]{}|/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 's');
}

/**
 * Reads driftctl's `.driftignore` syntax: `<type>.<id>` per line, `*` wildcards, `!` negation
 * (a later line wins), `#` comments, `\.` for a dot inside an id, and `<type>.<id>.<attribute
 * path>` to ignore one attribute. `source` names the file in errors.
 */
export function parseIgnore(text: string, source: string): IgnoreRules {
  const rules: IgnoreRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = negated ? line.slice(1) : line;
    const parts = components(pattern);
    if (parts === undefined || parts.some((part) => part === '')) {
      throw new IgnoreSyntaxError(
        `${source}:${index + 1}: not a <type>.<id>[.<attribute>] pattern`,
      );
    }
    rules.push({ negated, components: parts.map(glob) });
  }
  return { rules };
}

/**
 * Whether a resource (or one attribute of it, `tags.LastPatched`) is ignored. A rule naming a
 * resource covers all its attributes; a rule naming an attribute covers only that attribute.
 */
export function isIgnored(
  rules: IgnoreRules,
  type: string,
  id: string,
  attribute?: string,
): boolean {
  const target = [type, id, ...(attribute === undefined ? [] : attribute.split('.'))];
  let ignored = false;
  for (const rule of rules.rules) {
    if (rule.components.length > target.length) continue;
    if (rule.components.every((pattern, i) => pattern.test(target[i] as string))) {
      ignored = !rule.negated;
    }
  }
  return ignored;
}
