/**
 * `seqera-sync validate [--format text|github|json]`: offline schema and
 * semantic checks of the config dir. Exit 0 when valid (warnings allowed),
 * 1 when not. Never needs the token, the network or the values of variables.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { ExitCode, SyncError } from '../../errors.js';
import { loadDesiredState } from '../../config/load-desired-state.js';
import type { DesiredState } from '../../model/desired.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { escapeText } from '../../render/escape-text.js';
import { withConfigProgress } from '../../usecases/config-progress.js';
import type { CliDeps } from '../../usecases/deps.js';
import { chooseFormat, readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../set-exit.js';

export const VALIDATE_FORMATS = ['text', 'github', 'json'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export interface ValidationReport {
  readonly valid: boolean;
  /** Files read when valid; files with errors when not. */
  readonly fileCount: number;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

export function registerValidateCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('validate')
    .description('check the configuration offline: schemas and semantic rules (format: text, github or json)')
    .action(async (_options: unknown, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      const format = chooseFormat<ValidateFormat>(globals.format, VALIDATE_FORMATS, 'text');
      const configDir = path.resolve(deps.cwd, globals.configDir);
      let report: ValidationReport;
      try {
        const loaded = await withConfigProgress(deps, globals.quiet, (progress) =>
          loadDesiredState(
            configDir,
            // Annotations name files from the root of the checkout that holds the config dir
            // (`workspaces/<org>/<name>.yaml`), which is where GitHub shows them; a person
            // at a terminal gets paths from where they are.
            format === 'github' ? { progress } : { displayFrom: deps.cwd, progress },
          ),
        );
        report = loaded.ok ? validReport(loaded.value, loaded.warnings) : invalidReport(loaded.diagnostics);
      } catch (err) {
        if (format === 'github' && err instanceof SyncError) {
          deps.stdout(`::error title=seqera-sync validate::${escapeData(escapeText(err.message))}\n`);
        }
        throw err;
      }
      deps.stdout(renderReport(report, format, globals.quiet));
      setExit(report.valid ? ExitCode.Ok : ExitCode.Failure);
    });
}

function validReport(state: DesiredState, warnings: readonly Diagnostic[]): ValidationReport {
  const fileCount = state.orgs.reduce((n, org) => n + (org.hasFile ? 1 : 0) + org.workspaces.length, 0);
  return { valid: true, fileCount, errors: [], warnings };
}

function invalidReport(diagnostics: readonly Diagnostic[]): ValidationReport {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    valid: false,
    fileCount: new Set(errors.map((d) => d.file)).size,
    errors,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}

/** The command's whole output for one report. */
export function renderReport(report: ValidationReport, format: ValidateFormat, quiet: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          valid: report.valid,
          errors: report.errors.map(jsonDiagnostic),
          warnings: report.warnings.map(jsonDiagnostic),
        },
        null,
        2,
      )}\n`;
    case 'github':
      return [...[...report.errors, ...report.warnings].map(githubLine), summary(report)].join('\n') + '\n';
    case 'text': {
      const shown = quiet ? report.errors : [...report.errors, ...report.warnings];
      const ordered = [...shown].sort(
        (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
      );
      return [...ordered.map(textLine), summary(report)].join('\n') + '\n';
    }
  }
}

function jsonDiagnostic(d: Diagnostic): Omit<Diagnostic, 'severity'> {
  return { file: d.file, line: d.line, column: d.column, pointer: d.pointer, message: d.message };
}

/**
 * One diagnostic as `file:line:col: severity: message (pointer)`; also used for
 * plan/apply config errors. Control characters from the file show as `\uXXXX`.
 */
export function textLine(d: Diagnostic): string {
  return escapeText(
    `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.pointer === '' ? '' : ` (${d.pointer})`}`,
  );
}

/** GitHub workflow command (annotation); see "Workflow commands for GitHub Actions". */
function githubLine(d: Diagnostic): string {
  const props = `file=${escapeProperty(escapeText(d.file))},line=${d.line},col=${d.column}`;
  const message = escapeText(d.pointer === '' ? d.message : `${d.message} (${d.pointer})`);
  return `::${d.severity} ${props}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(report: ValidationReport): string {
  const warnings = report.warnings.length > 0 ? `, ${plural(report.warnings.length, 'warning')}` : '';
  return report.valid
    ? `${plural(report.fileCount, 'file')} valid${warnings}`
    : `${plural(report.errors.length, 'error')} in ${plural(report.fileCount, 'file')}${warnings}`;
}
