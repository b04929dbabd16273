/**
 * The robustness suite's seeded randomness and size knobs. Every case draws
 * from its own generator, seeded from (suite seed, case index), so one failing
 * case can be rerun alone with the seed and index it prints.
 */

/** A float in [0, 1); the same seed gives the same sequence (sfc32). */
export interface Rng {
  (): number;
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A random subset, in the original order. */
  subset<T>(items: readonly T[]): T[];
}

/** 32-bit hash of the seed and case index, so neighbouring cases are unrelated. */
function mix(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The generator of case `index` of a suite run with `seed`. */
export function caseRng(seed: number, index: number): Rng {
  let a = mix(seed, index);
  let b = mix(seed + 1, index);
  let c = mix(seed + 2, index);
  let d = mix(seed + 3, index);
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = next as Rng;
  rng.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  rng.pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  rng.chance = (p) => next() < p;
  rng.subset = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.5);
  return rng;
}

/** `SEQERA_SYNC_SOAK=1`: the larger, slower run (`npm run test:soak`). */
export const SOAK = process.env.SEQERA_SYNC_SOAK === '1';

/** A whole-number setting from the environment, else the soak or default value. */
export function sizeFromEnv(name: string, normal: number, soak: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return SOAK ? soak : normal;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got '${raw}'`);
  return value;
}

/** An optional case index to run alone (reproducing one printed failure). */
export function onlyCaseFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a case index, got '${raw}'`);
  return value;
}
