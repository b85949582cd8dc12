/**
 * Scalar rendering for the canonical YAML emitter. Every form chosen here must be read back as the
 * same value by a YAML 1.2 core-schema parser and by a YAML 1.1 parser (kubectl, PyYAML), so the
 * rules are deliberately narrower than either spec allows.
 */

// Plain only for a conservative alphabet: starts with a letter (no number, timestamp, `.inf`, `~`
// or indicator can start it), `[A-Za-z0-9_./@:-]` and single internal spaces, and no `: ` nor
// trailing `:` (key syntax). A lookup table, read in the one pass that also finds escapes.
const LETTER = 1;
const WORD = 2;
const CHAR_CLASS = charClassTable();

function charClassTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z]/.test(ch)) table[c] = LETTER | WORD;
    else if (/[0-9_./@-]/.test(ch)) table[c] = WORD;
  }
  return table;
}

// Words YAML 1.1 (y/n/on/off...) or 1.2 (true/null) resolve to non-strings, compared lower-cased;
// `nan`/`inf` are strings in both specs but other tools read them as floats, so quote them too.
const SPECIAL_WORDS = new Set([
  'y',
  'n',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'false',
  'null',
  'nan',
  'inf',
]);

// The `yaml` package's YAML 1.1 float accepts an exponent without a mantissa: `E0` reads as NaN.
const BARE_EXPONENT = /^[eE][-+]?[0-9]+$/;

// JSON.stringify leaves these unescaped, but YAML forbids them (DEL, C1, U+FFFE/U+FFFF), reads
// them as line breaks (YAML 1.1: NEL, U+2028, U+2029) or may strip them (BOM).
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const YAML_UNSAFE_ALL = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A YAML double-quoted scalar: JSON's escaping (a subset of YAML's) plus the YAML-unsafe characters. */
export function doubleQuoted(text: string): string {
  const json = JSON.stringify(text);
  return YAML_UNSAFE.test(json) ? json.replace(YAML_UNSAFE_ALL, escapeCodeUnit) : json;
}

function escapeCodeUnit(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A string on one line: plain when safe, double-quoted otherwise. One pass decides both, since
 * this runs for every key and string value (the `"${text}"` shortcut holds when nothing needs
 * escaping, which is what JSON.stringify would give).
 */
export function inlineString(text: string): string {
  const length = text.length;
  let plain = length > 0 && ((CHAR_CLASS[text.charCodeAt(0)] ?? 0) & LETTER) !== 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (((CHAR_CLASS[c] as number) & WORD) !== 0) continue;
      if (c === 0x3a || c === 0x20) {
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === 0x20) plain = false;
        continue;
      }
      plain = false;
      if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x7f) return doubleQuoted(text);
    } else {
      plain = false;
      if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c >= 0xd800) return doubleQuoted(text);
    }
  }
  return plain && !isSpecialWord(text) ? text : `"${text}"`;
}

function isSpecialWord(text: string): boolean {
  if (text.length <= 5 && SPECIAL_WORDS.has(text.toLowerCase())) return true;
  const first = text.charCodeAt(0);
  return (first === 0x65 || first === 0x45) && BARE_EXPONENT.test(text);
}

/**
 * A number that reads back as the same number in YAML 1.1 and 1.2. -0 is written `0` (as JSON
 * does); exponent forms get a dot in the mantissa because YAML 1.1 floats need one (`1.0e+21`).
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Number.POSITIVE_INFINITY) return '.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-.inf';
  if (value === 0) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const mantissa = text.slice(0, e);
  // JavaScript always signs the exponent (`1e+21`, `5e-324`), which YAML 1.1 requires.
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}${text.slice(e)}`;
}

/**
 * The literal block (`|`, `|-`, with an indentation indicator when the first line starts with
 * whitespace) for a multi-line string, its content lines indented by `indent`; undefined when a
 * literal block could not carry the string exactly (control characters, `\r`, several trailing
 * newlines, whitespace-only lines), in which case the caller double-quotes it.
 */
export function literalBlock(text: string, indent: string): string | undefined {
  if (!isLiteralSafe(text)) return undefined;
  const lines = text.split('\n');
  let chomp = '-';
  if (lines[lines.length - 1] === '') {
    lines.pop();
    // Several trailing newlines need `|+` keep-chomping, whose trailing lines parsers disagree on.
    if (lines[lines.length - 1] === '') return undefined;
    chomp = '';
  }
  let first: string | undefined;
  for (const line of lines) {
    if (line === '') continue;
    if (isBlank(line)) return undefined;
    first ??= line;
  }
  if (first === undefined) return undefined;
  // Without an indicator the parser takes the first line's leading whitespace as indentation.
  const indicator = first.charCodeAt(0) === 0x20 || first.charCodeAt(0) === 0x09 ? '2' : '';
  let block = `|${indicator}${chomp}\n`;
  for (const line of lines) block += line === '' ? '\n' : `${indent}${line}\n`;
  return block;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

// Printable in both YAML versions, no line break other than `\n`, valid UTF-16 (lone surrogates
// have no UTF-8 form and need the `\u` escape of a double-quoted scalar).
function isLiteralSafe(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 0x0a || c === 0x09) continue;
    if (c < 0xa0) return false;
    if (c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return false;
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}
