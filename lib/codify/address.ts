/**
 * A Terraform name from a Name tag or an id: lower-case, `[a-z0-9_]`, runs of anything else as one
 * `_`, never starting with a digit (`r_` is put before), `resource` when nothing is left.
 */
export function toIdentifier(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (name === '') return 'resource';
  return /^[0-9]/.test(name) ? `r_${name}` : name;
}

/** Hands out unique addresses per Terraform type, `_2`, `_3`... after a name already taken. */
export interface AddressBook {
  /** A free address `type.name` for `raw` (the Name tag or the id), now taken. */
  readonly take: (type: string, raw: string) => string;
}

/** An address book that already holds `taken` (the addresses in the state). */
export function addressBook(taken: Iterable<string> = []): AddressBook {
  const used = new Set(taken);
  return {
    take: (type, raw) => {
      const base = toIdentifier(raw);
      let address = `${type}.${base}`;
      for (let n = 2; used.has(address); n += 1) address = `${type}.${base}_${n}`;
      used.add(address);
      return address;
    },
  };
}
