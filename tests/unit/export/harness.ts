/**
 * Runs the export's pure core on a built actual state, writes the rendered
 * files to a temporary config dir and loads them back with the real loader
 * (`mode: validate`), so a test can assert on the mapping, on the YAML text
 * and on the plan of what was written. Temporary dirs are removed by
 * `cleanExportDirs` (call it in `afterAll`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { buildExport } from '../../../src/export/build-export.js';
import { loadExportSchema } from '../../../src/kinds/kit/export-schema.js';
import type { ExportModel } from '../../../src/kinds/kit/export-model.js';
import { renderYaml } from '../../../src/export/render-yaml.js';
import type { ActualState } from '../../../src/model/actual.js';
import type { Diagnostic, Loaded } from '../../../src/model/diagnostics.js';
import type { DesiredState } from '../../../src/model/desired.js';

export interface ExportedDir {
  readonly model: ExportModel;
  /** The config dir (holds `<org>/`). */
  readonly dir: string;
  /** File name (`organization.yaml`, `<ws>.yaml`) → text. */
  readonly texts: Readonly<Record<string, string>>;
  readonly loaded: Loaded<DesiredState>;
}

const dirs: string[] = [];

export async function exportToDir(
  actual: ActualState,
  org: string,
  options: { readonly workspaces?: readonly string[] } = {},
): Promise<ExportedDir> {
  const live = actual.orgs.find((o) => o.name === org);
  if (live === undefined) throw new Error(`no org ${org} in the actual state`);
  const model = buildExport(
    {
      org: live,
      tokenEmail: actual.user.email,
      withOrganization: options.workspaces === undefined,
      workspaces: options.workspaces ?? live.workspaces.map((ws) => ws.name),
    },
    await loadExportSchema(),
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'seqera-sync-export-unit-'));
  dirs.push(dir);
  await mkdir(path.join(dir, org));
  const texts: Record<string, string> = {};
  for (const file of model.files) {
    const text = renderYaml(file.kind, file.content);
    texts[`${file.name}.yaml`] = text;
    await writeFile(path.join(dir, org, `${file.name}.yaml`), text);
  }
  const loaded = await loadDesiredState(dir);
  return { model, dir, texts, loaded };
}

/** The desired state read back; fails the test with every diagnostic when the files do not validate. */
export function desiredOf(exported: ExportedDir): DesiredState {
  if (!exported.loaded.ok) {
    const lines = exported.loaded.diagnostics.map(
      (d: Diagnostic) => `${d.file}:${d.line}: ${d.message} (${d.pointer})`,
    );
    throw new Error(`the exported files do not validate:\n${lines.join('\n')}`);
  }
  return exported.loaded.value;
}

export async function cleanExportDirs(): Promise<void> {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
