/** Draws scan progress on standard error: a live line on a terminal, plain lines otherwise. */
export interface Progress {
  update(done: number, total: number, key: string): void;
  done(): void;
}

/**
 * A terminal gets one line redrawn in place; a log file or pipe gets a plain line per target,
 * which stays readable in CI logs.
 */
export function createProgress(stderr: { write(text: string): unknown }, isTTY: boolean): Progress {
  let drawn = false;
  return {
    update(done, total, key) {
      const line = `collected ${done}/${total}: ${key}`;
      if (isTTY) {
        stderr.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else {
        stderr.write(`${line}\n`);
      }
    },
    done() {
      if (drawn) stderr.write('\r\x1b[2K');
    },
  };
}
