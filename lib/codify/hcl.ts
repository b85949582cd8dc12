/** A Terraform expression printed as is (`aws_vpc.main.id`, `jsonencode({...})`). */
export interface HclExpression {
  readonly expression: string;
  /** For `jsonencode`: the document, printed with the indentation of where it stands. */
  readonly document?: unknown;
}

/** A value an attribute can hold. */
export type HclValue =
  | string
  | number
  | boolean
  | HclExpression
  | readonly HclValue[]
  | { readonly [key: string]: HclValue };

/** `name = value` inside a block. */
export interface HclAttribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly value: HclValue;
}

/** `type "label" ... { body }`. */
export interface HclBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: readonly (HclAttribute | HclBlock)[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** An expression value. */
export function expression(text: string): HclExpression {
  return { expression: text };
}

function isExpression(value: HclValue): value is HclExpression {
  return typeof value === 'object' && !Array.isArray(value) && 'expression' in value;
}

/** A quoted HCL string: escapes, and `${`/`%{` doubled so nothing is interpolated. */
export function quote(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  // A function replacement: in a replacement string `$$` would mean one `$`.
  return `"${out.replace(/([$%])\{/g, (_match, sign: string) => `${sign}${sign}{`)}"`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

// Lines of a value; the first continues the `name = ` line, the others are indented by `indent`.
function valueLines(value: HclValue, indent: string): string[] {
  if (typeof value === 'string') return [quote(value)];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (isExpression(value)) {
    if (value.document === undefined) return [value.expression];
    const [first = '', ...rest] = valueLines(toHclValue(value.document), indent);
    const lines = [`jsonencode(${first}`, ...rest];
    lines[lines.length - 1] += ')';
    return lines;
  }
  if (Array.isArray(value)) {
    const items = value as readonly HclValue[];
    const single = items.map((item) => valueLines(item, indent));
    if (single.every((lines) => lines.length === 1)) {
      return [`[${single.map((lines) => lines[0]).join(', ')}]`];
    }
    const inner = `${indent}  `;
    const lines = ['['];
    for (const item of items) {
      const [first = '', ...rest] = valueLines(item, inner);
      lines.push(`${inner}${first}`, ...rest);
      lines[lines.length - 1] += ',';
    }
    lines.push(`${indent}]`);
    return lines;
  }
  const entries = Object.entries(value as Record<string, HclValue>);
  if (entries.length === 0) return ['{}'];
  const inner = `${indent}  `;
  return ['{', ...alignedLines(entries, inner), `${indent}}`];
}

// `name = value` lines with `=` aligned across each run of single-line attributes (terraform fmt).
function alignedLines(entries: readonly (readonly [string, HclValue])[], indent: string): string[] {
  const rendered = entries.map(([name, value]) => ({
    name: key(name),
    lines: valueLines(value, indent),
  }));
  const out: string[] = [];
  let run: typeof rendered = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((entry) => entry.name.length));
    for (const entry of run) out.push(`${indent}${entry.name.padEnd(width)} = ${entry.lines[0]}`);
    run = [];
  };
  for (const entry of rendered) {
    if (entry.lines.length === 1) {
      run.push(entry);
      continue;
    }
    // A multi-line value ends the run of aligned lines (as fmt does).
    flush();
    const [first, ...rest] = entry.lines;
    out.push(`${indent}${entry.name} = ${first}`, ...rest);
  }
  flush();
  return out;
}

function blockLines(block: HclBlock, indent: string): string[] {
  const head = [block.type, ...block.labels.map(quote)].join(' ');
  const inner = `${indent}  `;
  const lines = [`${indent}${head} {`];
  let attributes: (readonly [string, HclValue])[] = [];
  const flush = () => {
    lines.push(...alignedLines(attributes, inner));
    attributes = [];
  };
  block.body.forEach((item, index) => {
    if (item.kind === 'attribute') {
      attributes.push([item.name, item.value]);
      return;
    }
    flush();
    // A nested block is set apart from what comes before it by a blank line.
    if (index > 0) lines.push('');
    lines.push(...blockLines(item, inner));
  });
  flush();
  lines.push(`${indent}}`);
  return lines;
}

/** Blocks printed as `terraform fmt` would, one blank line between top-level blocks. */
export function printHcl(blocks: readonly HclBlock[]): string {
  return blocks.length === 0
    ? ''
    : `${blocks.map((b) => blockLines(b, '').join('\n')).join('\n\n')}\n`;
}

/** A `jsonencode(...)` expression for a JSON document (policy), keys and values as HCL. */
export function jsonencode(document: unknown): HclExpression {
  return { expression: 'jsonencode', document };
}

function toHclValue(value: unknown): HclValue {
  if (value === null || value === undefined) return expression('null');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) return value.map(toHclValue);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toHclValue(v)]),
  );
}
