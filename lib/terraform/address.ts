/** A Terraform instance key: a number for `count`, a string for `for_each`, none otherwise. */
export type InstanceKey = number | string | undefined;

/**
 * The address of a resource instance exactly as Terraform prints it:
 * `module.a["k"].aws_x.name[0]`; a deposed object adds ` (deposed <key>)`.
 * The module part is kept as the state writes it: Terraform already printed it.
 */
export function instanceAddress(
  module: string | undefined,
  type: string,
  name: string,
  key: InstanceKey,
  deposed?: string,
): string {
  const prefix = module ? `${module}.` : '';
  const suffix = deposed === undefined ? '' : ` (deposed ${deposed})`;
  return `${prefix}${type}.${name}${keyString(key)}${suffix}`;
}

/** `[0]`, `["key"]` with HCL quoting, or nothing. */
export function keyString(key: InstanceKey): string {
  if (key === undefined) return '';
  if (typeof key === 'number') return `[${key}]`;
  return `[${hclQuoted(key)}]`;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

// Mirrors Terraform's toHCLQuotedString (internal/addrs/instance_key.go), so that addresses
// match what `terraform state list` prints, escapes included.
function hclQuoted(text: string): string {
  let out = '"';
  const chars = Array.from(text);
  chars.forEach((char, i) => {
    switch (char) {
      case '\n':
        out += '\\n';
        return;
      case '\r':
        out += '\\r';
        return;
      case '\t':
        out += '\\t';
        return;
      case '"':
        out += '\\"';
        return;
      case '\\':
        out += '\\\\';
        return;
      case '$':
      case '%':
        // `${` and `%{` open templates in HCL: Terraform doubles the introducer.
        out += chars[i + 1] === '{' ? char + char : char;
        return;
      default:
        out += PRINTABLE.test(char) ? char : unicodeEscape(char);
    }
  });
  return `${out}"`;
}

function unicodeEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x10000
    ? `\\u${code.toString(16).padStart(4, '0')}`
    : `\\U${code.toString(16).padStart(8, '0')}`;
}
