import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFormatError } from '../../../lib/terraform/errors.js';
import { MAX_STATE_BYTES, MAX_STATE_DEPTH } from '../../../lib/terraform/limits.js';
import { parseState } from '../../../lib/terraform/parse-state.js';
import { loadStates } from '../../../lib/terraform/sources/load-states.js';

/** A one-VPC state whose tags nest `depth` objects deep. */
function nestedState(depth: number): string {
  const tags = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `{"version":4,"terraform_version":"1.9.5","serial":1,"lineage":"l","resources":[{"mode":"managed","type":"aws_vpc","name":"x","provider":"p","instances":[{"attributes":{"id":"vpc-1","tags":${tags}}}]}]}`;
}

describe('Terraform state limits', () => {
  it('reads a state nested as deep as the limit allows', () => {
    expect(parseState(nestedState(MAX_STATE_DEPTH - 10), 's.tfstate').instances).toHaveLength(1);
  });

  it('says a state nested past the limit is too deep, with the limit, instead of overflowing', () => {
    expect(() => parseState(nestedState(20_000), 's.tfstate')).toThrow(StateFormatError);
    expect(() => parseState(nestedState(20_000), 's.tfstate')).toThrow(
      `Terraform state s.tfstate is nested too deeply: more than ${MAX_STATE_DEPTH} levels`,
    );
  });

  it('says a readable file past the size limit is too large, with the limit, without reading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'limits-'));
    const file = join(dir, 'huge.tfstate');
    await writeFile(file, '');
    await truncate(file, MAX_STATE_BYTES + 1024 * 1024);
    const loaded = await loadStates([file], {});
    expect(loaded.errors.map((e) => e.message)).toEqual([
      `Terraform state ${file} is too large: 257 MiB (statetrail reads states up to 256 MiB)`,
    ]);
  });
});
