import { doubleQuoted, formatNumber, inlineString, literalBlock } from './yaml-scalars.js';

/**
 * The canonical YAML emitter behind DESIGN.md's "Canonical bytes". Hand-written because the `yaml`
 * package's stringify is ~35x slower than JSON.stringify on EC2 objects; its parser proves this
 * emitter right in the tests (YAML 1.2 core and YAML 1.1 both read back the input).
 */

// YAML limits an implicit key to 1024 characters; longer keys take the explicit `? key` form.
const MAX_IMPLICIT_KEY = 1000;
const STEP = '  ';

interface Emitter {
  out: string;
  /** Keys and indexes from the root to the node being written, for error messages. */
  readonly path: (string | number)[];
  /** Containers being written, to reject circular structures (an array: depth is small). */
  readonly open: object[];
}

/** Node text that fits after `key:` or `-` on one line, or the containers written below it. */
type Node =
  | { readonly kind: 'inline'; readonly text: string }
  | { readonly kind: 'map'; readonly map: Record<string, unknown>; readonly keys: string[] }
  | { readonly kind: 'seq'; readonly seq: readonly unknown[] };

/**
 * Canonical YAML for plain data: sorted keys, block style, `|` for multi-line strings, a final
 * newline; the same input always gives the same text. Throws TypeError naming the path for
 * functions, symbols, bigints, class instances (other than Date) and circular structures.
 */
export function toCanonicalYaml(value: unknown): string {
  const e: Emitter = { out: '', path: [], open: [] };
  if (value === undefined) fail(e, 'undefined');
  const node = classify(e, value, STEP);
  if (node.kind === 'map') writeMap(e, node.map, node.keys, '', '');
  else if (node.kind === 'seq') writeSeq(e, node.seq, '', '');
  else e.out += `${node.text}\n`;
  return e.out;
}

// `lead` is the line's start (`  key:` or `  -`); `indent` is the indentation of its container.
function writeNode(e: Emitter, lead: string, value: unknown, indent: string, inSeq: boolean): void {
  const child = indent + STEP;
  const node = classify(e, value, child);
  if (node.kind === 'inline') {
    e.out += `${lead} ${node.text}\n`;
  } else if (inSeq) {
    // Compact form: the first entry shares the `- ` line (`- key: v`, `- - v`).
    if (node.kind === 'map') writeMap(e, node.map, node.keys, child, `${lead} `);
    else writeSeq(e, node.seq, child, `${lead} `);
  } else {
    e.out += `${lead}\n`;
    if (node.kind === 'map') writeMap(e, node.map, node.keys, child, child);
    else writeSeq(e, node.seq, child, child);
  }
}

// `first` replaces `indent` on the first line (it holds `- ` for a map inside a sequence).
function writeMap(
  e: Emitter,
  map: Record<string, unknown>,
  keys: string[],
  indent: string,
  first: string,
): void {
  e.open.push(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const keyText = inlineString(key);
    const prefix = i === 0 ? first : indent;
    const lead =
      keyText.length > MAX_IMPLICIT_KEY
        ? `${prefix}? ${keyText}\n${indent}:`
        : `${prefix}${keyText}:`;
    e.path.push(key);
    writeNode(e, lead, map[key], indent, false);
    e.path.pop();
  }
  e.open.pop();
}

function writeSeq(e: Emitter, seq: readonly unknown[], indent: string, first: string): void {
  e.open.push(seq);
  for (let i = 0; i < seq.length; i++) {
    e.path.push(i);
    // A hole or undefined in an array becomes null, as in JSON.
    writeNode(e, `${i === 0 ? first : indent}-`, seq[i] ?? null, indent, true);
    e.path.pop();
  }
  e.open.pop();
}

// `blockIndent` is where a literal block's lines go: one step right of the line's container.
function classify(e: Emitter, value: unknown, blockIndent: string): Node {
  switch (typeof value) {
    case 'string':
      return { kind: 'inline', text: stringText(value, blockIndent) };
    case 'number':
      return { kind: 'inline', text: formatNumber(value) };
    case 'boolean':
      return { kind: 'inline', text: value ? 'true' : 'false' };
    case 'object':
      return value === null
        ? { kind: 'inline', text: 'null' }
        : classifyObject(e, value, blockIndent);
    default:
      return fail(e, typeof value);
  }
}

function classifyObject(e: Emitter, value: object, blockIndent: string): Node {
  if (e.open.includes(value)) fail(e, 'a circular reference');
  if (Array.isArray(value)) {
    return value.length === 0 ? { kind: 'inline', text: '[]' } : { kind: 'seq', seq: value };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(e, 'an invalid Date');
    return { kind: 'inline', text: stringText(value.toISOString(), blockIndent) };
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail(e, 'a class instance');
  const map = value as Record<string, unknown>;
  const keys: string[] = [];
  for (const key of Object.keys(map)) if (map[key] !== undefined) keys.push(key);
  sortKeys(keys);
  return keys.length === 0 ? { kind: 'inline', text: '{}' } : { kind: 'map', map, keys };
}

// UTF-16 code unit order (plain `<`): locale-independent, so every machine writes the same bytes.
// Insertion sort for the usual small maps: it beats Array#sort's comparator calls there.
function sortKeys(keys: string[]): void {
  if (keys.length > 32) {
    keys.sort(byCodeUnits);
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringText(text: string, blockIndent: string): string {
  if (!text.includes('\n')) return inlineString(text);
  return literalBlock(text, blockIndent)?.slice(0, -1) ?? doubleQuoted(text);
}

function fail(e: Emitter, what: string): never {
  throw new TypeError(`Cannot write ${what} as canonical YAML at ${formatPath(e.path)}`);
}

function formatPath(path: readonly (string | number)[]): string {
  let text = '$';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  }
  return text;
}
