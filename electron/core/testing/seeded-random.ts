/**
 * Deterministic randomness for generated tests, so a failure names the seed that reproduces it.
 */

/** A small seeded generator (mulberry32): floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value between `min` and `max` whose logarithm is uniform: 100 ms and 2 h are as likely as 1 min and 1 h. */
export function logUniform(next: () => number, min: number, max: number): number {
  return Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min)));
}
