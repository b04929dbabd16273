/**
 * Property tests are seeded so CI is reproducible: the same cases every run.
 * Explore other cases locally with FC_SEED=<n> (a failure prints its seed and
 * path; set FC_SEED to that seed to replay it).
 */
import fc from 'fast-check';

const fromEnv = process.env.FC_SEED;
fc.configureGlobal({ seed: fromEnv === undefined || fromEnv === '' ? 20261127 : Number(fromEnv) });
