/** One element of a compiled ignore glob. */
export type GlobToken =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | {
      readonly kind: 'class';
      readonly negated: boolean;
      readonly ranges: readonly (readonly [number, number])[];
    };

/** A compiled glob: its tokens, runs of `*` already folded into one. */
export interface Glob {
  readonly tokens: readonly GlobToken[];
}

function matchesOne(token: GlobToken, code: number): boolean {
  switch (token.kind) {
    case 'char':
      return token.code === code;
    case 'any':
      return true;
    case 'class': {
      const inside = token.ranges.some(([lo, hi]) => lo <= code && code <= hi);
      return inside !== token.negated;
    }
    case 'star':
      return false;
  }
}

/**
 * Whether the glob matches the whole text, counting code points. The classic two-pointer
 * wildcard walk: on a mismatch only the latest `*` takes one more character, because an earlier
 * `*` can never do better (whatever it would take, the latest one can take instead). At most
 * O(text × pattern) steps, never the exponential backtracking of a regular expression built from
 * the glob (`a*a*a*...b` against a long id). `onStep` counts steps for tests.
 */
export function globMatches(glob: Glob, text: string, onStep?: () => void): boolean {
  const tokens = glob.tokens;
  const codes = Array.from(text, (char) => char.codePointAt(0) as number);
  let p = 0;
  let t = 0;
  let starAt = -1; // the token index of the latest `*`
  let starText = 0; // where the text stood when that `*` matched nothing more
  while (t < codes.length) {
    onStep?.();
    const token = tokens[p];
    if (token?.kind === 'star') {
      starAt = p;
      starText = t;
      p += 1;
    } else if (token !== undefined && matchesOne(token, codes[t] as number)) {
      p += 1;
      t += 1;
    } else if (starAt !== -1) {
      starText += 1;
      t = starText;
      p = starAt + 1;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === 'star') p += 1;
  return p === tokens.length;
}
