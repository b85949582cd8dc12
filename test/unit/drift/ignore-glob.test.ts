import { describe, expect, it } from 'vitest';
import { globMatches } from '../../../lib/drift/glob-match.js';
import { isIgnored, parseIgnore } from '../../../lib/drift/ignore.js';

const globOf = (line: string) => {
  const rule = parseIgnore(line, '.driftignore').rules[0];
  if (rule === undefined) throw new Error('no rule');
  return rule.pattern;
};

describe('globMatches', () => {
  it('matches a pathological pattern in a number of steps bounded by text x pattern', () => {
    // `aws_key_pair.*a*a...*b` against a 40-character id of `a`s: a backtracking regex takes
    // tens of seconds at 10 repeats; the two-pointer walk never revisits more than one `*`.
    const line = `aws_key_pair.${'*a'.repeat(10)}*b`;
    const id = 'a'.repeat(40);
    const glob = globOf(line);
    let steps = 0;
    expect(globMatches(glob, `aws_key_pair.${id}`, () => (steps += 1))).toBe(false);
    const bound = (13 + id.length) * glob.tokens.length;
    expect(steps).toBeLessThan(bound);
    expect(isIgnored(parseIgnore(line, '.driftignore'), 'aws_key_pair', `${id}b`)).toBe(true);
  });

  it('keeps matching with a generous bound at 30 repeats against a 200-character id', () => {
    const line = `aws_key_pair.${'*a'.repeat(30)}*b`;
    const started = performance.now();
    expect(isIgnored(parseIgnore(line, '.driftignore'), 'aws_key_pair', 'a'.repeat(200))).toBe(
      false,
    );
    expect(performance.now() - started).toBeLessThan(200);
  });

  it.each([
    ['a*b', 'ab', true],
    ['a*b', 'axxb', true],
    ['a*b', 'axxbc', false],
    ['a*b*c', 'abbbcbc', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a[b-d]e', 'ace', true],
    ['a[^b-d]e', 'ace', false],
    ['a[^b-d]e', 'axe', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a.*', 'a.', true],
    ['a.?', 'a.\u{1F600}', true],
  ] as const)('%s against %s: %s', (pattern, text, expected) => {
    expect(globMatches(globOf(`t.${pattern}`), `t.${text}`)).toBe(expected);
  });
});
