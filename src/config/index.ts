/**
 * src/config: the YAML files → desired state (SPEC 3). Reads the config dir,
 * parses YAML safely with positions, validates against `schemas/*.schema.json`
 * and the semantic rules, interpolates `${VAR}`s and normalises into
 * `src/model/desired.ts`. It does file IO but no network, and imports nothing
 * from api/, plan/, render/, apply/ or cli/.
 *
 * Public entry points: `loadDesiredState` (load-desired-state.ts) and
 * `resolveVariables` (variables.ts, also used by the applier for SecretRefs).
 */
export { loadDesiredState, sortDiagnostics, type LoadOptions } from './load-desired-state.js';
export { resolveVariables, VARIABLE_NAME, VARS_VARIABLE } from './variables.js';
export type { LoadMode } from './load-file.js';
export * from './written.js';
