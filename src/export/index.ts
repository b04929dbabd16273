/**
 * src/export: `seqera-sync export`, adopting a live organisation as
 * code. It reads the platform through the ordinary reader (src/state), maps
 * the actual state to the YAML shapes of src/formats/written.ts with a pure
 * core (build-export.ts), and writes the config dir's layout. The files
 * validate, and a plan right after shows no changes (items whose variables
 * are not set are left as they are). Secret fields are written as `${VAR}`
 * references with predictable names (variable-names.ts); no secret value is
 * ever read, kept or printed. What each file holds comes from the kinds'
 * export facets (src/kinds/kind-export.ts), laid out by export-layout.ts.
 *
 * It reaches the kinds through the registry (src/kinds/index.ts) and calls
 * only their export facets: no planner or applier code runs in an export.
 */
export { buildExport, type BuildExportInput } from './build-export.js';
export { loadExportSchema, type ExportSchema } from '../kinds/kit/export-schema.js';
export type { ExportModel, ExportVariable, ExportedFile } from '../kinds/kit/export-model.js';
export { readLiveOrg, exportReadScope, type LiveOrg } from './read-live.js';
export { renderYaml } from './render-yaml.js';
export {
  EXPORT_FORMATS,
  renderExportResult,
  renderExportWarnings,
  type ExportFormat,
} from './render-result.js';
export { runExport, displayPath, type ExportOptions, type ExportResult } from './run-export.js';
export { upperSnake, variableBaseName, VariableNames } from '../kinds/kit/variable-names.js';
