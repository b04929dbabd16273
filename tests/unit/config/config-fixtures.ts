/** Paths of the config fixtures and a helper to load one case. */
import path from 'node:path';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import type { Diagnostic } from '../../../src/model/diagnostics.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

export const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'config');
export const INVALID = path.join(FIXTURES, 'invalid');
export const VALID = path.join(FIXTURES, 'valid');
export const ESTATE = path.join(REPO_ROOT, 'workspaces');

/** Every diagnostic (errors and warnings) of loading a config dir. */
export async function diagnosticsOf(configDir: string): Promise<readonly Diagnostic[]> {
  const loaded = await loadDesiredState(configDir);
  return loaded.ok ? loaded.warnings : loaded.diagnostics;
}
