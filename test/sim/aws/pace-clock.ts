import type { PaceClock } from '../../../lib/attribution/pacer.js';

/** A clock that only moves when someone sleeps on it. */
export function fakePaceClock(
  start = Date.parse('2026-11-22T10:00:00Z'),
): PaceClock & { time: number } {
  const clock: PaceClock & { time: number } = {
    time: start,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
  };
  return clock;
}
