/** The time source a pacer waits on: the wall clock in production, a fake one in tests. */
export interface PaceClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves once `ms` milliseconds have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

/** The wall clock, waiting with timers. */
export const systemPaceClock: PaceClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Hands out permission to call, per key (an account and region), at a fixed rate. */
export interface Pacer {
  /** Resolves when one call for `key` may be made; callers of one key are served in order. */
  take(key: string): Promise<void>;
}

/** How fast a pacer lets calls through. */
export interface PacerOptions {
  readonly clock: PaceClock;
  /** Calls per second per key. @default 2 (CloudTrail LookupEvents per account and region) */
  readonly ratePerSecond?: number;
  /**
   * Calls that may go at once after a quiet spell. @default 1: calls are then at least
   * 1/rate apart, so no window of one second ever holds more than `rate` of them.
   */
  readonly burst?: number;
}

interface Bucket {
  tokens: number;
  at: number;
  queue: Promise<void>;
}

/**
 * A token bucket per key on an injected clock. Bottleneck's reservoir waits on the wall clock,
 * which a test cannot advance; this one waits on the clock it is given.
 */
export function createPacer(options: PacerOptions): Pacer {
  const rate = options.ratePerSecond ?? 2;
  const burst = options.burst ?? 1;
  const { clock } = options;
  const buckets = new Map<string, Bucket>();

  async function takeFrom(bucket: Bucket): Promise<void> {
    const refill = () => {
      const now = clock.now();
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * rate) / 1000);
      bucket.at = now;
    };
    refill();
    if (bucket.tokens < 1) {
      await clock.sleep(Math.ceil(((1 - bucket.tokens) * 1000) / rate));
      refill();
      // A clock that woke a little early still lets the call through: the debt is carried.
    }
    bucket.tokens -= 1;
  }

  return {
    take(key) {
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: burst, at: clock.now(), queue: Promise.resolve() };
        buckets.set(key, bucket);
      }
      const own = bucket;
      const turn = own.queue.then(() => takeFrom(own));
      own.queue = turn.catch(() => {});
      return turn;
    },
  };
}
