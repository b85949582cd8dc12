import { IgnoreSyntaxError } from './errors.js';
import { type Glob, type GlobToken, globMatches } from './glob-match.js';

/** One ignore line: the whole line as one glob, and whether it un-ignores. */
interface IgnoreRule {
  readonly negated: boolean;
  /** Matches `<type>.<id>[.<attribute path>]` in full, as driftctl matches its lines. */
  readonly pattern: Glob;
}

/** Parsed `.driftignore` rules, in file order (a later matching line wins). */
export interface IgnoreRules {
  readonly rules: readonly IgnoreRule[];
}

/** No rules: nothing is ignored. */
export const NO_IGNORE: IgnoreRules = { rules: [] };

/** Throws the syntax error of the line being read, naming its file and line. */
type Fail = (why: string) => never;

const SHAPE = 'not a <type>.<id>[.<attribute>] pattern';
const code = (char: string) => char.codePointAt(0) as number;
const literal = (char: string): GlobToken => ({ kind: 'char', code: code(char) });

// `[...]` from `chars[start]` (just past `[`), as Go's filepath.Match reads it (driftctl's
// matcher): `^` negates, `lo-hi` ranges, `\` escapes; an unescaped `-` or `]` out of place, an
// empty or an unclosed class is malformed. A reversed range matches nothing, as in Go.
function charClass(
  chars: readonly string[],
  start: number,
  fail: Fail,
): { token: GlobToken; end: number } {
  let i = start;
  const negated = chars[i] === '^';
  if (negated) i += 1;
  const read = (): string => {
    const char = chars[i];
    if (char === undefined) fail('unclosed [');
    if (char === '-' || char === ']') fail(`unescaped ${char} in [...]`);
    i += 1;
    if (char !== '\\') return char;
    const next = chars[i];
    if (next === undefined) fail('unclosed [');
    i += 1;
    return next;
  };
  const ranges: [number, number][] = [];
  let count = 0;
  while (count === 0 || chars[i] !== ']') {
    if (chars[i] === undefined) fail('unclosed [');
    const lo = read();
    let hi = lo;
    if (chars[i] === '-') {
      i += 1;
      hi = read();
    }
    count += 1;
    if (code(lo) <= code(hi)) ranges.push([code(lo), code(hi)]);
  }
  return { token: { kind: 'class', negated, ranges }, end: i + 1 };
}

// One line (without its `!`) as a glob over the whole `<type>.<id>[.<attr>]`, matched in
// polynomial time (a regular expression built from it backtracks exponentially on `a*a*a*...b`).
// Like driftctl, which hands the line to a gitignore matcher as a single file name: `*` (and
// `**`, the same) spans dots, `?` is one character, `.` and `\.` both match a dot, `\x` is x.
function compile(pattern: string, fail: Fail): Glob {
  const chars = [...pattern];
  const tokens: GlobToken[] = [];
  let empty = true; // the current dot-separated part holds nothing yet
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] as string;
    i += 1;
    if (char === '.') {
      if (empty) fail(SHAPE);
      tokens.push(literal('.'));
      empty = true;
      continue;
    }
    empty = false;
    if (char === '\\') {
      const next = chars[i];
      if (next === undefined) fail('a trailing \\ escapes nothing');
      tokens.push(literal(next));
      i += 1;
    } else if (char === '*') {
      while (chars[i] === '*') i += 1;
      tokens.push({ kind: 'star' });
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const cls = charClass(chars, i, fail);
      tokens.push(cls.token);
      i = cls.end;
    } else {
      tokens.push(literal(char));
    }
  }
  if (empty) fail(SHAPE);
  return { tokens };
}

/**
 * Reads driftctl's `.driftignore` syntax: `<type>.<id>` per line, `<type>.<id>.<attribute path>`
 * to ignore one attribute, `#` comments, `!` negation (a later line wins), `*` wildcards that
 * span dots (`**` is the same), `?`, `[a-z]` and `[^...]` classes, and `\` escapes (`\.` for a
 * dot inside an id or a map key, `\\` for a backslash). `/` in an id is a plain character:
 * driftctl's `_-_` is its matcher's internal stand-in for `/`, not syntax. `source` names the
 * file in errors.
 */
export function parseIgnore(text: string, source: string): IgnoreRules {
  const rules: IgnoreRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const fail: Fail = (why) => {
      throw new IgnoreSyntaxError(`${source}:${index + 1}: ${why}`);
    };
    rules.push({ negated, pattern: compile(negated ? line.slice(1) : line, fail) });
  }
  return { rules };
}

/**
 * Whether a resource (or one attribute of it, `tags.LastPatched`) is ignored. A rule naming a
 * resource, or a parent attribute (`tags`), covers what is under it: driftctl's implicit
 * `<line>.*`, but only past the id, so `aws_s3_bucket.logs` does not reach a bucket named
 * `logs.example.com` (driftctl's would). A rule naming an attribute covers only that attribute.
 */
export function isIgnored(
  rules: IgnoreRules,
  type: string,
  id: string,
  attribute?: string,
): boolean {
  const resource = `${type}.${id}`;
  const targets = [resource];
  if (attribute !== undefined) {
    for (let at = attribute.indexOf('.'); at !== -1; at = attribute.indexOf('.', at + 1)) {
      targets.push(`${resource}.${attribute.slice(0, at)}`);
    }
    targets.push(`${resource}.${attribute}`);
  }
  let ignored = false;
  for (const rule of rules.rules) {
    if (targets.some((target) => globMatches(rule.pattern, target))) ignored = !rule.negated;
  }
  return ignored;
}

/**
 * `isIgnored`, answered at once when there are no rules: most runs have no ignore file, so the
 * engines skip building the match target for each entry and attribute.
 */
export function ignored(rules: IgnoreRules, type: string, id: string, attribute?: string): boolean {
  return rules.rules.length > 0 && isIgnored(rules, type, id, attribute);
}
