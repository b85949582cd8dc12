import { describe, expect, it } from 'vitest';
import { createPacer } from '../../../lib/attribution/pacer.js';
import { fakePaceClock } from '../../sim/aws/pace-clock.js';

describe('createPacer', () => {
  it('lets calls of one key through at most twice in any second', async () => {
    const clock = fakePaceClock();
    const pacer = createPacer({ clock });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, async () => {
        await pacer.take('a|eu-west-1');
        times.push(clock.now());
      }),
    );
    expect(times).toHaveLength(7);
    for (const at of times) {
      expect(times.filter((t) => t > at - 1000 && t <= at).length).toBeLessThanOrEqual(2);
    }
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBe(3000);
  });

  it('paces each account and region on its own', async () => {
    const clock = fakePaceClock();
    const pacer = createPacer({ clock });
    const start = clock.now();
    await pacer.take('a|eu-west-1');
    await pacer.take('b|eu-west-1');
    await pacer.take('a|us-east-1');
    expect(clock.now()).toBe(start);
  });
});
