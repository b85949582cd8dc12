import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli/run-cli.js';
import { SCAN_SERVICES, USAGE } from '../../../lib/cli/usage.js';
import { packageVersion } from '../../../lib/cli/version.js';
import { AwsService } from '../../../lib/model/index.js';

const manifest = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
);

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('usage and version', () => {
  it('lists in the help exactly the services scan --service accepts', () => {
    expect([...SCAN_SERVICES]).toEqual(AwsService.options);
    expect(USAGE).toContain(`--service S            ${AwsService.options.join(', ')};`);
  });

  it('answers --version and -v with the version in package.json', async () => {
    expect(await cli(['--version'])).toEqual({
      code: 0,
      stdout: `${manifest.version}\n`,
      stderr: '',
    });
    expect((await cli(['-v'])).stdout).toBe(`${manifest.version}\n`);
  });

  it('finds package.json from a built module two levels deeper, passing over other packages', () => {
    const deep = new URL('../../../node_modules/zod/index.js', import.meta.url).href;
    expect(packageVersion(deep)).toBe(manifest.version);
    expect(packageVersion(new URL('../../../dist/lib/cli/version.js', import.meta.url).href)).toBe(
      manifest.version,
    );
  });

  it('names an unknown command and exits 2', async () => {
    const { code, stderr } = await cli(['sacn']);
    expect(code).toBe(2);
    expect(stderr).toBe('statetrail: Unknown command sacn; run statetrail --help\n');
  });
});
