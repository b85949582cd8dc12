import { sep } from 'node:path';

// Node 20 has no fs.glob (Node 22 does) and no glob package is a direct dependency, so this is
// the small subset `--state` needs: `*`, `?`, `**`, `[...]` and `{a,b}`.

/** Splits a glob into the directory to walk from and the pattern below it. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  const first = parts.findIndex((part) => /[*?[{]/.test(part));
  if (first === -1) return { base: pattern, rest: '' };
  const base = parts.slice(0, first).join('/');
  return {
    base: base === '' ? (pattern.startsWith('/') ? '/' : '.') : base,
    rest: parts.slice(first).join('/'),
  };
}

/** A matcher for paths relative to the glob's base, `/`-separated. */
export function globMatcher(rest: string): (relative: string) => boolean {
  const regex = new RegExp(`^${toRegex(rest)}$`);
  return (relative) => regex.test(sep === '/' ? relative : relative.split(sep).join('/'));
}

function toRegex(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const char = glob[i] ?? '';
    if (glob.startsWith('**/', i)) {
      out += '(?:[^/]*/)*';
      i += 3;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 2;
    } else if (char === '*') {
      out += '[^/]*';
      i += 1;
    } else if (char === '?') {
      out += '[^/]';
      i += 1;
    } else if (char === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) {
        out += '\\[';
        i += 1;
      } else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end + 1;
      }
    } else if (char === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end === -1) {
        out += '\\{';
        i += 1;
      } else {
        const options = glob
          .slice(i + 1, end)
          .split(',')
          .map(toRegex);
        out += `(?:${options.join('|')})`;
        i = end + 1;
      }
    } else {
      out += char.replace(/[.+^$()|\\]/g, '\\$&');
      i += 1;
    }
  }
  return out;
}
