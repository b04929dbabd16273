/**
 * `seqera-sync new ORG/NAME --full-name … --admin EMAIL`: scaffolds
 * `<dir>/<org>/<name>.yaml` for onboarding a community (staff create the
 * workspace and make the requester its admin). The file carries the schema
 * comment, the declared fields and commented examples of the collections;
 * collections are left absent, i.e. unmanaged, until someone adds them.
 * Never overwrites a file.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { Document, YAMLMap, YAMLSeq } from 'yaml';
import { FileError, UsageError } from '../../errors.js';
import { OWNER_PATTERN } from '../../github/codeowners.js';
import { emailProblem } from '../../model/email.js';
import type { CliDeps } from '../../usecases/deps.js';
import { readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../set-exit.js';

/** Organisation and workspace names: 2-39 characters, single `-`/`_` between alphanumerics. */
export const NAME_PATTERN = /^[a-zA-Z\d](?:[a-zA-Z\d]|[-_](?=[a-zA-Z\d])){1,38}$/;
const VISIBILITIES = ['private', 'shared'] as const;
type Visibility = (typeof VISIBILITIES)[number];

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

interface NewOptions {
  readonly fullName: string;
  readonly admin: string[];
  readonly visibility: string;
  readonly description?: string;
  readonly maintainer?: string[];
  readonly outDir?: string;
}

export interface ScaffoldInput {
  readonly org: string;
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  readonly visibility: Visibility;
  readonly admins: readonly string[];
  readonly maintainers: readonly string[];
  /** Relative path from the new file's folder to `schemas/workspace.schema.json`. */
  readonly schemaPath: string;
}

export function registerNewCommand(program: Command, deps: CliDeps, _setExit: SetExit): Command {
  return program
    .command('new')
    .description('scaffold a workspace file for a community: <dir>/<org>/<name>.yaml')
    .argument('<org/name>', 'organisation and workspace name, e.g. biocommons/ausgen')
    .requiredOption('--full-name <text>', "the workspace's display name")
    .addOption(
      new Option('--admin <email>', 'email of the requester, who becomes admin (repeatable)')
        .argParser(collect)
        .makeOptionMandatory(),
    )
    .addOption(new Option('--visibility <visibility>', 'private or shared').default('private'))
    .option('--description <text>', 'free text')
    .addOption(
      new Option(
        '--maintainer <owner>',
        'GitHub @login or @org/team owning the file in CODEOWNERS (repeatable)',
      ).argParser(collect),
    )
    .option('--out-dir <dir>', 'where to write <org>/<name>.yaml (default: the --config-dir, workspaces)')
    .action(async (target: string, opts: NewOptions, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      const input = checkInput(target, opts);
      const dir = path.resolve(deps.cwd, opts.outDir ?? globals.configDir);
      const file = path.join(dir, input.org, `${input.name}.yaml`);
      const schema = path.join(deps.cwd, 'schemas', 'workspace.schema.json');
      const schemaPath = path.relative(path.dirname(file), schema).split(path.sep).join('/');
      const shown = path.relative(deps.cwd, file).split(path.sep).join('/');
      const text = renderWorkspaceScaffold({ ...input, schemaPath });

      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new FileError(shown, `${shown} already exists: not overwritten (edit it instead)`);
        }
        throw new FileError(shown, `cannot write ${shown}`);
      }
      const hasOrgFile = await exists(path.join(dir, input.org, 'organization.yaml'));
      deps.stdout(nextSteps(shown, input, globals.configDir, opts.outDir, hasOrgFile));
    });
}

function checkInput(target: string, opts: NewOptions): Omit<ScaffoldInput, 'schemaPath'> {
  const parts = target.split('/');
  const [org, name] = parts;
  if (parts.length !== 2 || org === undefined || name === undefined) {
    throw new UsageError(`expected ORG/NAME, got '${target}'`);
  }
  for (const [what, value] of [
    ['organisation', org],
    ['workspace', name],
  ] as const) {
    if (!NAME_PATTERN.test(value)) {
      throw new UsageError(
        `${what} name '${value}' must be 2 to 39 letters or digits, optionally joined by single '-' or '_'`,
      );
    }
  }
  const fullName = opts.fullName.trim();
  if (fullName === '' || fullName.length > 100 || /[\r\n\t]/.test(fullName)) {
    throw new UsageError('--full-name must be 1 to 100 characters on one line');
  }
  const admins = opts.admin.map((a) => a.trim());
  for (const email of admins) {
    const problem = emailProblem(email);
    if (problem !== undefined) {
      throw new UsageError(
        `--admin takes an email address, got '${email.slice(0, 60)}${email.length > 60 ? '…' : ''}': it ${problem}`,
      );
    }
  }
  if (new Set(admins.map((a) => a.toLowerCase())).size !== admins.length) {
    throw new UsageError('--admin lists the same email twice');
  }
  if (!(VISIBILITIES as readonly string[]).includes(opts.visibility)) {
    throw new UsageError(`--visibility must be private or shared, got '${opts.visibility}'`);
  }
  const maintainers = opts.maintainer ?? [];
  for (const m of maintainers) {
    if (!OWNER_PATTERN.test(m)) throw new UsageError(`--maintainer takes @login or @org/team, got '${m}'`);
  }
  const description = opts.description?.trim();
  return {
    org,
    name,
    fullName,
    ...(description === undefined || description === '' ? {} : { description }),
    visibility: opts.visibility as Visibility,
    admins,
    maintainers: [...new Set(maintainers)],
  };
}

