import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { toCanonicalYaml } from '../../../lib/snapshot/canonical-yaml.js';
import {
  anyData,
  anyString,
  expectedReadBack,
  expectSameData,
  reorderKeys,
} from './yaml-arbitraries.js';

// Errors and warnings both count: a parser that only warns may still read something else.
function readBack(text: string, version: '1.1' | '1.2'): unknown {
  const doc = YAML.parseDocument(text, { version });
  expect(doc.errors).toEqual([]);
  expect(doc.warnings).toEqual([]);
  return doc.toJS();
}

describe('Function: toCanonicalYaml (properties)', () => {
  it('gives back the input when read with the YAML 1.2 core schema', () => {
    fc.assert(
      fc.property(anyData, (value) => {
        expectSameData(readBack(toCanonicalYaml(value), '1.2'), expectedReadBack(value));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives back the input when read as YAML 1.1', () => {
    fc.assert(
      fc.property(anyData, (value) => {
        expectSameData(readBack(toCanonicalYaml(value), '1.1'), expectedReadBack(value));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives back every string, as a value and as a key, in both YAML versions', () => {
    fc.assert(
      fc.property(anyString, anyString, (key, text) => {
        const value = { [key]: text, list: [text, { [key]: [text] }] };
        const out = toCanonicalYaml(value);
        expectSameData(readBack(out, '1.2'), expectedReadBack(value));
        expectSameData(readBack(out, '1.1'), expectedReadBack(value));
        expect(readBack(toCanonicalYaml(text), '1.1')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same bytes twice and whatever the key insertion order', () => {
    fc.assert(
      fc.property(anyData, fc.nat(), (value, rotation) => {
        const out = toCanonicalYaml(value);
        expect(toCanonicalYaml(value)).toBe(out);
        expect(toCanonicalYaml(reorderKeys(value, rotation))).toBe(out);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes well-formed UTF-16 (so UTF-8) ending in exactly one newline', () => {
    fc.assert(
      fc.property(anyData, (value) => {
        const out = toCanonicalYaml(value);
        expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
        expect(out.endsWith('\n')).toBe(true);
        expect(out.endsWith('\n\n')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
