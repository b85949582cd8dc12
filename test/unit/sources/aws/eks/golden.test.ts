import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../../../../lib/snapshot/paths.js';
import { renderResource } from '../../../../../lib/snapshot/render.js';
import { type AwsSim, startAwsSim } from '../../../../sim/aws/server.js';
import { sampleWorld } from '../../../../sim/aws/world.js';
import { EKS_TYPES, eksHarness } from './eks-context.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
// UPDATE_GOLDEN=1 rewrites the files from what the collectors give now; review the diff.
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const decoder = new TextDecoder();

describe('EKS trail files of the sample world (golden)', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each(EKS_TYPES)('renders %s exactly as the golden files', async (resourceType) => {
    const output = await eksHarness(sim).collect(resourceType);
    expect(output.complete).toBe(true);
    expect(output.warnings).toStrictEqual([]);
    expect(output.resources.length).toBeGreaterThan(0);
    const directory = join(GOLDEN, resourceType.split('::')[2]?.toLowerCase() ?? '');
    const files = new Map(
      output.resources.map((r) => [`${encodeId(r.resourceId)}.yaml`, renderResource(r)]),
    );
    if (UPDATE) {
      await rm(directory, { recursive: true, force: true });
      await mkdir(directory, { recursive: true });
      for (const [name, file] of files) await writeFile(join(directory, name), file.bytes);
    }
    expect((await readdir(directory)).sort()).toStrictEqual([...files.keys()].sort());
    for (const [name, file] of files) {
      expect(decoder.decode(file.bytes), name).toBe(await readFile(join(directory, name), 'utf8'));
    }
  });
});
