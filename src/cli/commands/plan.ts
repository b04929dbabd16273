/**
 * `seqera-sync plan`: reads live state, prints the plan (text, markdown or
 * json), optionally saves the JSON plan document (`--out`). Exit codes
 * (`ExitCode`): 0 success / empty plan, 1 error or blocked plan, 2 with
 * `--detailed-exitcode` when the plan has actions or unreported drift.
 */
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { isEmptyPlan, type PlanOptions } from '../../model/plan.js';
import { renderJson, renderMarkdown, renderText, type MarkdownRenderOptions } from '../../render/index.js';
import { blockersPhrase } from '../../render/summary.js';
import { planDocumentFor, writePlanFile } from '../../usecases/plan-document-io.js';
import { requireToken } from '../../usecases/require-token.js';
import { runPlan } from '../../usecases/run-plan.js';
import type { CliDeps } from '../../usecases/deps.js';
import { chooseFormat, readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../set-exit.js';

export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;

export const VARS_FILE_HELP =
  'read the variables from this JSON file ({"<org>/<workspace>": {"NAME": "value"}}) instead of SEQERA_SYNC_VARS';

interface PlanFlags {
  out?: string;
  varsFile?: string;
  detailedExitcode?: boolean;
  allowDeletions?: boolean;
  allowWorkspaceDeletion?: boolean;
  rotateSecrets?: boolean;
  baseConfigDir?: string;
  allowOrgCreation?: boolean;
}

/** The `--base-config-dir` option of `plan` and `apply`. */
export const BASE_CONFIG_DIR_HELP =
  "plan only what changed against this configuration (the base branch's workspaces/), judged by its safety settings";

export function planOptionsFrom(flags: PlanFlags): PlanOptions {
  return {
    allowDeletions: flags.allowDeletions === true,
    allowWorkspaceDeletion: flags.allowWorkspaceDeletion === true,
    rotateSecrets: flags.rotateSecrets === true,
    ...(flags.allowOrgCreation === true ? { allowOrgCreation: true } : {}),
  };
}

/**
 * In GitHub Actions, the run's page (where its artifacts are listed), so a
 * truncated PR comment links the full plan; nothing elsewhere.
 */
export function markdownOptions(env: CliDeps['env']): MarkdownRenderOptions {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const runId = env['GITHUB_RUN_ID'];
  if (server === undefined || repository === undefined || runId === undefined) return {};
  if (!/^https:\/\/[^\s/]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(runId)) {
    return {};
  }
  return { runUrl: `${server}/${repository}/actions/runs/${runId}` };
}

export function registerPlanCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('plan')
    .description('read the live platform and show what apply would change (format: text, markdown or json)')
    .option('--out <file>', 'save the JSON plan (for `apply FILE`)')
    .option('--vars-file <file>', VARS_FILE_HELP)
    .option('--detailed-exitcode', 'exit 2 when the plan is not empty (actions or drift), 0 when empty')
    .option('--allow-deletions', 'lift the deletion caps (maxDeletions, maxDeletionRatio)')
    .option('--allow-workspace-deletion', 'allow deleting workspaces whose file says state: absent')
    .option('--allow-org-creation', 'allow creating an organisation that has an organization.yaml')
    .option('--rotate-secrets', 'rewrite every declared pipeline secret from its variable')
    .option('--base-config-dir <dir>', BASE_CONFIG_DIR_HELP)
    .action(async (flags: PlanFlags, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      const format = chooseFormat(globals.format, PLAN_FORMATS, 'text');
      const run = await runPlan(deps, globals, planOptionsFrom(flags), {
        baseConfigDir: flags.baseConfigDir,
        varsFile: flags.varsFile,
      });
      const document =
        format === 'json' || flags.out !== undefined
          ? await planDocumentFor(run, globals.endpoint, requireToken(deps.env))
          : undefined;
      if (format === 'json' && document !== undefined) deps.stdout(renderJson(document));
      else if (format === 'markdown') deps.stdout(renderMarkdown(run.plan, markdownOptions(deps.env)));
      else deps.stdout(renderText(run.plan, { color: globals.color }));
      if (flags.out !== undefined && document !== undefined) {
        const written = await writePlanFile(deps.cwd, flags.out, document);
        if (!globals.quiet)
          deps.stderr(`Saved the plan to ${written}; apply it with: seqera-sync apply ${flags.out}\n`);
      }
      if (run.plan.blocked.length > 0) {
        deps.stderr(`Error: the plan is blocked by ${blockersPhrase(run.plan.blocked)}; see above.\n`);
        setExit(ExitCode.Failure);
      } else if (flags.detailedExitcode === true) {
        setExit(isEmptyPlan(run.plan) ? ExitCode.Ok : ExitCode.ChangesPresent);
      }
    });
}
