import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderResource } from '../../../../../lib/snapshot/render.js';
import { collectorsFor } from '../../../../../lib/sources/aws/registry.js';
import { type AwsSim, startAwsSim } from '../../../../sim/aws/server.js';
import { sampleWorld } from '../../../../sim/aws/world.js';
import { simContext } from './context.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const decoder = new TextDecoder();

// Files go to golden/<type>/<file name of the trail path>, e.g. golden/routetable/rtb-....yaml.
function goldenDirectory(resourceType: string): string {
  return join(GOLDEN, (resourceType.split('::')[2] ?? '').toLowerCase());
}

describe('EC2 collectors: trail files from the sample world (set UPDATE_GOLDEN=1 to rewrite)', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each(collectorsFor('ec2').map((c) => [c.resourceType, c] as const))(
    'writes %s files byte for byte as the golden files',
    async (resourceType, collector) => {
      const { context } = simContext(sim);
      const output = await collector.collect(context);
      expect(output.warnings).toEqual([]);
      expect(output.complete).toBe(true);
      expect(output.resources.length).toBeGreaterThan(0);
      const directory = goldenDirectory(resourceType);
      const files = new Map(
        output.resources.map((resource) => {
          const file = renderResource(resource);
          return [basename(file.path), decoder.decode(file.bytes)] as const;
        }),
      );
      if (UPDATE) {
        await rm(directory, { recursive: true, force: true });
        await mkdir(directory, { recursive: true });
        for (const [name, text] of files) await writeFile(join(directory, name), text);
      }
      expect(existsSync(directory)).toBe(true);
      expect((await readdir(directory)).sort()).toEqual([...files.keys()].sort());
      for (const [name, text] of files) {
        expect(text, name).toBe(await readFile(join(directory, name), 'utf8'));
      }
    },
  );
});
