import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../../..');
const recorder = join(import.meta.dirname, 'support/record-imports.mjs');

interface Form {
  readonly name: string;
  /** Node flags before the entry: the clone form's TypeScript loader. */
  readonly flags: string[];
  /** The entry module. */
  entry(): string;
}

let pkg: string;
let version: string;
let bin: string;

// One real build (`tsc -p tsconfig.build.json`, as `npm run build`) into a directory laid out
// like the installed package: package.json, dist/, node_modules. Built here rather than in a
// globalSetup so that only this file pays the ~7 s, and against a copy so a developer's own
// dist/ is neither needed nor overwritten.
beforeAll(async () => {
  pkg = await mkdtemp(join(tmpdir(), 'statetrail-pkg-'));
  await copyFile(join(repo, 'package.json'), join(pkg, 'package.json'));
  await symlink(join(repo, 'node_modules'), join(pkg, 'node_modules'));
  await mkdir(join(pkg, 'dist'));
  await run(
    process.execPath,
    [
      join(repo, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(repo, 'tsconfig.build.json'),
      '--outDir',
      join(pkg, 'dist'),
    ],
    { cwd: repo },
  );
  const manifest = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
  version = manifest.version;
  bin = manifest.bin.statetrail;
}, 180_000);

afterAll(async () => {
  if (pkg) await rm(pkg, { recursive: true, force: true });
});

const built: Form = {
  name: 'built (package.json bin)',
  flags: [],
  entry: () => join(pkg, bin),
};
const clone: Form = {
  name: 'clone (tsx)',
  flags: ['--import', 'tsx'],
  entry: () => join(repo, 'lib/cli/main.ts'),
};

/** Runs the CLI with the import recorder; returns its output and every module URL it resolved. */
async function traced(form: Form, argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const log = join(await mkdtemp(join(tmpdir(), 'statetrail-imports-')), 'imports.log');
  const child = await run(
    process.execPath,
    [...form.flags, '--import', recorder, form.entry(), ...argv],
    {
      cwd: repo,
      env: { ...env, STATETRAIL_IMPORT_LOG: log },
    },
  ).catch((error: { code: number; stdout: string; stderr: string }) => error);
  const modules = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  await rm(join(log, '..'), { recursive: true, force: true });
  return { code: 'code' in child ? child.code : 0, ...child, modules };
}

const packages = (modules: string[]) => [
  ...new Set(modules.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? [])),
];

describe('the built CLI', () => {
  it('prints the version in package.json', async () => {
    const { stdout } = await run(process.execPath, [built.entry(), '--version']);
    expect(stdout).toBe(`${version}\n`);
  });

  it('prints its usage for --help', async () => {
    const { stdout } = await run(process.execPath, [built.entry(), '--help']);
    expect(stdout).toContain('Usage: statetrail <command>');
    expect(stdout).toContain('Usage: statetrail drift');
  });
});

describe.each([built, clone])('start-up of the $name CLI', (form) => {
  it.each([['--help'], ['--version']])('%s loads no package and no command', async (flag) => {
    const { code, modules } = await traced(form, [flag]);
    expect(code).toBe(0);
    expect(modules.some((url) => /\/lib\/cli\/usage\.[jt]s$/.test(url))).toBe(true);
    expect(packages(modules)).toEqual([]);
    expect(modules.filter((url) => /\/lib\/cli\/\w+-command\.[jt]s$/.test(url))).toEqual([]);
  });
});

describe('start-up of a command (built CLI)', () => {
  const snapshot = join(repo, 'test/unit/cli/support');

  it('drift of local states loads neither the AWS SDK nor the Kubernetes client', async () => {
    const { code, stderr, modules } = await traced(built, [
      'drift',
      '--snapshot',
      snapshot,
      '--state',
      join(snapshot, 'none.tfstate'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('none.tfstate');
    expect(modules.some((url) => url.endsWith('/drift-command.js'))).toBe(true);
    const loaded = packages(modules);
    expect(loaded).toContain('zod');
    expect(loaded.filter((name) => /^@aws-sdk\/|^@smithy\/|^@kubernetes\//.test(name))).toEqual([]);
  });

  it('drift of an s3:// state loads the S3 client, and prints no SDK Node version notice', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'AKIDSTARTUPTEST',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
    };
    delete env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'];
    const { code, stderr, modules } = await traced(
      built,
      [
        'drift',
        '--snapshot',
        snapshot,
        '--state',
        's3://statetrail-start-up/none.tfstate',
        '--endpoint',
        's3=http://127.0.0.1:9',
      ],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('s3://statetrail-start-up/none.tfstate');
    expect(packages(modules)).toContain('@aws-sdk/client-s3');
    expect(stderr).not.toMatch(/NodeVersionSupportWarning|AWS SDK for JavaScript/);
  });
});
