import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface DependencyConfig {
  readonly forbidden: IForbiddenRuleType[];
  readonly options: Record<string, unknown>;
  readonly LAYERS: Readonly<Record<string, readonly string[]>>;
}

// The very file `npm run lint` gives depcruise.
const config = createRequire(import.meta.url)(
  join(ROOT, '.dependency-cruiser.cjs'),
) as DependencyConfig;

const trees: string[] = [];

afterEach(async () => {
  await Promise.all(trees.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes a small source tree (path -> content) into a new temporary directory. */
async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'statetrail-deps-'));
  trees.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

async function cruiseLib(baseDir: string): Promise<ICruiseResult> {
  const { output } = await cruise(['lib'], {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  if (typeof output === 'string') throw new Error('depcruise returned text, not a result');
  return output;
}

/** The names of the rules a tree breaks, once each, sorted. */
async function brokenRules(files: Record<string, string>): Promise<string[]> {
  const result = await cruiseLib(await tree(files));
  return [...new Set(result.summary.violations.map((v) => v.rule.name))].sort();
}

const OK = 'export const ok = 1;\n';

describe('the dependency rules npm run lint checks', () => {
  it('find nothing in the repository itself', async () => {
    const result = await cruiseLib(ROOT);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual(
      [],
    );
    expect(result.summary.totalCruised).toBeGreaterThan(100);
  });

  it('accept a tree whose imports follow the layers', async () => {
    expect(
      await brokenRules({
        'lib/model/a.ts': OK,
        'lib/snapshot/b.ts': "export { ok } from '../model/a.js';\n",
        'lib/drift/c.ts': "export { ok } from '../snapshot/b.js';\n",
        'lib/trail/d.ts': "export { ok } from '../drift/c.js';\n",
      }),
    ).toEqual([]);
  });

  it('reject lib/model importing another lib folder, even for a type', async () => {
    expect(
      await brokenRules({
        'lib/sources/k8s/object.ts': 'export interface KubeObject { kind: string }\n',
        'lib/model/schema.ts':
          "import type { KubeObject } from '../sources/k8s/object.js';\nexport type R = KubeObject;\n",
      }),
    ).toEqual(['layer-model']);
  });

  it('reject I/O in lib/drift: node:fs, child_process, http', async () => {
    for (const builtin of ['node:fs/promises', 'fs', 'node:child_process', 'node:http']) {
      expect(
        await brokenRules({
          'lib/drift/load.ts': `import * as io from '${builtin}';\nexport const x = io;\n`,
        }),
        builtin,
      ).toEqual(['pure-no-io']);
    }
  });

  it('reject the AWS SDK or the Kubernetes client in lib/drift', async () => {
    for (const pkg of ['@aws-sdk/client-ec2', '@kubernetes/client-node']) {
      expect(
        await brokenRules({
          [`node_modules/${pkg}/package.json`]: JSON.stringify({ name: pkg, main: 'index.js' }),
          [`node_modules/${pkg}/index.js`]: 'exports.x = 1;\n',
          'lib/drift/read.ts': `import { x } from '${pkg}';\nexport const y = x;\n`,
        }),
        pkg,
      ).toEqual(['pure-no-clients']);
    }
  });

  it('reject lib/drift importing lib/sources or lib/trail', async () => {
    expect(
      await brokenRules({
        'lib/sources/k8s/path.ts': OK,
        'lib/trail/store.ts': OK,
        'lib/drift/engine.ts':
          "export { ok } from '../sources/k8s/path.js';\nexport { ok as ok2 } from '../trail/store.js';\n",
      }),
    ).toEqual(['layer-drift', 'pure-no-adapters']);
  });

  it('reject a collector importing lib/trail', async () => {
    expect(
      await brokenRules({
        'lib/trail/store.ts': OK,
        'lib/sources/aws/ec2.ts': "export { ok } from '../../trail/store.js';\n",
      }),
    ).toEqual(['collectors-never-write-the-trail', 'layer-sources']);
  });

  it('reject lib/pipeline importing lib/wiring (the steps take their clients, never build them)', async () => {
    expect(
      await brokenRules({
        'lib/wiring/step-clients.ts': OK,
        'lib/pipeline/run.ts': "export { ok } from '../wiring/step-clients.js';\n",
      }),
    ).toEqual(['layer-pipeline']);
  });

  it('reject lib importing functions/ or infra/', async () => {
    expect(
      await brokenRules({
        'functions/collect.ts': OK,
        'infra/app.ts': OK,
        'lib/pipeline/a.ts':
          "export { ok } from '../../functions/collect.js';\nexport { ok as ok2 } from '../../infra/app.js';\n",
      }),
    ).toEqual(['lib-not-handlers']);
  });

  it('reject a cycle between folders that no single file cycle shows', async () => {
    // a/x -> b/y -> a/z: no file is on a cycle, the folders a and b are.
    expect(
      await brokenRules({
        'lib/drift/a/z.ts': OK,
        'lib/drift/b/y.ts': "export { ok } from '../a/z.js';\n",
        'lib/drift/a/x.ts': "export { ok } from '../b/y.js';\n",
      }),
    ).toEqual(['no-folder-cycle']);
  });

  it('reject a lib folder that LAYERS does not list', async () => {
    expect(
      await brokenRules({
        'lib/model/a.ts': OK,
        'lib/gadgets/b.ts': "export { ok } from '../model/a.js';\n",
        'lib/pipeline/c.ts': "export { ok } from '../gadgets/b.js';\n",
      }),
    ).toEqual(['layer-pipeline', 'lib-folder-listed']);
  });

  it('allow arrows that form no cycle', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (folder: string, path: string[]): void => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'visiting') throw new Error(`cycle: ${[...path, folder]}`);
      state.set(folder, 'visiting');
      for (const next of config.LAYERS[folder] ?? []) visit(next, [...path, folder]);
      state.set(folder, 'done');
    };
    for (const folder of Object.keys(config.LAYERS)) visit(folder, []);
    for (const targets of Object.values(config.LAYERS)) {
      for (const target of targets) expect(Object.keys(config.LAYERS)).toContain(target);
    }
  });

  it("match README's diagram arrow for arrow (cli, wiring and pipeline are drawn as entry points)", async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const diagram =
      /```mermaid\n(flowchart TD\n\s*%% lib-layers[\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(diagram).not.toBe('');
    const drawn = [...diagram.matchAll(/^\s*(\w+)\s*-->\s*(\w+)\s*$/gm)]
      .map((m) => `${m[1]} -> ${m[2]}`)
      .sort();
    const allowed = Object.entries(config.LAYERS)
      .filter(([folder]) => !['cli', 'wiring', 'pipeline'].includes(folder))
      .flatMap(([folder, targets]) => targets.map((target) => `${folder} -> ${target}`))
      .concat(['cli -> pipeline', 'cli -> wiring', 'wiring -> pipeline'])
      .sort();
    expect(drawn).toEqual(allowed);
  });
});
