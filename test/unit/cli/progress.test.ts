import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../lib/cli/progress.js';

function sink() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

describe('Function: createProgress', () => {
  it('redraws one line on a terminal and clears it at the end', () => {
    const out = sink();
    const progress = createProgress(out, true);
    progress.update(1, 2, 'a');
    progress.update(2, 2, 'b');
    progress.done();
    expect(out.text()).toBe('\r\x1b[2Kcollected 1/2: a\r\x1b[2Kcollected 2/2: b\r\x1b[2K');
  });

  it('writes plain lines when not a terminal', () => {
    const out = sink();
    const progress = createProgress(out, false);
    progress.update(1, 1, 'a');
    progress.done();
    expect(out.text()).toBe('collected 1/1: a\n');
  });
});
