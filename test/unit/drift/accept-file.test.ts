import { describe, expect, it } from 'vitest';
import { parse as parseYaml11 } from 'yaml';
import { AcceptedFileError } from '../../../lib/drift/accept-errors.js';
import {
  acceptedFilePath,
  formatAcceptedFile,
  parseAcceptedFile,
  scopeOfAcceptedFile,
} from '../../../lib/drift/accept-file.js';
import type { AcceptedEntry } from '../../../lib/drift/accept-schema.js';

const FP = `sha256:${'a'.repeat(64)}`;
const SOURCE = '.statetrail/accepted/aws%2F123456789012%2Feu-west-1.yaml';

const EXAMPLE = `version: 1
entries:
  - address: aws_instance.web[1]
    attribute: tags.Owner
    fingerprint: ${FP}
    reason: Owner tag set by the billing team
    acceptedBy: octocat
    until: 2027-01-01
  - kind: unmanaged
    address: aws_security_group.sg-0a1b2c
    fingerprint: ${FP}
    reason: Created by the vendor's installer
`;

function thrown(text: string): AcceptedFileError {
  try {
    parseAcceptedFile(text, SOURCE);
  } catch (error) {
    if (error instanceof AcceptedFileError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('accepted file names', () => {
  it.each([
    ['aws/123456789012/eu-west-1', '.statetrail/accepted/aws%2F123456789012%2Feu-west-1.yaml'],
    ['k8s/prod_eu:1', '.statetrail/accepted/k8s%2Fprod_eu%3A1.yaml'],
  ])('%s is %s and back', (scope, path) => {
    expect(acceptedFilePath(scope)).toBe(path);
    expect(scopeOfAcceptedFile(path.split('/').at(-1) ?? '')).toBe(scope);
  });

  it.each([
    'aws/123/eu-west-1.yaml',
    'aws%2f123456789012%2Feu-west-1.yaml',
    'aws%2F123456789012%2Feu-west-1%2Fec2.yaml',
    'aws%2F123456789012%2Feu-west-1.yml',
    'notes.yaml',
  ])('%s is no scope', (name) => {
    expect(scopeOfAcceptedFile(name)).toBeNull();
  });

  it('refuses a path for something that is not a scope', () => {
    expect(() => acceptedFilePath('aws/123456789012/eu-west-1/ec2/instance')).toThrow(
      'Not a scope',
    );
  });
});

describe('parseAcceptedFile', () => {
  it('reads the documented example', () => {
    const file = parseAcceptedFile(EXAMPLE, SOURCE);
    expect(file.entries).toHaveLength(2);
    expect(file.entries[0]).toMatchObject({ attribute: 'tags.Owner', until: '2027-01-01' });
    expect(file.entries[1]).toMatchObject({ kind: 'unmanaged' });
  });

  it('names the file and the entry, never the value', () => {
    const error = thrown(
      EXAMPLE.replace(
        `fingerprint: ${FP}\n    reason: Created`,
        'fingerprint: sha256:SECRET-ish\n    reason: Created',
      ),
    );
    expect(error.source).toBe(SOURCE);
    expect(error.entry).toBe(1);
    expect(error.message).toContain(SOURCE);
    expect(error.message).toContain('entry 1 fingerprint');
    expect(error.message).not.toContain('SECRET');
    expect(error.cause).toBeUndefined();
  });

  it('names the line of a YAML syntax error without quoting it', () => {
    const error = thrown('version: 1\nentries:\n  - address: "unterminated SECRET\n');
    expect(error.message).toMatch(/is not valid YAML \(\w+ at line \d\)/);
    expect(error.message).not.toContain('SECRET');
    expect(error.entry).toBeUndefined();
  });

  it.each([
    ['a misspelt key', EXAMPLE.replace('until:', 'untill:'), 'entry 0: unknown key untill'],
    [
      'a changed entry without attribute',
      EXAMPLE.replace('    attribute: tags.Owner\n', ''),
      'entry 0 attribute: required for changed',
    ],
    [
      'an unmanaged entry with an attribute',
      EXAMPLE.replace('sg-0a1b2c\n', 'sg-0a1b2c\n    attribute: x\n'),
      'entry 1 attribute: only for changed',
    ],
    ['an impossible date', EXAMPLE.replace('2027-01-01', '2027-02-30'), 'entry 0 until'],
    [
      'a date-time without zone',
      EXAMPLE.replace('2027-01-01', '2027-01-01T10:00'),
      'entry 0 until',
    ],
    [
      'an empty reason',
      EXAMPLE.replace("Created by the vendor's installer", '" "'),
      'entry 1 reason',
    ],
    ['an unknown kind', EXAMPLE.replace('kind: unmanaged', 'kind: ignored'), 'entry 1 kind'],
    ['another version', EXAMPLE.replace('version: 1', 'version: 2'), 'version'],
    ['an empty file', '', '(top level): expected object'],
  ])('rejects %s', (_what, text, where) => {
    expect(thrown(text).message).toContain(where);
  });
});

describe('formatAcceptedFile', () => {
  const entries: AcceptedEntry[] = [
    { kind: 'unmanaged', address: 'aws_security_group.sg-1', fingerprint: FP, reason: 'vendor' },
    {
      kind: 'changed',
      address: 'aws_instance.web[1]',
      attribute: 'tags.Owner',
      fingerprint: FP,
      reason: 'multi\nline',
      until: '2027-01-01',
    },
  ];

  it('writes sorted canonical YAML that parses back to the same entries', () => {
    const text = formatAcceptedFile(entries);
    expect(text).toContain('until: "2027-01-01"');
    expect(text).not.toContain('kind: changed');
    expect(text.indexOf('aws_instance.web[1]')).toBeLessThan(text.indexOf('sg-1'));
    const back = parseAcceptedFile(text, SOURCE).entries;
    const { kind: _changed, ...web } = entries[1] as AcceptedEntry;
    expect(back).toEqual([web, entries[0]]);
    expect(formatAcceptedFile([...entries].reverse())).toBe(text);
    // YAML 1.1 readers (kubectl, PyYAML) see the same strings.
    expect(parseYaml11(text, { version: '1.1' })).toEqual(parseYaml11(text));
  });
});
