/**
 * `seqera-sync access-report --org ORG [--format html|csv|json|markdown]
 * [--out FILE] [--previous FILE]`: who can do what where, and why — one row
 * per person × workspace with the effective role and every source of it,
 * read from the platform at its list floor beside the configuration. Without
 * `--format` the format follows `--out`'s extension, else html. With
 * `--out` the report is written to FILE (a line on stderr says so),
 * otherwise to stdout. `--previous` takes an earlier JSON report and adds
 * what was granted, revoked or changed since.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  ACCESS_REPORT_FORMATS,
  formatOfFileName,
  renderReport,
  runAccessReport,
  type AccessReportFormat,
} from '../../access-report/index.js';
import { ExitCode, FileError, UsageError } from '../../errors.js';
import { createClientFor } from '../../usecases/run-plan.js';
import type { CliDeps } from '../deps.js';
import { chooseFormat, readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../program.js';

interface AccessReportFlags {
  org: string;
  out?: string;
  previous?: string;
}

async function writeReport(target: string, text: string): Promise<void> {
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', mode: 0o644 });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    const reason = err instanceof Error && 'code' in err ? String(err.code) : 'write failed';
    throw new FileError(target, `cannot write the report to ${target}: ${reason}`);
  }
}

export function registerAccessReportCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('access-report')
    .description(
      'who can do what where, and why: people × workspaces × effective role and its sources (format: html, csv, json or markdown)',
    )
    .requiredOption('--org <org>', 'the organisation to report on')
    .option('--out <file>', 'write the report to FILE instead of stdout')
    .option('--previous <file>', 'an earlier JSON report: adds what was granted, revoked or changed since')
    .addHelpText(
      'after',
      "\nWithout --format the format follows --out's extension (.html, .csv, .json, .md), else html.",
    )
    .action(async (flags: AccessReportFlags, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      if (globals.workspaces.length > 0) {
        throw new UsageError('access-report covers the whole organisation: --workspace is not supported');
      }
      const fallback: AccessReportFormat =
        (flags.out === undefined ? undefined : formatOfFileName(flags.out)) ?? 'html';
      const format = chooseFormat(globals.format, ACCESS_REPORT_FORMATS, fallback);
      const client = createClientFor(deps, globals);
      const report = await runAccessReport(client, {
        org: flags.org,
        configDir: path.resolve(deps.cwd, globals.configDir),
        env: deps.env,
        ...(flags.previous === undefined
          ? {}
          : { previous: { path: path.resolve(deps.cwd, flags.previous), shownAs: flags.previous } }),
        now: () => new Date(),
        warn: (line) => {
          if (!globals.quiet) deps.stderr(`${line}\n`);
        },
      });
      const text = renderReport(report, format);
      if (flags.out === undefined) {
        deps.stdout(text);
      } else {
        const target = path.resolve(deps.cwd, flags.out);
        await writeReport(target, text);
        if (!globals.quiet) {
          const s = report.summary;
          deps.stderr(
            `access report of ${report.org.name} (${format}) written to ${flags.out}: ${s.people} people, ${s.workspaces} workspaces, ${s.rows} rows, ${s.unmanagedGrants} unmanaged grants\n`,
          );
        }
      }
      setExit(ExitCode.Ok);
    });
}
