/** A value in one line of text: strings as they are, everything else as JSON, `-` for none. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value) && value.length === 0) return '-';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
