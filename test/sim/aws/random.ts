/** A source of numbers in [0, 1), like Math.random but seeded. */
export type Random = () => number;

/** One of the items, chosen by the generator. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A locally administered MAC address, as EC2 assigns. */
export function mac(random: Random): string {
  const bytes = [0x06, ...Array.from({ length: 5 }, () => Math.floor(random() * 256))];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** EC2-style ids (`i-0` + 16 hex): a counter keeps them unique, random hex makes them look real. */
export function idFactory(random: Random): (prefix: string) => string {
  let counter = 0;
  return (prefix) => {
    counter++;
    const noise = Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    return `${prefix}-0${noise}${counter.toString(16).padStart(8, '0')}`;
  };
}

// mulberry32: small, fast, well known; good enough for test data and stable across platforms.
/** A seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): Random {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
