/**
 * `seqera-sync access-report --org ORG [--format html|csv|json|markdown]
 * [--out FILE] [--previous FILE]`: who can do what where, and why — one row
 * per person × workspace with the effective role and every source of it,
 * read from the platform at its list floor beside the configuration. With
 * `--out FILE` (repeatable: several formats from one read) the report is
 * written to each FILE (a line on stderr says so), otherwise to stdout.
 * `--format` sets the format of every output; without it each FILE's
 * extension decides (.html, .csv, .json, .md), and stdout gets html.
 * `--previous` takes an earlier JSON report and adds what was granted,
 * revoked or changed since.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Command } from 'commander';
import {
  ACCESS_REPORT_FORMATS,
  formatOfFileName,
  reportChunks,
  runAccessReport,
  type AccessReportFormat,
} from '../../access-report/index.js';
import { ExitCode, FileError, UsageError } from '../../errors.js';
import { createClientFor } from '../../usecases/run-plan.js';
import type { CliDeps } from '../../usecases/deps.js';
import { chooseFormat, readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../set-exit.js';

interface AccessReportFlags {
  org: string;
  out?: string[];
  previous?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The format of one output: `--format` when given, else the file's extension, else html (stdout). */
function formatFor(flag: string | undefined, file: string | undefined): AccessReportFormat {
  if (flag !== undefined) return chooseFormat(flag, ACCESS_REPORT_FORMATS, 'html');
  if (file === undefined) return 'html';
  const format = formatOfFileName(file);
  if (format === undefined) {
    throw new UsageError(
      `--out ${file}: name the format with --format, or end the file name in .html, .csv, .json or .md`,
    );
  }
  return format;
}

/** Writes the pieces to a temporary file beside `target`, then renames it: a reader never sees half a report. */
async function writeReport(target: string, chunks: Iterable<string>): Promise<void> {
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const stream = createWriteStream(temp, { encoding: 'utf8', mode: 0o644 });
    const failed = once(stream, 'error').then(([err]) => Promise.reject(err as Error));
    failed.catch(() => undefined);
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    }
    stream.end();
    await Promise.race([once(stream, 'close'), failed]);
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
    .option('--out <file>', 'write the report to FILE instead of stdout (repeatable)', collect)
    .option('--previous <file>', 'an earlier JSON report: adds what was granted, revoked or changed since')
    .addHelpText(
      'after',
      "\nWithout --format each --out FILE's extension names its format (.html, .csv, .json, .md); stdout gets html.",
    )
    .action(async (flags: AccessReportFlags, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      if (globals.workspaces.length > 0) {
        throw new UsageError('access-report covers the whole organisation: --workspace is not supported');
      }
      const outs = (flags.out ?? []).map((file) => ({ file, format: formatFor(globals.format, file) }));
      const stdoutFormat = outs.length === 0 ? formatFor(globals.format, undefined) : undefined;
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
      if (stdoutFormat !== undefined)
        for (const chunk of reportChunks(report, stdoutFormat)) deps.stdout(chunk);
      for (const out of outs) {
        await writeReport(path.resolve(deps.cwd, out.file), reportChunks(report, out.format));
      }
      if (outs.length > 0 && !globals.quiet) {
        const s = report.summary;
        deps.stderr(
          `access report of ${report.org.name} written to ${outs.map((o) => o.file).join(', ')}: ${s.people} people, ${s.workspaces} workspaces, ${s.rows} rows, ${s.unmanagedGrants} unmanaged grants\n`,
        );
      }
      setExit(ExitCode.Ok);
    });
}
