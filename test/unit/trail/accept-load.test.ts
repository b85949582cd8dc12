import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AcceptedFileError } from '../../../lib/drift/accept-errors.js';
import { acceptedFilePath, formatAcceptedFile } from '../../../lib/drift/accept-file.js';
import { loadAccepted } from '../../../lib/trail/accept-load.js';

const FP = `sha256:${'b'.repeat(64)}`;
const GOOD = 'aws/123456789012/eu-west-1';
const BAD = 'aws/123456789012/us-east-1';

describe('loadAccepted', () => {
  let trail: string;
  beforeEach(async () => {
    trail = await mkdtemp(join(tmpdir(), 'statetrail-accepted-'));
  });
  afterEach(async () => {
    await rm(trail, { recursive: true, force: true });
  });

  async function write(path: string, text: string | Uint8Array): Promise<void> {
    await mkdir(join(trail, path, '..'), { recursive: true });
    await writeFile(join(trail, path), text);
  }

  it('finds no entries and no errors in a trail without accepted drift', async () => {
    expect(await loadAccepted(trail)).toEqual({ entries: [], errors: [] });
  });

  it('names a malformed file and still applies the others', async () => {
    const entry = { address: 'aws_instance.web', attribute: 'ami', fingerprint: FP, reason: 'r' };
    await write(acceptedFilePath(GOOD), formatAcceptedFile([entry]));
    await write(acceptedFilePath(BAD), 'version: 1\nentries:\n  - address: x\n');
    await write('.statetrail/accepted/notes.yaml', 'version: 1\nentries: []\n');
    await write('.statetrail/accepted/README.md', 'not read');
    await write(acceptedFilePath('k8s/prod'), new Uint8Array([0xff, 0xfe]));

    const { entries, errors } = await loadAccepted(trail);
    expect(entries).toEqual([{ scope: GOOD, entry }]);
    expect(errors.every((e) => e instanceof AcceptedFileError)).toBe(true);
    expect(errors.map((e) => [e.source, e.entry])).toEqual([
      [acceptedFilePath(GOOD).replace('eu-west-1', 'us-east-1'), 0],
      ['.statetrail/accepted/k8s%2Fprod.yaml', undefined],
      ['.statetrail/accepted/notes.yaml', undefined],
    ]);
    expect(errors[1]?.message).toContain('not UTF-8');
    expect(errors[2]?.message).toContain('is not named after a scope');
  });
});
