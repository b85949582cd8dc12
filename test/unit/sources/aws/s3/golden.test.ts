import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../../../lib/model/index.js';
import { parseResourceFile, renderResource } from '../../../../../lib/snapshot/render.js';
import { type AwsSim, startAwsSim } from '../../../../sim/aws/server.js';
import { sampleWorld } from '../../../../sim/aws/world.js';
import { s3Harness } from './s3-harness.js';

// UPDATE_GOLDEN=1 npx vitest run test/unit/sources/aws/s3 rewrites the files; review the diff.
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const BUCKETS = ['sample-assets-eu', 'sample-audit-eu', 'sample-bare-eu', 'sample-web-us'];
const decoder = new TextDecoder();

describe('the trail files of the sample buckets', () => {
  let sim: AwsSim;
  let resources: Resource[];

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    ({ resources } = await s3Harness(sim).collect());
    if (UPDATE) await mkdir(GOLDEN, { recursive: true });
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each(BUCKETS)('renders %s as its golden file, at its global path', async (name) => {
    const resource = resources.find((r) => r.resourceId === name);
    if (!resource) throw new Error(`No record for ${name}`);
    const file = renderResource(resource);
    expect(file.path).toBe(`aws/111111111111/global/s3/bucket/${name}.yaml`);
    const golden = `${GOLDEN}${name}.yaml`;
    if (UPDATE) await writeFile(golden, file.bytes);
    expect(decoder.decode(file.bytes)).toBe(await readFile(golden, 'utf8'));
    expect(parseResourceFile(file.bytes, file.path)).toStrictEqual(resource);
  });
});
