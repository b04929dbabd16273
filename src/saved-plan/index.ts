/**
 * Saved plans (SPEC 5): the plan document written by `plan --out` and read
 * by `apply FILE`, and what makes applying one safe — a digest of the desired
 * state, a precondition per action checked against a fresh read of the
 * platform, and a fingerprint of the variables its secrets come from. This
 * is shell code (it hashes, and reads the schema file); the renderers stay
 * pure and never import it.
 */
export { buildPlanDocument } from './build-document.js';
export { desiredDigest, liveObjectDigest } from './digest.js';
export { PLAN_SCHEMA_URL, parsePlanDocument, planDocumentErrors } from './parse-document.js';
export type { PreconditionCheck, StaleAction } from './preconditions.js';
export { checkPreconditions, computePreconditions } from './preconditions.js';
export { planVariableNames, secretsFingerprint, variablesUnchanged } from './variables.js';
export type { FreshContext } from './staleness.js';
export { assertSavedPlanFresh, staleReasons } from './staleness.js';
