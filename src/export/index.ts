/**
 * src/export: `seqera-sync export`, adopting a live organisation as
 * code. It reads the platform through the ordinary reader (src/state), maps
 * the actual state to the YAML shapes of src/config/written.ts with a pure
 * core (build-export.ts), and writes the config dir's layout. The files
 * validate, and a plan right after shows no changes (credentials whose
 * variables are not set are noted as "keys not compared"). Secret fields are
 * written as `${VAR}` references with predictable names (variable-names.ts);
 * no secret value is ever read, kept or printed.
 *
 * It must not import the planner's or applier's side effects: only the pure
 * helpers of src/plan that define what is compared.
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
