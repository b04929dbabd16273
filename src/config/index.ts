/**
 * src/config: the YAML files → desired state (see README.md). Reads the config dir,
 * parses YAML safely with positions, validates against `schemas/*.schema.json`
 * and the semantic rules, checks where `${NAME}`s are and normalises into
 * `src/model/desired.ts`. It does file IO but no network, and imports nothing
 * from api/, plan/, render/, apply/ or cli/.
 *
 * Public entry points: `loadDesiredState` (load-desired-state.ts) and
 * `parseVariables` (variables.ts: the per-workspace values of SecretRefs).
 */
export { loadDesiredState, sortDiagnostics } from './load-desired-state.js';
export {
  noVariables,
  parseVariables,
  scopeKey,
  VARS_VARIABLE,
  variablesOf,
  type Variables,
} from '../secrets/variables.js';
export { VARIABLE_NAME } from '../formats/interpolate.js';
export * from '../formats/written.js';
