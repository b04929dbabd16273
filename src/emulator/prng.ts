/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the
 * same sequence, so injected faults and generated ids are reproducible.
 */
export type Random = () => number;

/** Returns a generator of floats in [0, 1) for the given 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A platform-style string id (base62, like `4bXH2bYvZ7gVqk9XhCMi2T`). */
export function randomId(random: Random, length = 22): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET.charAt(Math.floor(random() * ALPHABET.length));
  return out;
}
