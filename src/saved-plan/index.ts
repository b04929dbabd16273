/**
 * Saved plans: the plan document written by `plan --out` and read
 * by `apply FILE`, and what makes applying one safe — a digest of the desired
 * state, a precondition per action checked against a fresh read of the
 * platform, a fingerprint of the variables its secrets come from, and a
 * digest of its own content; the safety rules are checked again on its
 * actions before it is applied. This
 * is shell code (it hashes, and reads the schema file); the renderers stay
 * pure and never import it.
 */
export { buildPlanDocument } from './build-document.js';
export { desiredDigest, liveObjectDigest, planDocumentDigest } from './digest.js';
export { recheckSafety } from './recheck.js';
export { WITHOUT_KEY, planSchemaUrl, parsePlanDocument, planDocumentErrors } from './parse-document.js';
export type { PreconditionCheck, StaleAction } from './preconditions.js';
export { checkPreconditions, computePreconditions } from './preconditions.js';
export { planVariableNames, secretsFingerprint, variablesUnchanged } from './variables.js';
export type { FreshContext } from './staleness.js';
export { assertSavedPlanFresh, staleReasons } from './staleness.js';