/** The file's text: schema comment, declared fields, commented examples. Deterministic. */
export function renderWorkspaceScaffold(input: ScaffoldInput): string {
  const doc = new Document({
    name: input.name,
    fullName: input.fullName,
    ...(input.description === undefined ? {} : { description: input.description }),
    visibility: input.visibility,
    ...(input.maintainers.length === 0 ? {} : { maintainers: [...input.maintainers] }),
    participants: input.admins.map((email) => ({ email, role: 'admin' })),
  });
  const maintainers = doc.get('maintainers', true);
  if (maintainers instanceof YAMLSeq) maintainers.flow = true;
  const participants = doc.get('participants', true);
  if (participants instanceof YAMLSeq) {
    for (const item of participants.items) if (item instanceof YAMLMap) item.flow = true;
  }
  const prefix = input.name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const lines = [
    `# yaml-language-server: $schema=${input.schemaPath}`,
    `# Workspace ${input.org}/${input.name}, scaffolded by \`seqera-sync new\`.`,
    doc.toString({ lineWidth: 0 }).trimEnd(),
  ];
  if (input.maintainers.length === 0) {
    lines.push("# maintainers: ['@org/team', '@login']   # GitHub owners of this file (CODEOWNERS)");
  }
  lines.push(
    '',
    '# A collection that is absent is not managed: it is never compared or changed.',
    '# Uncomment and adapt the examples below to manage one. Secret fields must be',
    '# ${VAR} references; their values go in the SEQERA_SYNC_VARS secret, never here.',
    '#',
    '# credentials:',
    '#   - name: aws-main',
    '#     provider: aws',
    '#     keys:',
    '#       accessKey: AKIAEXAMPLE',
    `#       secretKey: \${${prefix}_AWS_SECRET_KEY}`,
    '#',
    '# computeEnvironments:',
    '#   - name: aws-sydney',
    '#     platform: aws-batch',
    '#     credentials: aws-main',
    '#     primary: true',
    '#     config:',
    '#       region: ap-southeast-2',
    `#       workDir: s3://${input.name.toLowerCase()}-work/scratch`,
    '#       forge: { type: SPOT, maxCpus: 256 }',
    '#',
    '# pipelines:',
    '#   - name: rnaseq',
    '#     url: https://github.com/nf-core/rnaseq',
    '#     revision: 3.14.0',
    '#     computeEnvironment: aws-sydney',
    `#     workDir: s3://${input.name.toLowerCase()}-work/scratch`,
  );
  return `${lines.join('\n')}\n`;
}

function nextSteps(
  shown: string,
  input: Omit<ScaffoldInput, 'schemaPath'>,
  configDir: string,
  outDir: string | undefined,
  hasOrgFile: boolean,
): string {
  const dirFlag = outDir ?? (configDir === 'workspaces' ? undefined : configDir);
  const validate = `npx seqera-sync validate${dirFlag === undefined ? '' : ` --config-dir ${dirFlag}`}`;
  const codeowners = `npx seqera-sync codeowners${dirFlag === undefined ? '' : ` --config-dir ${dirFlag}`}`;
  const lines = [
    `Created ${shown}`,
    '',
    'Next steps:',
    '  1. Review the file; add participants, credentials, compute environments and pipelines as needed.',
    `  2. ${validate}`,
    `  3. ${codeowners}    (updates .github/CODEOWNERS from maintainers)`,
    '  4. Commit and open a pull request: CI validates it and comments the plan;',
    '     staff review and merge, then CI applies it.',
    '',
    `${input.admins.join(', ')} must have signed in to the platform once; until then the apply`,
    'reports them as pending and the next run adds them.',
  ];
  if (!hasOrgFile) {
    lines.push(
      '',
      `Note: there is no ${path.posix.join(path.posix.dirname(path.posix.dirname(shown)), input.org, 'organization.yaml')}: ` +
        `the organisation '${input.org}' must already exist on the platform.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
