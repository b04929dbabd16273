/**
 * `seqera-sync export --org ORG [--workspace NAME…] [--out-dir DIR] [--force]`:
 * writes `DIR/<org>/organization.yaml` and `DIR/<org>/<name>.yaml`
 * from the live platform, to adopt workspaces made by hand. DIR defaults to
 * the config dir. Existing files are not overwritten without `--force`. With
 * `--workspace` (repeatable; `NAME` or `ORG/NAME`) only those workspaces are
 * written, and no organisation file. Prints the files and the `${VAR}`s to
 * set (`--format json`: `{files, variables, unfingerprinted, warnings}`);
 * warnings go to stderr.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { ExitCode, UsageError } from '../../errors.js';
import { EXPORT_FORMATS, renderExportResult, renderExportWarnings, runExport } from '../../export/index.js';
import { createClientFor } from '../../usecases/run-plan.js';
import type { CliDeps } from '../../usecases/deps.js';
import { chooseFormat, readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../set-exit.js';

interface ExportFlags {
  org: string;
  outDir?: string;
  force?: boolean;
}

/**
 * Export's `--workspace` takes `NAME` (in `--org`) as well as the global
 * `ORG/NAME`: bare names are rewritten to `ORG/NAME` before the global
 * options are read. A different organisation is a usage error.
 */
function qualifyWorkspaces(cmd: Command, org: string): void {
  for (const target of cmd.parent === null ? [cmd] : [cmd, cmd.parent]) {
    const raw: unknown = target.getOptionValue('workspace');
    if (!Array.isArray(raw)) continue;
    const qualified = raw.map((value: unknown) => {
      const text = String(value);
      if (!text.includes('/')) return `${org}/${text}`;
      if (!text.startsWith(`${org}/`)) {
        throw new UsageError(`--workspace ${text} is not in the exported organisation ${org}`);
      }
      return text;
    });
    target.setOptionValue('workspace', qualified);
  }
}

export function registerExportCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('export')
    .description(
      'write organisation and workspace YAML from the live platform, to adopt what was made by hand (format: text or json)',
    )
    .requiredOption('--org <org>', 'the organisation to export')
    .option('--out-dir <dir>', 'directory that receives <org>/*.yaml (default: the config dir)')
    .option('--force', 'overwrite files that exist')
    .addHelpText(
      'after',
      '\nWith --workspace NAME (repeatable; NAME or ORG/NAME) only those workspaces are written, and no organization.yaml.',
    )
    .action(async (flags: ExportFlags, cmd: Command) => {
      qualifyWorkspaces(cmd, flags.org);
      const globals = readGlobalOptions(cmd, deps);
      const format = chooseFormat(globals.format, EXPORT_FORMATS, 'text');
      const client = createClientFor(deps, globals);
      const result = await runExport(client, {
        org: flags.org,
        workspaces: globals.workspaces.map((w) => w.slice(w.indexOf('/') + 1)),
        outDir: path.resolve(deps.cwd, flags.outDir ?? globals.configDir),
        force: flags.force === true,
        cwd: deps.cwd,
      });
      if (!globals.quiet) deps.stderr(renderExportWarnings(result));
      deps.stdout(renderExportResult(result, format));
      setExit(ExitCode.Ok);
    });
}
