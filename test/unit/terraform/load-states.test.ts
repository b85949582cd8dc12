import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateFormatError, StateSourceError } from '../../../lib/terraform/errors.js';
import { loadStates } from '../../../lib/terraform/sources/load-states.js';
import { GITHUB_TOKEN_CANARY, smallState } from '../../fixtures/terraform/states.js';
import { CORPUS_DIR } from './corpus.js';

let root: string;

const VPC = { id: 'vpc-1', arn: 'arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1' };

async function put(path: string, content: unknown): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(
    join(root, path),
    typeof content === 'string' ? content : JSON.stringify(content),
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'statetrail-states-'));
  await put('states/net/terraform.tfstate', smallState('aws_vpc', [VPC], 'lineage-net'));
  await put('states/app/prod/terraform.tfstate', smallState('aws_vpc', [VPC], 'lineage-app'));
  await put('states/app/.terraform/terraform.tfstate', smallState('aws_vpc', [VPC], 'cache'));
  await put('states/app/terraform.tfstate.backup', smallState('aws_vpc', [VPC], 'backup'));
  await put('states/bad/terraform.tfstate', `{"version": 4, "lineage": "${GITHUB_TOKEN_CANARY}`);
  await put('states/old/terraform.tfstate', { ...smallState('aws_vpc', []), version: 3 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadStates', () => {
  it('loads every *.tfstate under a directory, skipping .terraform, and reports bad ones', async () => {
    const { states, errors } = await loadStates([join(root, 'states')]);
    expect(states.map((s) => s.lineage)).toEqual(['lineage-app', 'lineage-net']);
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e instanceof StateFormatError)).toBe(true);
    expect(errors.map((e) => e.message).join('\n')).toContain(
      join(root, 'states/bad/terraform.tfstate'),
    );
    expect(errors.map((e) => e.message).join('\n')).not.toContain(GITHUB_TOKEN_CANARY);
  });

  it('keeps an instance present in two states in both', async () => {
    const { states } = await loadStates([join(root, 'states/**/terraform.tfstate')]);
    const holders = states.filter((s) => s.instances.some((i) => i.attributes['id'] === 'vpc-1'));
    expect(holders.map((s) => s.lineage)).toEqual(['lineage-app', 'lineage-net']);
  });

  it('expands a glob and reads a location listed twice once', async () => {
    const { states, errors } = await loadStates([
      join(root, 'states/{net,app}/**/*.tfstate'),
      join(root, 'states/net/terraform.tfstate'),
    ]);
    expect(states.map((s) => s.state)).toEqual([
      join(root, 'states/app/prod/terraform.tfstate'),
      join(root, 'states/net/terraform.tfstate'),
    ]);
    expect(errors).toEqual([]);
  });

  it('reports a location that matches nothing or does not exist', async () => {
    const { states, errors } = await loadStates([
      join(root, 'nowhere/*.tfstate'),
      join(root, 'missing.tfstate'),
    ]);
    expect(states).toEqual([]);
    expect(errors.map((e) => e.name)).toEqual(['StateSourceError', 'StateSourceError']);
    expect(errors.map((e) => e.message)).toEqual([
      `Cannot read Terraform state ${join(root, 'missing.tfstate')}`,
      `No Terraform state found at ${join(root, 'nowhere/*.tfstate')}`,
    ]);
    expect(errors[0]?.cause).toBeInstanceOf(Error);
  });

  it('loads the whole public corpus and passes each state its scope hint', async () => {
    const hint = { accountId: '123456789012' };
    const { states, errors } = await loadStates([CORPUS_DIR], { hint: () => hint });
    expect(errors).toEqual([]);
    expect(states.map((s) => s.instances.length)).toEqual([3, 20, 52, 17, 5]);
    expect(states.every((s) => s.instances.every((i) => i.scopeHint === hint))).toBe(true);
  });

  it('says an S3 location needs a client', async () => {
    const { errors } = await loadStates(['s3://bucket/terraform.tfstate']);
    expect(errors[0]).toBeInstanceOf(StateSourceError);
  });
});
