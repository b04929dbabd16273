/**
 * `seqera-sync codeowners [--check] [--staff @org/team…]`: writes (or checks)
 * `.github/CODEOWNERS` under the current directory (the repository root) from
 * the `maintainers` of every workspace file in the config dir (each file and
 * its workspace's dataset folder, `<org>/datasets/<workspace>/`). Only the
 * `name` and `maintainers` keys are read, so it works on files that other
 * checks may still reject. `--check` exits 1 with a diff when the committed
 * file differs from what would be written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { parse } from 'yaml';
import { findConfigFiles } from '../../config/config-files.js';
import { ExitCode, FileError, UsageError } from '../../errors.js';
import {
  DEFAULT_STAFF,
  OWNER_PATTERN,
  lineDiff,
  renderCodeowners,
  staffFromCodeowners,
  type CodeownersEntry,
} from '../../github/codeowners.js';
import { DATASETS_FOLDER } from '../../model/dataset-folder.js';
import type { CliDeps } from '../../usecases/deps.js';
import { readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../set-exit.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

interface CodeownersOptions {
  readonly check?: boolean;
  readonly staff?: string[];
}

export function registerCodeownersCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('codeowners')
    .description(
      "write .github/CODEOWNERS from each workspace file's maintainers (staff own everything else)",
    )
    .option('--check', 'do not write: exit 1 with a diff when .github/CODEOWNERS is out of date')
    .addOption(
      new Option(
        '--staff <owner>',
        `staff team or user (repeatable; default: the owners of the existing '*' line, else ${DEFAULT_STAFF})`,
      ).argParser(collect),
    )
    .action(async (opts: CodeownersOptions, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      const target = path.join(deps.cwd, '.github', 'CODEOWNERS');
      const shown = path.relative(deps.cwd, target).split(path.sep).join('/');
      const existing = await readOptional(target, shown);
      const staff = opts.staff ??
        (existing === undefined ? undefined : staffFromCodeowners(existing)) ?? [DEFAULT_STAFF];
      for (const owner of staff) {
        if (!OWNER_PATTERN.test(owner))
          throw new UsageError(`--staff takes @login or @org/team, got '${owner}'`);
      }
      const entries = await readMaintainers(path.resolve(deps.cwd, globals.configDir), deps.cwd);
      const wanted = renderCodeowners(staff, entries);

      if (opts.check === true) {
        if (existing === wanted) {
          deps.stdout(`${shown} is up to date (${String(workspaceFiles(entries))} workspace files).\n`);
          return;
        }
        const diff =
          existing === undefined
            ? [`(${shown} does not exist)`]
            : lineDiff(existing, wanted).filter((l) => l !== '+' && l !== '-');
        deps.stderr(
          `${shown} is out of date: run \`npx seqera-sync codeowners\` and commit the result.\n` +
            `--- ${shown} (committed)\n+++ ${shown} (from the workspace files)\n${diff.join('\n')}\n`,
        );
        setExit(ExitCode.Failure);
        return;
      }

      if (existing === wanted) {
        deps.stdout(`${shown} is already up to date (${String(workspaceFiles(entries))} workspace files).\n`);
        return;
      }
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, wanted, 'utf8');
      } catch {
        throw new FileError(shown, `cannot write ${shown}`);
      }
      deps.stdout(
        `Wrote ${shown} (${String(workspaceFiles(entries))} workspace files, staff: ${staff.join(' ')}).\n`,
      );
    });
}

/** How many workspace files the entries are for (each also gives its dataset folder). */
function workspaceFiles(entries: readonly CodeownersEntry[]): number {
  return entries.filter((e) => !e.path.endsWith('/')).length;
}

/** Two entries per workspace file (the file, its dataset folder), with repository paths and validated maintainers. */
async function readMaintainers(configDir: string, repoRoot: string): Promise<CodeownersEntry[]> {
  const files = await findConfigFiles(configDir);
  const entries: CodeownersEntry[] = [];
  for (const folder of files.folders) {
    for (const ref of folder.workspaces) {
      const relative = path.relative(repoRoot, ref.absolutePath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new UsageError(`the config dir must be inside the repository (${repoRoot}), got ${configDir}`);
      }
      const maintainers = await maintainersOf(ref.absolutePath, ref.display);
      const orgFolder = path.dirname(relative).split(path.sep).join('/');
      entries.push(
        { path: `/${relative.split(path.sep).join('/')}`, maintainers },
        // The workspace's dataset files, whether or not the folder exists yet.
        { path: `/${orgFolder}/${DATASETS_FOLDER}/${ref.baseName}/`, maintainers },
      );
    }
  }
  return entries;
}

async function maintainersOf(file: string, shown: string): Promise<string[]> {
  let doc: unknown;
  try {
    doc = parse(await readFile(file, 'utf8'));
  } catch {
    throw new FileError(shown, `${shown}: cannot read or parse it as YAML (run seqera-sync validate)`);
  }
  if (typeof doc !== 'object' || doc === null || !('maintainers' in doc)) return [];
  const maintainers: unknown = doc.maintainers;
  if (maintainers === null || maintainers === undefined) return [];
  if (!Array.isArray(maintainers)) throw new FileError(shown, `${shown}: maintainers must be a list`);
  return maintainers.map((m: unknown) => {
    if (typeof m !== 'string' || !OWNER_PATTERN.test(m)) {
      throw new FileError(shown, `${shown}: maintainers: '${String(m)}' is not a GitHub @login or @org/team`);
    }
    return m;
  });
}

async function readOptional(file: string, shown: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FileError(shown, `cannot read ${shown}`);
  }
}
