/**
 * The `export` use-case: read the organisation (read-live.ts), map it to
 * files (build-export.ts, pure), render them (render-yaml.ts) and write them
 * (write-files.ts) as `<outDir>/<org>/organization.yaml` and
 * `<outDir>/<org>/<workspace>.yaml`, the config dir's layout, with the files
 * the kinds attach (content the items name) under `<outDir>/<org>/`.
 */
import path from 'node:path';
import type { ApiClient } from '../api/api-client.js';
import { buildExport } from './build-export.js';
import { loadExportSchema } from '../kinds/kit/export-schema.js';
import type { ExportModel } from '../kinds/kit/export-model.js';
import { readLiveOrg } from './read-live.js';
import { renderYaml } from './render-yaml.js';
import { writeExportFiles, type FileToWrite } from './write-files.js';

export interface ExportOptions {
  readonly org: string;
  /** Workspace names; empty = the whole organisation (with organization.yaml). */
  readonly workspaces: readonly string[];
  /** Absolute directory that receives `<org>/`. */
  readonly outDir: string;
  readonly force: boolean;
  /** Directory paths are shown relative to (when inside it). */
  readonly cwd: string;
}

export interface ExportResult {
  /** Written files as shown to the user, in write order. */
  readonly files: readonly string[];
  readonly model: ExportModel;
}

/** `file` relative to `cwd` with `/` when inside it, else absolute. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join('/');
}

export async function runExport(client: ApiClient, options: ExportOptions): Promise<ExportResult> {
  const schema = await loadExportSchema();
  const live = await readLiveOrg(client, options.org, options.workspaces);
  const model = buildExport(
    {
      org: live.org,
      tokenEmail: live.tokenEmail,
      withOrganization: live.withOrganization,
      workspaces: live.workspaces,
    },
    schema,
  );
  const folder = path.join(options.outDir, options.org);
  const files: FileToWrite[] = model.files.map((file) => {
    const target = path.join(folder, `${file.name}.yaml`);
    return {
      path: target,
      display: displayPath(options.cwd, target),
      text: renderYaml(file.kind, file.content),
    };
  });
  for (const attachment of model.attachments) {
    const target = path.join(folder, ...attachment.path);
    files.push({
      path: target,
      display: displayPath(options.cwd, target),
      text: await attachment.read(client),
    });
  }
  await writeExportFiles(files, options.force);
  return { files: files.map((f) => f.display), model };
}
