/**
 * The pure core of `export`: live state of one organisation → the files to
 * write, the variables they reference and the warnings. No IO: the caller
 * reads the platform (read-live.ts) and writes the files (write-files.ts).
 */
import type { ActualOrg } from '../model/actual.js';
import { SyncError } from '../errors.js';
import type { ExportSchema } from '../kinds/kit/export-schema.js';
import { newSink, type ExportedFile, type ExportModel } from '../kinds/kit/export-model.js';
import { byName, type MapContext } from '../kinds/kit/export-context.js';
import { mapOrganization } from '../kinds/organization/export.js';
import { mapWorkspace } from '../kinds/workspace/export.js';
import { VariableNames } from '../kinds/kit/variable-names.js';

export interface BuildExportInput {
  /** The organisation as read: members and teams (with members) when `withOrganization`, the selected workspaces' collections. */
  readonly org: ActualOrg;
  /** The token's own user (lower-cased), from `GET /user-info`. */
  readonly tokenEmail: string;
  /** Write `organization.yaml` (members, teams): the whole-organisation export. */
  readonly withOrganization: boolean;
  /** Names of the workspaces to write. */
  readonly workspaces: readonly string[];
}

export function buildExport(input: BuildExportInput, schema: ExportSchema): ExportModel {
  const sink = newSink();
  const names = new VariableNames();
  const org = input.org.name;
  const contextFor = (file: string): MapContext => ({
    org,
    schema,
    names,
    sink,
    file: `${org}/${file}`,
    ignore: {},
  });
  const files: ExportedFile[] = [];
  let declaredTeams: ReadonlySet<string> | undefined;
  if (input.withOrganization) {
    const content = mapOrganization(contextFor('organization.yaml'), input.org, input.tokenEmail);
    const issues = schema.validate('organization', content);
    if (issues.length > 0) {
      throw new SyncError(
        `cannot export organisation ${org}: ${issues[0]?.message ?? 'invalid'} (${issues[0]?.pointer ?? ''})`,
      );
    }
    files.push({ kind: 'organization', name: 'organization', content });
    declaredTeams = new Set((content.teams ?? []).map((t) => t.name));
  }
  const selected = new Set(input.workspaces);
  for (const ws of [...input.org.workspaces].sort(byName)) {
    if (!selected.has(ws.name)) continue;
    const content = mapWorkspace(contextFor(`${ws.name}.yaml`), ws, {
      tokenEmail: input.tokenEmail,
      ...(declaredTeams === undefined ? {} : { declaredTeams }),
    });
    if (content !== undefined) files.push({ kind: 'workspace', name: ws.name, content });
  }
  return {
    org,
    files,
    variables: sink.variables,
    unfingerprinted: sink.unfingerprinted,
    warnings: sink.warnings,
  };
}
