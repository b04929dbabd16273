/**
 * `access-report` as a use case: the configuration (for `declared` and
 * pending people; no variable values needed), the live access of the
 * organisation, the report, and the changes since `--previous`.
 */
import type { ApiClient } from '../api/api-client.js';
import { loadDesiredState } from '../config/load-desired-state.js';
import { ConfigInvalidError } from '../errors.js';
import { buildReport } from './build-report.js';
import { declaredAccess, type DeclaredAccess } from './declared-access.js';
import { withChanges } from './diff-reports.js';
import type { AccessReport } from './model.js';
import { readPreviousReport } from './previous-report.js';
import { readAccess } from './read-access.js';

export interface AccessReportRequest {
  readonly org: string;
  /** Absolute path of the config dir. */
  readonly configDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--previous`: absolute path and the name to show in errors. */
  readonly previous?: { readonly path: string; readonly shownAs: string };
  readonly now: () => Date;
  /** Configuration warnings (file:line: message). */
  readonly warn: (line: string) => void;
}

/**
 * What the configuration declares for `org`. Only that small extract is
 * kept: the whole desired state is garbage before the platform is read.
 */
async function loadDeclared(request: AccessReportRequest): Promise<DeclaredAccess> {
  const loaded = await loadDesiredState(request.configDir);
  if (!loaded.ok) throw new ConfigInvalidError(loaded.diagnostics);
  for (const w of loaded.warnings) request.warn(`${w.file}:${w.line}:${w.column}: warning: ${w.message}`);
  return declaredAccess(loaded.value.orgs.find((o) => o.name === request.org));
}

export async function runAccessReport(
  client: ApiClient,
  request: AccessReportRequest,
): Promise<AccessReport> {
  // The earlier report is checked first: a bad file fails before any request.
  const previous =
    request.previous === undefined
      ? undefined
      : await readPreviousReport(request.previous.path, request.previous.shownAs, request.org);
  const declared = await loadDeclared(request);
  const live = await readAccess(client, request.org);
  const report = buildReport(live, declared, {
    generatedAt: request.now().toISOString(),
    endpoint: client.endpoint,
  });
  return previous === undefined ? report : withChanges(report, previous);
}
