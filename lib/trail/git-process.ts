import { spawn } from 'node:child_process';

/** The result of one git invocation. */
export interface GitResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Options of one git invocation. */
export interface GitRunOptions {
  readonly cwd: string;
  readonly input?: Uint8Array | string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs git with arguments (never through a shell) and collects its output. */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => {
      // git may exit before reading all input (e.g. a bad ref); its exit code tells.
    });
    child.stdin.end(options.input ?? '');
  });
}
